package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class LiteralTest {

  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "Finance         | \"Finance\"",
        "say \"hi\"      | \"say \\\"hi\\\"\"",
        "C:\\dir         | \"C:\\\\dir\"",
        "''              | \"\"",
        "Zürich          | \"Zürich\""
      })
  @ParameterizedTest(name = "{0} -> {1}")
  void str_toString_quotesAndEscapes(String value, String written) {
    assertThat(new Literal.Str(value)).hasToString(written);
  }

  @Test
  void str_controlCharacters_areEscaped() {
    assertThat(new Literal.Str("a\nb\tc\rd")).hasToString("\"a\\nb\\tc\\rd\"");
  }

  @Test
  void str_bidiControlsAndInvisibleCharacters_areWrittenAsEscapes() {
    // Written raw they would be refused when read back (bidi, line separators) or hide.
    assertThat(new Literal.Str("admin\u202e\u2066x\u2028y\u00a0z\u200b\u0000\u001b"))
        .hasToString("\"admin\\u{202e}\\u{2066}x\\u{2028}y\\u{a0}z\\u{200b}\\u{0}\\u{1b}\"");
    assertThat(new Literal.Str("é 名 😀")).hasToString("\"é 名 😀\"");
  }

  @Test
  void of_buildsStringAndIntLiterals() {
    assertThat(Literal.of("x")).isEqualTo(new Literal.Str("x"));
    assertThat(Literal.of(42)).isEqualTo(new Literal.Int(42)).hasToString("42");
    assertThat(new Literal.Bool(true)).hasToString("true");
    assertThat(new Literal.Symbol("high")).hasToString("high");
  }

  @Test
  void dur_toString_usesLanguageUnits() {
    assertThat(new Literal.Dur(Duration.ofMinutes(15))).hasToString("15m");
  }

  @Test
  void dur_negative_throws() {
    assertThatThrownBy(() -> new Literal.Dur(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative duration PT-1S");
  }

  @Test
  void str_null_throwsNamingIt() {
    assertThatThrownBy(() -> new Literal.Str(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }
}
