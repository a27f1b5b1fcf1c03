package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No text, however bad, makes the diagnostics of a file large. */
final class BoundedDiagnosticsTest {

  @Test
  void parse_lineOfBangs_isOneDiagnosticWithAWindowedLine() {
    String text = "!".repeat(10_000) + "\n";

    ParseResult result = PolicyDsl.parse("bang.policy", text);

    assertThat(result.diagnostics()).hasSize(1);
    Diagnostic d = result.diagnostics().get(0);
    assertThat(d.code()).isEqualTo(DiagnosticCode.UNEXPECTED_CHARACTER);
    assertThat(d.message()).isEqualTo("unexpected character `!` (10000 times)");
    assertThat(result.render()).hasSizeLessThan(600);
    assertThat(result.render().lines()).hasSize(5);
  }

  @Test
  void parse_manyDifferentErrors_showsTheFirstHundredAndCountsTheRest() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append("$ ~ ` ? ;\n");
    }

    ParseResult result = PolicyDsl.parse("many.policy", text.toString());

    assertThat(result.diagnostics()).hasSize(101);
    Diagnostic last = result.diagnostics().get(100);
    assertThat(last.code()).isEqualTo(DiagnosticCode.TOO_MANY_DIAGNOSTICS);
    assertThat(last.isError()).isTrue();
    assertThat(last.message()).isEqualTo("and 1400 more errors, the first here; not shown");
    assertThat(last.line()).isEqualTo(21);
  }

  @Test
  void render_longLine_showsAWindowAroundTheCaret() {
    String text =
        "condition c = user.country == \"" + "x".repeat(5_000) + "\" and user.nope == 1\n";

    String rendered = PolicyDsl.parse("long.policy", text).render();

    List<String> lines = rendered.lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("error[unknown-attribute]: long.policy:1:5038: unknown attribute `user.nope`");
    assertThat(lines.get(2)).startsWith(" 1 | …xxxxxxxxxx").endsWith("\" and user.nope == 1");
    // As in every diagnostic, the caret row's margin (`  | `) is one shorter than ` 1 | `.
    assertThat(lines.get(3).indexOf('^')).isEqualTo(lines.get(2).indexOf("user.nope") - 1);
    assertThat(lines.get(3)).endsWith(" ^^^^^^^^^");
    assertThat(rendered).hasSizeLessThan(500);
  }

  @Test
  void render_messageQuotingControlCharacters_escapesThem() {
    String text =
        "delegate \"d\" {\n  to user.roles contains \"x\"\n  allow [user.create]\n"
            + "  on target.app == \"a\"\n}\nassign \"\u001b[2J\r\" {\n  app \"x\" role \"y\"\n}\n";

    String rendered = PolicyDsl.parse("esc.policy", text).render();

    assertThat(rendered).doesNotContain("\u001b").contains("\\u{1b}[2J");
  }

  @Test
  void parse_megabyteOfGarbage_rendersAFewHundredLines() {
    Random random = new Random(13);
    StringBuilder text = new StringBuilder(1 << 20);
    while (text.length() < 1 << 20) {
      int c = random.nextInt(0x7f);
      text.append(c == '\n' || random.nextInt(200) == 0 ? '\n' : (char) c);
    }

    ParseResult result = PolicyDsl.parse("garbage.policy", text.toString());

    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics()).hasSizeLessThanOrEqualTo(101);
    assertThat(result.render().lines().count()).isLessThan(600);
    assertThat(result.render()).hasSizeLessThan(100_000);
  }

  @Test
  void orThrow_manyErrors_messageIsBoundedAndErrorsFirst() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      text.append("$\n");
    }

    assertThatThrownBy(() -> PolicyDsl.parseOrThrow("many.policy", text.toString()))
        .isInstanceOfSatisfying(
            PolicySyntaxException.class,
            e -> {
              assertThat(e.diagnostics()).hasSize(101);
              assertThat(e.getMessage())
                  .hasSizeLessThan(5_000)
                  .endsWith("and 81 more diagnostics\n");
              assertThat(e.getMessage().split("\nerror\\[", -1)).hasSize(20);
            });
  }
}
