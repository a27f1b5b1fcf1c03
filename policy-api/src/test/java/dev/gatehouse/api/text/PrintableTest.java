package dev.gatehouse.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PrintableTest {

  @CsvSource(
      delimiter = '|',
      value = {
        "bob\\u0085user=admin  | bob\\u{85}user=admin",
        "a\\nb\\rc             | a\\u{a}b\\u{d}c",
        "\\u001b[31mred        | \\u{1b}[31mred",
        "line\\u2028next       | line\\u{2028}next",
        "para\\u2029next       | para\\u{2029}next",
        "no\\u00a0break        | no\\u{a0}break",
        "\\u202eevil\\u2066x    | \\u{202e}evil\\u{2066}x",
        "zero\\u200bwidth      | zero\\u{200b}width",
        "nul\\u0000            | nul\\u{0}",
        "em\\u2003space        | em\\u{2003}space",
        "tab\\there            | tab\\u{9}here",
        "plain text é 名 😀    | plain text é 名 😀"
      })
  @ParameterizedTest(name = "{0}")
  void escape_unsafeCharacter_isWrittenVisibly(String javaEscaped, String expected) {
    String text = JavaEscapes.unescape(javaEscaped);

    String shown = Printable.escape(text);

    assertThat(shown).isEqualTo(expected);
    assertThat(shown.codePoints().noneMatch(Printable::isUnsafe)).isTrue();
    assertThat(Printable.isPrintable(text)).isEqualTo(text.equals(expected));
  }

  @org.junit.jupiter.api.Test
  void escape_loneSurrogate_isEscaped() {
    assertThat(Printable.escape("a\ud800b")).isEqualTo("a\\u{d800}b");
  }

  @org.junit.jupiter.api.Test
  void escape_longText_isCutAndSaysHowMuchIsLeftOut() {
    String shown = Printable.escape("x".repeat(1_000_000) + "\n", 20);

    assertThat(shown).isEqualTo("x".repeat(20) + "… (999981 more characters)");
  }
}
