package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ReportCommandTest {

  private static final String EVENTS = Cli.EXAMPLES.resolve("sign-ins.jsonl").toString();

  @TempDir Path dir;

  @Test
  void report_exampleEvents_printsCountsAndTopFailures() {
    Cli.Result result = Cli.run("report", "--events", EVENTS);

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith("sign-in attempts from 2026-11-28T08:02:11Z through 2026-11-28T22:10:00Z: 10\n")
        .contains(
            "by outcome\n  failed_credentials             4\n  success                        3\n")
        .contains("  13:00  4\n")
        .contains("top failing users\n  u-4                            3\n  u-5  ")
        .contains("top failing addresses\n  192.0.2.66                     4\n");
  }

  @Test
  void report_periodAndJson_countsOnlyThePeriod() {
    Cli.Result result =
        Cli.run(
            "report",
            "-e",
            EVENTS,
            "--from",
            "2026-11-28T13:00:00Z",
            "--to",
            "2026-11-28T14:00:00Z",
            "--format",
            "json");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("\"total\": 4,").contains("\"failed_credentials\": 4,");
  }

  @Test
  void report_svg_writesChart() throws IOException {
    Path svg = dir.resolve("chart.svg");

    Cli.Result result = Cli.run("report", "-e", EVENTS, "--svg", svg.toString());

    assertThat(result.code()).isZero();
    assertThat(Files.readString(svg)).startsWith("<svg").contains("</svg>");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"user\": \"u\", \"time\": \"2026-11-28T08:00:00Z\", \"ip\": \"1.2.3.4\", \"outcome\": \"success\", \"colour\": \"red\"}"
            + " | unknown field `colour`",
        "{\"user\": \"u\", \"time\": \"2026-11-28T08:00:00Z\", \"ip\": \"1.2.3\", \"outcome\": \"success\"}"
            + " | malformed IP address `1.2.3`",
        "{\"user\": \"u\", \"time\": \"yesterday\", \"ip\": \"1.2.3.4\", \"outcome\": \"success\"}"
            + " | field `time`: malformed time `yesterday`: expected an ISO-8601 instant",
        "{\"user\": \"u\", \"time\": \"2026-11-28T08:00:00Z\", \"ip\": \"1.2.3.4\", \"outcome\": \"ok\"}"
            + " | field `outcome`: unknown outcome `ok`",
        "{\"time\": \"2026-11-28T08:00:00Z\", \"ip\": \"1.2.3.4\", \"outcome\": \"success\"}"
            + " | missing field `user`",
        "[1, 2] | expected an event object, got an array"
      })
  void report_badEvent_failsWithOneLineNamingTheLine(String line, String message)
      throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "\n" + line + "\n");

    Cli.Result result = Cli.run("report", "--events", events.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("error: " + events + ":2: ")
        .contains(message)
        .hasLineCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--svg", "--html"})
  void report_outputInMissingDirectory_exitsTwoBeforePrintingTheReport(String option) {
    Path file = dir.resolve("nonexistent").resolve("x");

    Cli.Result result = Cli.run("report", "--events", EVENTS, option, file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: cannot write `"
                + option
                + "` `"
                + file
                + "`: no such directory `"
                + file.toAbsolutePath().getParent()
                + "`\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--svg", "--html"})
  void report_outputIsADirectory_exitsTwoBeforePrintingTheReport(String option) {
    Cli.Result result = Cli.run("report", "--events", EVENTS, option, dir.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("error: cannot write `" + option + "` `" + dir + "`: it is a directory\n");
  }

  @Test
  void report_misspeltReasonCode_suggestsTheCode() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(
        events,
        "{\"user\": \"u\", \"time\": \"2026-11-28T08:00:00Z\", \"ip\": \"1.2.3.4\","
            + " \"outcome\": \"denied\", \"reasons\": [\"not_asigned\"]}\n");

    Cli.Result result = Cli.run("report", "--events", events.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + events
                + ":1: field `reasons`: unknown reason code `not_asigned`; did you mean"
                + " `not_assigned`?\n");
  }

  @Test
  void report_emptyFile_saysThereAreNoEventsRatherThanShowingTheEpoch() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "");

    Cli.Result table = Cli.run("report", "--events", events.toString());
    Cli.Result json = Cli.run("report", "--events", events.toString(), "--format", "json");

    assertThat(table.code()).isZero();
    assertThat(table.out())
        .startsWith("sign-in attempts: 0 (no events in `" + events + "`)\n")
        .doesNotContain("1970");
    assertThat(json.out()).contains("\"from\": null,\n  \"to\": null,").doesNotContain("1970");
  }

  @Test
  void report_explicitPeriod_showsItsExclusiveEnd() {
    Cli.Result result =
        Cli.run(
            "report",
            "-e",
            EVENTS,
            "--from",
            "2026-11-28T13:00:00Z",
            "--to",
            "2026-11-28T14:00:00Z");

    assertThat(result.out())
        .startsWith("sign-in attempts from 2026-11-28T13:00:00Z to 2026-11-28T14:00:00Z: 4\n");
  }
}
