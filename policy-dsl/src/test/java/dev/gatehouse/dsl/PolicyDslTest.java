package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.policy.PolicySet;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading sources: strings, several sources, files, directories, class path resources. */
final class PolicyDslTest {

  private static final String MAIL =
      "assign \"mail\" {\n  app \"mail\" role \"user\"\n"
          + "  when user.employment != \"contractor\"\n}\n";

  @Test
  void load_directory_readsPolicyFilesSortedByName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.policy"), MAIL.replace("mail", "wiki"));
    Files.writeString(dir.resolve("a.policy"), MAIL);
    Files.writeString(dir.resolve("notes.txt"), "not a policy");
    PolicySet set = PolicyDsl.loadOrThrow(dir);
    assertThat(set.policies()).extracting(p -> p.id()).containsExactly("mail", "wiki");
    assertThat(set.policies().get(1).source().file()).isEqualTo(dir.resolve("b.policy").toString());
  }

  @Test
  void load_idDuplicatedAcrossFiles_reportsBothLocations(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.policy"), MAIL);
    Files.writeString(dir.resolve("b.policy"), "# second\n" + MAIL);
    ParseResult result = PolicyDsl.load(dir);
    assertThat(result.policySet()).isEmpty();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.DUPLICATE_POLICY_ID);
              assertThat(d.source()).isEqualTo(dir.resolve("b.policy").toString());
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.message())
                  .isEqualTo(
                      "policy id `mail` is already used at " + dir.resolve("a.policy") + ":1:8");
            });
  }

  @Test
  void parse_severalSources_shareNetworksAndConditions() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(
        "names.policy",
        "network office = [10.0.0.0/8]\n" + "condition sales = user.department == \"Sales\"\n");
    sources.put(
        "rules.policy",
        "restrict \"crm\" {\n  apps [\"crm\"]\n  allow from office\n" + "  when sales\n}\n");
    PolicySet set = PolicyDsl.parseOrThrow(sources);
    assertThat(set.networks()).containsOnlyKeys("office");
    assertThat(set.policy("crm")).isPresent();
  }

  @Test
  void loadResource_acmeOnClassPath_parsesWithoutDiagnostics() throws Exception {
    ParseResult result = PolicyDsl.loadResource("policies/acme.policy");
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.orThrow().policies()).hasSize(7);
    assertThat(Files.readString(Path.of("src/test/resources/policies/acme.policy")))
        .isEqualTo(Files.readString(AcmeExampleTest.ACME));
  }

  @Test
  void loadResource_missing_throwsIllegalArgument() {
    assertThatThrownBy(() -> PolicyDsl.loadResource("nope.policy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no class path resource `nope.policy`");
  }

  @Test
  void parseOrThrow_errors_throwWithEveryDiagnostic() {
    String text =
        "assign \"a\" {\n  app \"x\" role \"y\"\n  when user.departmnet == \"x\"\n}\n"
            + "network n = [10.0.0.1/8]\n";
    assertThatThrownBy(() -> PolicyDsl.parseOrThrow("t.policy", text))
        .isInstanceOfSatisfying(
            PolicySyntaxException.class,
            e -> {
              assertThat(e.diagnostics())
                  .extracting(Diagnostic::code)
                  .containsExactly(DiagnosticCode.UNKNOWN_ATTRIBUTE, DiagnosticCode.INVALID_CIDR);
              assertThat(e.getMessage())
                  .startsWith(
                      "error[unknown-attribute]: t.policy:3:8: unknown attribute"
                          + " `user.departmnet`\n");
            });
  }

  @Test
  void parse_sourceOverSizeLimit_reportsFileTooLarge() {
    String text = "#" + "x".repeat(4 << 20);
    ParseResult result = PolicyDsl.parse("big.policy", text);
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.FILE_TOO_LARGE);
              assertThat(d.render())
                  .isEqualTo(
                      "error[file-too-large]: big.policy:1:1: source has 4194305 characters, more"
                          + " than the limit of 4194304\n"
                          + "  = help: split it into several files");
            });
  }

  @Test
  void load_fileTooLargeToRead_reportsItsSizeInBytes(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.policy");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength((16L << 20) + 1);
    }
    assertThat(onlyErrorMessage(PolicyDsl.load(big)))
        .isEqualTo("source has 16777217 bytes, too many for the limit of 4194304 characters");
  }

  @Test
  void load_fileOverLimitInTwoByteCharacters_reportsCharactersNotBytes(@TempDir Path dir)
      throws Exception {
    Path big = dir.resolve("big.policy");
    Files.writeString(big, "#" + "\u00e9".repeat(4 << 20), StandardCharsets.UTF_8);
    assertThat(onlyErrorMessage(PolicyDsl.load(big)))
        .isEqualTo("source has 4194305 characters, more than the limit of 4194304");
  }

  private static String onlyErrorMessage(ParseResult result) {
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0).message();
  }

  @Test
  void parse_deepNotChain_reportsNestingNotStackOverflow() {
    String text = "condition c = " + "not ".repeat(100_000) + "user.country == \"FR\"\n";
    ParseResult result = PolicyDsl.parse("deep.policy", text);
    assertThat(result.errors())
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCode.NESTING_TOO_DEEP);
  }

  @Test
  void parse_longChainOfNamedConditions_reportsDepthNotStackOverflow() {
    StringBuilder text = new StringBuilder("condition c0 = user.country == \"FR\"\n");
    for (int i = 1; i < 5_000; i++) {
      text.append("condition c").append(i).append(" = c").append(i - 1).append('\n');
    }
    ParseResult result = PolicyDsl.parse("chain.policy", text.toString());
    assertThat(result.errors())
        .extracting(Diagnostic::code)
        .containsOnly(DiagnosticCode.NESTING_TOO_DEEP);
  }

  @Test
  void parse_reversedChainOfNamedConditions_reportsDepthNotStackOverflow() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      text.append("condition c").append(i).append(" = c").append(i + 1).append('\n');
    }
    text.append("condition c5000 = user.country == \"FR\"\n");
    ParseResult result = PolicyDsl.parse("chain.policy", text.toString());
    assertThat(result.errors())
        .isNotEmpty()
        .extracting(Diagnostic::code)
        .containsOnly(DiagnosticCode.NESTING_TOO_DEEP);
  }

  @Test
  void parse_validTextWithWarning_returnsSetAndWarning() {
    ParseResult result =
        PolicyDsl.parse("w.policy", "assign \"all\" {\n  app \"mail\" role \"user\"\n}\n");
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.policySet()).isPresent();
    assertThat(result.warnings())
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCode.ASSIGN_WITHOUT_WHEN);
  }

  @Test
  void parse_timeWindowAndOtherTests_lowerToModel() {
    String text =
        "authenticate \"hours\" {\n"
            + "  apps [\"payroll\"]\n"
            + "  when not request.time during weekdays 08:00-18:00 in \"Europe/Paris\"\n"
            + "    or request.ip in [10.0.0.0/8, ::1] or user.email ends_with \"@x.com\"\n"
            + "    or auth.methods contains any [sso, password] or risk.score >= 0\n"
            + "  require sso\n"
            + "}\n";
    ParseResult result = PolicyDsl.parse("h.policy", text);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.orThrow().policies().get(0).toString())
        .contains(
            "request.time during " + "[mon, tue, wed, thu, fri] 08:00-18:00 in \"Europe/Paris\"");
  }
}
