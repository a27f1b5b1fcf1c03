package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ExplainCommandTest {

  @Test
  void explain_challenge_printsEffectReasonsAndPolicies() {
    Cli.Result result =
        Cli.run(
            "explain", "--policies", Cli.ACME, "--request", Cli.request("sysadmin-no-mfa.json"));

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .startsWith(
            "CHALLENGE\n"
                + "  reason mfa_required [admins-strong]: requires one of `totp`, `webauthn`"
                + " within 8h\n"
                + "  requires mfa [totp, webauthn] within 8h [admins-strong]\n"
                + "  roles user\n"
                + "policies:\n")
        .contains("authenticate \"admins-strong\" (" + Cli.ACME + ":29:1)");
  }

  @Test
  void explain_formatOption_isRejected() {
    Cli.Result result =
        Cli.run("explain", "-p", Cli.ACME, "-r", Cli.request("tor-sign-in.json"), "-f", "json");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Unknown options: '-f', 'json'");
  }

  @Test
  void explain_badRequest_exitsTwo() {
    Cli.Result result = Cli.run("explain", "-p", Cli.ACME, "-r", Cli.ACME);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: " + Cli.ACME + ": not JSON: ");
  }
}
