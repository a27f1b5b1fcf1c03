package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PathFirewallTest {

  @CsvSource(
      delimiter = '|',
      value = {
        "/payroll/../mail/x        | dot segment",
        "/mail/./x                 | dot segment",
        "/mail/..                  | dot segment",
        "/.                        | dot segment",
        "/mail//x                  | empty path segment",
        "//mail                    | empty path segment",
        "/mail;jsessionid=1/x      | path parameter",
        "/mail/x;a=b               | path parameter",
        "/mail\\x                  | backslash",
        "/mail%2fx                 | encoded `%2F`",
        "/mail%2Fx                 | encoded `%2F`",
        "/mail/%2e%2e/x            | encoded `%2E`",
        "/mail%5Cx                 | encoded `%5C`",
        "/mail/%252e/x             | encoded `%25`",
        "/mail/x%00                | encoded `%00`"
      })
  @ParameterizedTest(name = "{0}")
  void problem_unsafePath_saysWhy(String path, String why) {
    assertThat(PathFirewall.problem(path)).isEqualTo(why);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/mail/inbox",
        "/mail/in%20box",
        "/mail/.hidden",
        "/mail/a..b",
        "/mail/%41",
        "/mail/x.y/z"
      })
  void problem_safePath_isNull(String path) {
    assertThat(PathFirewall.problem(path)).isNull();
  }
}
