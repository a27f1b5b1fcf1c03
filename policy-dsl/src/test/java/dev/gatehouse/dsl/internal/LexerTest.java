package dev.gatehouse.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How text splits into tokens: one row per input, the kinds and texts expected. */
final class LexerTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "user.department == \"x\"   | IDENT:user.department EQ:== STRING:x",
        "203.0.113.0/24             | ADDRESS:203.0.113.0/24",
        "[2001:db8:10::/48, ::1]    | LBRACKET:[ ADDRESS:2001:db8:10::/48 COMMA:, ADDRESS:::1"
            + " RBRACKET:]",
        "fe80::1                    | ADDRESS:fe80::1",
        "user.cost_center: string   | IDENT:user.cost_center COLON:: IDENT:string",
        "08:00-18:00                | TIME:08:00 MINUS:- TIME:18:00",
        "15m 8h 30d 42 -7           | DURATION:15m DURATION:8h DURATION:30d INT:42 MINUS:- INT:7",
        "report-only user.*         | IDENT:report-only IDENT:user.*",
        "a <= b >= c != d < e > f   | IDENT:a LE:<= IDENT:b GE:>= IDENT:c NE:!= IDENT:d LT:<"
            + " IDENT:e GT:> IDENT:f",
        "\"a\\\"b\\u{e9}\" # comment | STRING:a\"bé",
        "set<string>                | IDENT:set LT:< IDENT:string GT:>",
      })
  void lex_validText_givesTokens(String text, String expected) {
    Reporter reporter = new Reporter(new SourceText("t.policy", text));
    List<Token> tokens = Lexer.lex(reporter).tokens();
    String actual =
        tokens.stream()
            .filter(t -> t.kind() != Token.Kind.EOF)
            .map(t -> t.kind() + ":" + t.text())
            .collect(Collectors.joining(" "));
    assertThat(actual).isEqualTo(expected);
    assertThat(reporter.sorted()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"abc                | unterminated-string | unterminated string",
        "\"a\\qb\"            | bad-escape | unknown escape `\\q` in string",
        "\"\\u{zz}\"          | bad-escape | invalid unicode escape `\\u{zz}`",
        "$                    | unexpected-character | unexpected character `$`",
      })
  void lex_badText_reportsDiagnostic(String text, String code, String message) {
    Reporter reporter = new Reporter(new SourceText("t.policy", text));
    Lexer.lex(reporter);
    assertThat(reporter.sorted())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code().code()).isEqualTo(code);
              assertThat(d.message()).isEqualTo(message);
            });
  }
}
