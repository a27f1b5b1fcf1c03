package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckAnalyzeTest {

  @TempDir Path dir;

  @Test
  void checkAnalyze_example_listsAppsWithoutMfaWithWitnessesEvalPermits() throws IOException {
    Cli.Result result = Cli.run("check", "--analyze", Cli.ACME);

    assertThat(result.code()).isZero();
    List<String> lines = result.out().lines().toList();
    assertThat(lines)
        .filteredOn(l -> !l.startsWith("  witness: "))
        .containsExactly(
            "ok: 7 policies in 1 file, 0 warnings",
            "analysis: 2 findings, 0 undecided",
            "no_mfa: some user reaches `books` with no MFA requirement at all",
            "no_mfa: some user reaches `mail` with no MFA requirement at all");
    for (String line : lines) {
      if (line.startsWith("  witness: ")) {
        Path request = dir.resolve("witness.json");
        Files.writeString(request, line.substring("  witness: ".length()));
        Cli.Result eval = Cli.run("eval", "-p", Cli.ACME, "--request", request.toString());
        assertThat(Json.parse("eval", eval.out()).get("effect").asText()).isEqualTo("PERMIT");
      }
    }
  }

  @Test
  void checkAnalyze_delegationOfAdminActions_isAnEscalationWhoseWitnessEvalPermits()
      throws IOException {
    Path policies = dir.resolve("editors.policy");
    Files.writeString(
        policies,
        Files.readString(Path.of(Cli.ACME))
            + "\ndelegate \"policy-editors\" {\n  to user.department == \"HR\"\n"
            + "  allow [user.update, admin.*]\n  on target.department == \"HR\"\n}\n");

    Cli.Result result = Cli.run("check", "--analyze", policies.toString());

    assertThat(result.code()).isZero();
    List<String> lines = result.out().lines().toList();
    int at =
        lines.indexOf(
            "delegation_escalation [policy-editors]: `policy-editors` lets its"
                + " administrators perform `admin.zother`, which changes delegations or policies: they"
                + " can give themselves more than `policy-editors` allows");
    assertThat(at).isNotNegative();
    Path request = dir.resolve("witness.json");
    Files.writeString(request, lines.get(at + 1).substring("  witness: ".length()));
    Cli.Result eval = Cli.run("eval", "-p", policies.toString(), "--request", request.toString());
    assertThat(Json.parse("eval", eval.out()).get("effect").asText()).isEqualTo("PERMIT");
    assertThat(Json.parse("eval", eval.out()).get("matched").toString())
        .contains("\"policy-editors\"");
  }

  @Test
  void checkAnalyze_noTime_reportsEveryQueryUndecided() {
    Cli.Result result = Cli.run("check", "--analyze", "--budget", "0", Cli.ACME);

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("analysis: 0 findings, ")
        .contains(
            "no_mfa: undecided (out of time): 3 questions not asked, the first: can some"
                + " user reach `books` without MFA");
  }
}
