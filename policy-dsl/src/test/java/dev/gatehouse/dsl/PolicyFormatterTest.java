package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.dsl.internal.PolicySets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The formatter: canonical layout, comments kept, idempotent, and meaning preserved. Policy sets
 * are compared without their policies' sources, since formatting moves lines.
 */
final class PolicyFormatterTest {

  private static final Path MESSY = Path.of("src/test/resources/format/messy.policy");

  static Stream<Path> validFiles() {
    return Stream.of(AcmeExampleTest.ACME, MESSY);
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void format_validFile_isAFixedPoint(Path file) throws IOException {
    String once = PolicyFormatter.format("x.policy", Files.readString(file));
    assertThat(PolicyFormatter.format("x.policy", once)).isEqualTo(once);
  }

  @ParameterizedTest
  @MethodSource("validFiles")
  void format_validFile_keepsTheMeaning(Path file) throws IOException {
    String text = Files.readString(file);
    ParseResult before = PolicyDsl.parse("x.policy", text);
    ParseResult after = PolicyDsl.parse("x.policy", PolicyFormatter.format("x.policy", text));
    assertThat(after.errors()).isEmpty();
    assertThat(PolicySets.withoutSources(after.orThrow()))
        .isEqualTo(PolicySets.withoutSources(before.orThrow()));
  }

  @Test
  void format_messyFile_givesCanonicalLayout() throws IOException {
    String formatted = PolicyFormatter.format("messy.policy", Files.readString(MESSY));
    assertThat(formatted)
        .isEqualTo(Files.readString(Path.of("src/test/resources/format/messy.formatted")));
  }

  @Test
  void format_acmeExample_keepsItsComment() throws IOException {
    String formatted =
        PolicyFormatter.format("acme.policy", Files.readString(AcmeExampleTest.ACME));
    assertThat(formatted).startsWith("# Acme Corp access policies\nschema {\n");
    assertThat(formatted)
        .contains(
            "network office = [203.0.113.0/24, 2001:db8:10::/48]\n"
                + "network vpn = [198.51.100.7]\n");
  }

  @Test
  void format_syntaxError_throwsWithDiagnostics() {
    assertThatThrownBy(() -> PolicyFormatter.format("bad.policy", "assign {"))
        .isInstanceOfSatisfying(
            PolicySyntaxException.class,
            e ->
                assertThat(e.diagnostics())
                    .extracting(Diagnostic::toString)
                    .isEqualTo(
                        List.of(
                            "error[unexpected-token]: bad.policy:1:8: expected a policy id in"
                                + " quotes, found `{`")));
  }

  @Test
  void format_unknownNames_stillFormats() {
    assertThat(PolicyFormatter.format("n.policy", "condition  a=b")).isEqualTo("condition a = b\n");
  }
}
