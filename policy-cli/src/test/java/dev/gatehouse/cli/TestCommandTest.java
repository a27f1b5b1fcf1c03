package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestCommandTest {

  private static final String REQUEST =
      "{\"user\": {\"department\": \"Sales\", \"roles\": [], \"employment\": \"employee\"},"
          + " \"app\": \"mail\", \"action\": \"access\", \"ip\": \"203.0.113.9\","
          + " \"time\": \"2026-11-29T10:00:00Z\", \"risk\": {\"level\": \"low\"},"
          + " \"auth\": {\"methods\": [\"password\"], \"time\": \"2026-11-29T09:00:00Z\"}}";

  @TempDir Path dir;

  @BeforeEach
  void copyPolicies() throws IOException {
    Files.copy(Path.of(Cli.ACME), dir.resolve("acme.policy"));
  }

  @Test
  void test_acmeExamples_allPass() {
    Cli.Result result = Cli.run("test", Cli.EXAMPLES.resolve("acme.tests.json").toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("30 passed, 0 failed\n");
    assertThat(result.code()).isZero();
  }

  @Test
  void test_directory_runsTheTestFilesUnderIt() {
    Cli.Result result = Cli.run("test", Cli.EXAMPLES.toString());

    assertThat(result.out()).isEqualTo("30 passed, 0 failed\n");
    assertThat(result.code()).isZero();
  }

  @Test
  void test_failingCase_printsDiffAndExitsOne() throws IOException {
    Path file =
        write(
            "{\"name\": \"sales mail\", \"request\": "
                + REQUEST
                + ", \"expect\": "
                + "{\"effect\": \"DENY\", \"roles\": [\"admin\"], \"reasons\": [\"not_assigned\"],"
                + " \"requirements\": [{\"policy\": \"admins-strong\"}],"
                + " \"reportOnly\": [{\"policy\": \"block-tor\", \"effect\": \"DENY\"}]}},"
                + "{\"name\": \"passes\", \"request\": "
                + REQUEST
                + ", \"expect\": "
                + "{\"effect\": \"PERMIT\", \"roles\": [\"user\"], \"reasons\": []}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            "FAIL "
                + file
                + ": sales mail\n"
                + "  - effect: DENY\n"
                + "  + effect: PERMIT\n"
                + "  - roles: [admin]\n"
                + "  + roles: [user]\n"
                + "  - reasons: [not_assigned]\n"
                + "  + reasons: []\n"
                + "  - requirements: [admins-strong]\n"
                + "  + requirements: []\n"
                + "  - reportOnly: [block-tor DENY]\n"
                + "  + reportOnly: []\n"
                + "1 passed, 1 failed\n");
  }

  @Test
  void test_reasonWithPolicy_mustMatchThePolicy() throws IOException {
    Path file =
        write(
            "{\"name\": \"home\", \"request\": "
                + REQUEST.replace("mail", "books").replace("203.0.113.9", "100.64.1.1")
                + ", \"expect\": {\"effect\": \"DENY\", \"reasons\": [\"not_assigned\","
                + " {\"code\": \"network_not_allowed\", \"policy\": \"other\"}]}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            "FAIL "
                + file
                + ": home\n"
                + "  - reasons: [network_not_allowed [other], not_assigned]\n"
                + "  + reasons: [network_not_allowed [payroll-from-office], not_assigned]\n"
                + "0 passed, 1 failed\n");
  }

  @Test
  void test_unknownField_exitsTwoNamingIt() throws IOException {
    Path file = write("{\"name\": \"x\", \"request\": {}, \"expect\": {\"efect\": \"PERMIT\"}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + file
                + ": cases[0] `x`: `expect`: unknown field `efect`; expected"
                + " effect, reasons, reportOnly, requirements, roles\n");
  }

  @Test
  void test_badRequestInCase_exitsTwoNamingCaseAndField() throws IOException {
    Path file =
        write(
            "{\"name\": \"x\", \"request\": {\"ip\": \"1.2.3\"},"
                + " \"expect\": {\"effect\": \"PERMIT\"}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: "
                + file
                + ": cases[0] `x`: `request`: field `ip`: attribute"
                + " `request.ip`: malformed IP address `1.2.3`");
  }

  @Test
  void test_unknownEffect_exitsTwo() throws IOException {
    Path file = write("{\"name\": \"x\", \"request\": {}, \"expect\": {\"effect\": \"ALLOW\"}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + file
                + ": cases[0] `x`: `expect`.effect: unknown effect `ALLOW`;"
                + " expected PERMIT, DENY or CHALLENGE\n");
  }

  @Test
  void test_unknownReasonCode_exitsTwoWithSuggestion() throws IOException {
    Path file =
        write(
            "{\"name\": \"x\", \"request\": {}, \"expect\": {\"effect\": \"DENY\","
                + " \"reasons\": [\"not_asigned\"]}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + file
                + ": cases[0] `x`: `expect`.reasons[0]: unknown reason code `not_asigned`;"
                + " did you mean `not_assigned`?\n");
  }

  @Test
  void test_invalidPolicies_failsEveryCaseAndExitsOne() throws IOException {
    Files.writeString(dir.resolve("acme.policy"), "assign {\n");
    Path file = write("{\"name\": \"x\", \"request\": {}, \"expect\": {\"effect\": \"PERMIT\"}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo("FAIL " + file + ": the policies are invalid\n0 passed, 1 failed\n");
    assertThat(result.err()).startsWith("error[");
  }

  @Test
  void test_directoryWithoutTestFiles_exitsTwoNamingTheConvention() throws IOException {
    Path typo = Files.createDirectory(dir.resolve("typo"));
    Files.writeString(typo.resolve("acme.test.json"), "{}");

    Cli.Result result = Cli.run("test", typo.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("error: no test cases in `" + typo + "`: test files are named `*.tests.json`\n");
  }

  @Test
  void test_emptyCases_exitsTwo() throws IOException {
    Path file = write("");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo("error: no test cases in `" + file + "`: `cases` is empty\n");
  }

  @Test
  void test_missingPolicyFile_namesTheTestFileAndThatPathsAreRelative() throws IOException {
    Path file = dir.resolve("x.tests.json");
    Files.writeString(file, "{\"policies\": [\"nosuch.policy\"], \"cases\": []}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + file
                + ": `policies`: no such file or directory `nosuch.policy` (`"
                + dir.resolve("nosuch.policy")
                + "`: paths are relative to the test file)\n");
  }

  @Test
  void test_withinInAnotherUnit_matchesByValue() throws IOException {
    Path file =
        write(
            "{\"name\": \"admin\", \"request\": "
                + REQUEST.replace("\"roles\": []", "\"roles\": [\"sysadmin\"]")
                + ", \"expect\": {\"effect\": \"CHALLENGE\", \"requirements\":"
                + " [{\"policy\": \"admins-strong\", \"within\": \"480m\"}]}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.out()).isEqualTo("1 passed, 0 failed\n");
    assertThat(result.code()).isZero();
  }

  @Test
  void test_malformedWithin_exitsTwoNamingIt() throws IOException {
    Path file =
        write(
            "{\"name\": \"x\", \"request\": {}, \"expect\": {\"effect\": \"DENY\","
                + " \"requirements\": [{\"policy\": \"p\", \"within\": \"8 hours\"}]}}");

    Cli.Result result = Cli.run("test", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: "
                + file
                + ": cases[0] `x`: `expect`.requirements[0].within: malformed"
                + " duration `8 hours`");
  }

  @Test
  void test_policiesWithWarnings_printOneLineAboutThem() throws IOException {
    Files.writeString(
        dir.resolve("acme.policy"),
        "\nassign \"all-wiki\" {\n  app \"wiki\" role \"reader\"\n}\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path file =
        write(
            "{\"name\": \"x\", \"request\": "
                + REQUEST
                + ", \"expect\":"
                + " {\"effect\": \"PERMIT\"}}");

    Cli.Result result = Cli.run("test", file.toString());
    Cli.Result quiet = Cli.run("test", "--quiet", file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.err())
        .matches("warning: [0-9]+ warnings? in the policies: run `gatehouse check` for details\n");
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).isEqualTo("1 passed, 0 failed\n");
  }

  private Path write(String cases) throws IOException {
    Path file = dir.resolve("mail.tests.json");
    Files.writeString(file, "{\"policies\": [\"acme.policy\"], \"cases\": [" + cases + "]}\n");
    return file;
  }
}
