package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gatehouse report} over a decision log written by {@code policy-decisionlog}. */
final class ReportDecisionLogTest {

  @TempDir Path dir;

  @Test
  void report_decisionLog_countsDecisionsByEffectReasonAppAndDeniedAddress() throws IOException {
    Path log = DecisionLogs.write(dir.resolve("decisions.jsonl"), "user.email");

    Cli.Result result = Cli.run("report", "--events", log.toString());

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith(
            "events from 2026-11-29T10:00:00Z through 2026-11-29T10:00:00Z: 4 (4 decisions, 0"
                + " sign-in attempts)\n")
        .containsPattern("decisions by effect\n  permit +2\n  challenge +1\n  deny +1\n")
        .containsPattern("mfa_required +1\n")
        .containsPattern("network_not_allowed +1\n")
        .containsPattern("decisions by app\n  mail +3\n  payroll +1\n")
        .containsPattern("top denied users\n  u-2 +1\n")
        // The log cut the address to its /24; the report shows that network, never the address.
        .containsPattern("top denied addresses\n  198\\.51\\.100\\.0/24 +1\n")
        .containsPattern("by user\n  u-1 +2\n")
        .doesNotContain("198.51.100.99")
        .doesNotContain("@example.com");
  }

  @Test
  void report_decisionLogMaskingUsers_showsOnlyMaskedValues() throws IOException {
    Path log = DecisionLogs.write(dir.resolve("decisions.jsonl"), "user.id");

    Cli.Result result = Cli.run("report", "--events", log.toString(), "--format", "json");

    assertThat(result.code()).as(result.err()).isZero();
    JsonNode report = Json.parse("report", result.out());
    assertThat(report.at("/byUser").toString()).isEqualTo("{\"***\":4}");
    assertThat(report.at("/decisions/byEffect/permit").asInt()).isEqualTo(2);
    assertThat(report.at("/decisions/byReason/network_not_allowed").asInt()).isEqualTo(1);
    assertThat(report.at("/decisions/topDeniedUsers/0/user").asText()).isEqualTo("***");
    assertThat(result.out()).doesNotContain("u-1").doesNotContain("u-2");
  }

  @Test
  void report_mixedFile_readsSignInsAndDecisionsTogether() throws IOException {
    Path log = DecisionLogs.write(dir.resolve("decisions.jsonl"), "user.email");
    Path mixed = dir.resolve("mixed.jsonl");
    Files.writeString(
        mixed,
        Files.readString(Cli.EXAMPLES.resolve("sign-ins.jsonl")) + "\n" + Files.readString(log));

    Cli.Result result = Cli.run("report", "--events", mixed.toString(), "--format", "json");

    assertThat(result.code()).as(result.err()).isZero();
    JsonNode report = Json.parse("report", result.out());
    assertThat(report.at("/decisions/total").asInt()).isEqualTo(4);
    assertThat(report.at("/total").asInt()).isEqualTo(14);
  }

  @Test
  void report_decisionRecordWithUnknownEffect_failsNamingTheLine() throws IOException {
    Path log = dir.resolve("bad.jsonl");
    Files.writeString(
        log, "{\"id\":\"a-1\",\"time\":\"2026-11-29T10:00:00Z\",\"effect\":\"allow\"}\n");

    Cli.Result result = Cli.run("report", "--events", log.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            log
                + ":1: field `effect`: unknown effect `allow`; expected one of permit, deny,"
                + " challenge");
  }
}
