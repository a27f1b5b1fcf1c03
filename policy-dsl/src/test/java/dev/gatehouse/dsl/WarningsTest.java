package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Warnings leave a file loadable and point at what the author probably did not mean. */
final class WarningsTest {

  private static final String ASSIGN_PAYROLL =
      "assign \"payroll\" {\n  app \"payroll\" role \"user\"\n"
          + "  when user.department == \"Payroll\"\n}\n";

  @Test
  void parse_restrictNamingAppInOtherCase_warnsWithTheGrantedName() {
    ParseResult result =
        PolicyDsl.parse(
            "apps.policy",
            ASSIGN_PAYROLL
                + "restrict \"office\" {\n  apps [\"Payroll\"]\n  allow from [203.0.113.0/24]\n}\n");

    assertThat(result.policySet()).isPresent();
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.UNGRANTED_APP);
              assertThat(d.line()).isEqualTo(6);
              assertThat(d.message())
                  .isEqualTo(
                      "no assign grants the app `Payroll`, so restrict `office` never applies to it");
              assertThat(d.help())
                  .hasValue("did you mean `payroll`? app names are compared exactly");
            });
  }

  @Test
  void parse_appWithCyrillicLetter_warnsWithTheLatinName() {
    // "р" and "а" below are Cyrillic.
    ParseResult result =
        PolicyDsl.parse(
            "apps.policy",
            ASSIGN_PAYROLL
                + "authenticate \"strong\" {\n  apps [\"\u0440\u0430yroll\"]\n"
                + "  require mfa [totp] within 8h\n}\n");

    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.UNGRANTED_APP);
              assertThat(d.help())
                  .hasValue("did you mean `payroll`? app names are compared exactly");
            });
  }

  @Test
  void parse_appFarFromEveryGrantedOne_noWarning() {
    ParseResult result =
        PolicyDsl.parse(
            "apps.policy",
            ASSIGN_PAYROLL
                + "restrict \"office\" {\n  apps [\"books\", \"payroll\"]\n"
                + "  allow from [203.0.113.0/24]\n}\n");

    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void parse_ipv6BlockHoldingMappedIpv4_warnsNamingAllOfIpv4() {
    ParseResult result =
        PolicyDsl.parse(
            "net.policy",
            ASSIGN_PAYROLL
                + "restrict \"office\" {\n  apps [\"payroll\"]\n  allow from [::/1]\n}\n");

    assertThat(result.policySet()).isPresent();
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.NETWORK_COVERS_IPV4);
              assertThat(d.message())
                  .isEqualTo(
                      "`::/1` contains `::ffff:0:0/96`, so it admits every IPv4 client (`0.0.0.0/0`)");
            });
  }

  @Test
  void parse_ipv4AndNarrowIpv6Blocks_noWarning() {
    ParseResult result =
        PolicyDsl.parse(
            "net.policy",
            ASSIGN_PAYROLL
                + "restrict \"office\" {\n  apps [\"payroll\"]\n"
                + "  allow from [0.0.0.0/0, ::ffff:10.0.0.0/104, 2001:db8::/32, ::1]\n}\n");

    assertThat(result.warnings())
        .extracting(Diagnostic::code)
        .doesNotContain(DiagnosticCode.NETWORK_COVERS_IPV4);
  }
}
