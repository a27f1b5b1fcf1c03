package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ExplainCommandTest {

  @TempDir Path dir;

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

  @Test
  void explain_addressOutsideTheNetworks_saysTheAllowFailed() {
    Cli.Result result =
        Cli.run("explain", "-p", Cli.ACME, "-r", Cli.request("payroll-from-home.json"));

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "    allow from office, vpn: failed, in no allowed network"
                + " (request.ip = 100.64.12.34)\n");
  }

  @Test
  void explain_addressInANetworkAndFreshFactor_namesTheNetworkAndTheAge() throws IOException {
    Path request = sysadminWithTotp("payroll", "2026-11-29T09:58:00Z");

    Cli.Result result = Cli.run("explain", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("    allow from office, vpn: held, in office (request.ip = 203.0.113.20)\n")
        .contains("    require mfa [webauthn, totp] within 8h: held, authenticated 2m ago (")
        .contains("    require mfa [webauthn] within 15m: failed, no listed factor (");
  }

  @Test
  void explain_staleFactor_saysHowOldTheAuthenticationIs() throws IOException {
    Path request = sysadminWithTotp("mail", "2026-11-29T01:00:00Z");

    Cli.Result result = Cli.run("explain", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("  requires mfa [totp, webauthn] within 8h [admins-strong]\n")
        .contains("    require mfa [webauthn, totp] within 8h: failed, authenticated 9h ago (");
  }

  /** Writes a sysadmin's request for {@code app} from the office, with TOTP done at {@code at}. */
  private Path sysadminWithTotp(String app, String at) throws IOException {
    return Files.writeString(
        dir.resolve("request.json"),
        "{\"user\": {\"roles\": [\"sysadmin\"]}, \"app\": \""
            + app
            + "\","
            + " \"action\": \"access\", \"ip\": \"203.0.113.20\","
            + " \"time\": \"2026-11-29T10:00:00Z\", \"auth\": {\"methods\":"
            + " [\"password\", \"totp\"], \"time\": \""
            + at
            + "\"}}");
  }
}
