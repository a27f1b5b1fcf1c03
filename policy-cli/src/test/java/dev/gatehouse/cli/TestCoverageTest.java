package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestCoverageTest {

  private static final String POLICIES =
      "network office = [203.0.113.0/24]\n"
          + "assign \"mail-fr\" {\n"
          + "  app \"mail\" role \"user\"\n"
          + "  when user.employment != \"contractor\" and user.country == \"FR\"\n"
          + "}\n"
          + "assign \"finance-books\" {\n"
          + "  app \"books\" role \"accountant\"\n"
          + "  when user.department == \"Finance\"\n"
          + "}\n"
          + "restrict \"mail-from-office\" {\n"
          + "  apps [\"mail\"]\n"
          + "  allow from office\n"
          + "  when not (user.roles contains \"auditor\")\n"
          + "}\n";

  private static final String CASES =
      "{\"policies\": [\"t.policy\"], \"cases\": ["
          + "{\"name\": \"french employee\", \"request\": {\"user\": {\"employment\": \"employee\","
          + " \"country\": \"FR\", \"roles\": []}, \"app\": \"mail\", \"action\": \"access\","
          + " \"ip\": \"203.0.113.9\"}, \"expect\": {\"effect\": \"PERMIT\", \"roles\": [\"user\"]}},"
          + "{\"name\": \"auditing contractor, country unknown\", \"request\": {\"user\":"
          + " {\"employment\": \"contractor\", \"roles\": [\"auditor\"]}, \"app\": \"mail\","
          + " \"action\": \"access\", \"ip\": \"203.0.113.9\"}, \"expect\": {\"effect\": \"DENY\"}}"
          + "]}\n";

  @TempDir Path dir;

  private Path tests;

  @BeforeEach
  void writeFiles() throws IOException {
    Files.writeString(dir.resolve("t.policy"), POLICIES);
    tests = Files.writeString(dir.resolve("t.tests.json"), CASES);
  }

  @Test
  void test_coverage_listsUncoveredPoliciesWithLineAndPercentage() {
    Cli.Result result = Cli.run("test", "--coverage", tests.toString());

    String policy = dir.resolve("t.policy").toString();
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "2 passed, 0 failed\n"
                + "coverage: 2 of 3 policies applied (66.7%), 9 of 12 condition outcomes (75.0%)\n"
                + "uncovered policies:\n"
                + "  "
                + policy
                + ":6  assign `finance-books`: no case reaches it\n"
                + "condition parts not seen both ways:\n"
                + "  "
                + policy
                + ":2  `mail-fr` when `user.country == \"FR\"`: never false"
                + " (1 true, 0 false, 1 unknown)\n"
                + "  "
                + policy
                + ":6  `finance-books` when `user.department == \"Finance\"`: never"
                + " true nor false (0 true, 0 false, 0 unknown)\n");
  }

  @Test
  void test_minAtOrUnderCoverage_passes() {
    Cli.Result result = Cli.run("test", "--coverage", "--min", "66.6", tests.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).doesNotContain("minimum");
  }

  @Test
  void test_minOverCoverage_failsWithOneLine() {
    Cli.Result result = Cli.run("test", "--coverage", "--min", "66.7", tests.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .startsWith("2 passed, 0 failed\n")
        .endsWith("\ncoverage 66.67% is under the minimum of 66.70%\n");
  }

  @Test
  void test_minWithoutCoverage_isAUsageError() {
    Cli.Result result = Cli.run("test", "--min", "50", tests.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("`--min` takes a percentage from 0 to 100 and needs" + " `--coverage`");
  }

  @Test
  void test_coverageAsJson_holdsEveryPolicyAndPart() throws IOException {
    Cli.Result result =
        Cli.run("test", "--coverage", "--min", "80", "--format", "json", tests.toString());

    assertThat(result.code()).isEqualTo(1);
    JsonNode json = Json.MAPPER.readTree(result.out());
    assertThat(json.get("passed").asInt()).isEqualTo(2);
    assertThat(json.get("failures")).isEmpty();
    JsonNode coverage = json.get("coverage");
    assertThat(coverage.get("cases").asInt()).isEqualTo(2);
    assertThat(coverage.get("percent").asDouble()).isEqualTo(200.0 / 3);
    assertThat(coverage.get("outcomesSeen").asInt()).isEqualTo(9);
    assertThat(coverage.get("belowMinimum").asBoolean()).isTrue();
    assertThat(coverage.get("uncovered"))
        .extracting(JsonNode::asText)
        .containsExactly("finance-books");
    JsonNode mail = coverage.get("policies").get(0);
    assertThat(mail.get("id").asText()).isEqualTo("mail-fr");
    assertThat(mail.get("line").asInt()).isEqualTo(2);
    assertThat(mail.get("covered").asBoolean()).isTrue();
    JsonNode country = mail.get("parts").get(2);
    assertThat(country.get("condition").asText()).isEqualTo("user.country == \"FR\"");
    assertThat(country.get("depth").asInt()).isEqualTo(1);
    assertThat(country.get("true").asInt()).isEqualTo(1);
    assertThat(country.get("false").asInt()).isZero();
    assertThat(country.get("unknown").asInt()).isEqualTo(1);
  }

  @Test
  void test_failureAsJson_isListedWithItsDiff() throws IOException {
    Files.writeString(tests, CASES.replace("\"PERMIT\"", "\"DENY\""));

    Cli.Result result = Cli.run("test", "--format", "json", tests.toString());

    assertThat(result.code()).isEqualTo(1);
    JsonNode json = Json.MAPPER.readTree(result.out());
    assertThat(json.get("failed").asInt()).isEqualTo(1);
    assertThat(json.has("coverage")).isFalse();
    JsonNode failure = json.get("failures").get(0);
    assertThat(failure.get("case").asText()).isEqualTo("french employee");
    assertThat(failure.get("diff"))
        .extracting(JsonNode::asText)
        .startsWith("- effect: DENY", "+ effect: PERMIT");
  }
}
