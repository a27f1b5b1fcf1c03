package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rendered form of a diagnostic, as the house style fixes it. */
final class DiagnosticTest {

  @Test
  void render_styleGuideExample_matchesExactly() {
    Diagnostic d =
        Diagnostic.error(
                DiagnosticCode.UNKNOWN_ATTRIBUTE,
                "acme.policy",
                12,
                8,
                15,
                "unknown attribute `user.departmnet`")
            .withHelp("did you mean `user.department`?")
            .withLine("  when user.departmnet == \"Finance\"");
    assertThat(d.render())
        .isEqualTo(
            String.join(
                "\n",
                "error[unknown-attribute]: acme.policy:12:8: unknown attribute `user.departmnet`",
                "  |",
                "12 |   when user.departmnet == \"Finance\"",
                "  |        ^^^^^^^^^^^^^^^",
                "  = help: did you mean `user.department`?"));
  }

  @Test
  void render_parsedError_pointsAtTheSpan() {
    String text =
        "\n".repeat(11)
            + "assign \"a\" {\n  app \"x\" role \"y\"\n"
            + "  when user.departmnet == \"Finance\"\n}\n";
    ParseResult result = PolicyDsl.parse("acme.policy", text);
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(14);
              assertThat(d.column()).isEqualTo(8);
              assertThat(d.length()).isEqualTo(15);
              assertThat(d.help()).contains("did you mean `user.department`?");
            });
  }

  @Test
  void render_warningWithoutHelp_hasNoHelpLine() {
    Diagnostic d =
        Diagnostic.warning(DiagnosticCode.NEVER_MATCHES, "a.policy", 3, 1, 0, "m").withLine("x");
    assertThat(d.render()).isEqualTo("warning[never-matches]: a.policy:3:1: m\n  |\n 3 | x\n  | ^");
  }

  @Test
  void error_columnZero_throws() {
    assertThatThrownBy(() -> Diagnostic.error(DiagnosticCode.UNEXPECTED_TOKEN, "a", 1, 0, 0, "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid position 1:0 (length 0)");
  }
}
