package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The code and place of a type diagnostic come from what the checker found, never from the wording
 * of its message: constants that spell parts of a message change neither.
 */
final class TypeDiagnosticsTest {

  private static Diagnostic onlyError(String when) {
    String text = "assign \"mail\" {\n  app \"mail\" role \"user\"\n  when " + when + "\n}\n";
    ParseResult result = PolicyDsl.parse("t.policy", text);
    assertThat(result.errors()).hasSize(1);
    return result.errors().get(0);
  }

  @Test
  void parse_stringSpellingSymbolWording_isTypeMismatchOverTheTest() {
    Diagnostic d = onlyError("device.managed == \"a` is not a value of `b\"");

    assertThat(d.code()).isEqualTo(DiagnosticCode.TYPE_MISMATCH);
    assertThat(d.line()).isEqualTo(3);
    assertThat(d.column()).isEqualTo(8);
  }

  @Test
  void parse_unknownSymbolWithBacktick_pointsAtTheConstant() {
    Diagnostic d = onlyError("risk.level >= \"hi`gh\"");

    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_SYMBOL);
    assertThat(d.column()).isEqualTo(22);
    assertThat(d.length()).isEqualTo("\"hi`gh\"".length());
  }

  @Test
  void parse_unknownFactorInList_pointsAtTheUnknownOne() {
    Diagnostic d = onlyError("auth.methods contains any [totp, pasword]");

    assertThat(d.code()).isEqualTo(DiagnosticCode.UNKNOWN_FACTOR);
    assertThat(d.column()).isEqualTo(41);
    assertThat(d.length()).isEqualTo("pasword".length());
  }
}
