package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class MainTest {

  @Test
  void run_noSubcommand_showsUsageAndExitsTwo() {
    Cli.Result result = Cli.run();

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: missing subcommand\nUsage: gatehouse");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void run_help_listsEverySubcommandAndExitsZero() {
    Cli.Result result = Cli.run("--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains("check", "eval", "explain", "test", "fmt", "entitlements", "Exit codes");
  }

  @Test
  void run_unknownSubcommand_exitsTwo() {
    Cli.Result result = Cli.run("evaluate");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Unmatched argument at index 0: 'evaluate'");
  }

  @Test
  void run_version_printsVersion() {
    Cli.Result result = Cli.run("--version");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("gatehouse ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "eval", "explain", "test", "fmt", "entitlements"})
  void run_subcommandHelp_showsUsageWithAnExample(String subcommand) {
    Cli.Result result = Cli.run(subcommand, "--help");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .startsWith("Usage: gatehouse " + subcommand)
        .contains("Exit codes: 0", "Example", "  gatehouse " + subcommand + " ");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void run_unknownOption_exitsTwoNamingIt() {
    Cli.Result result = Cli.run("check", "--strict", Cli.ACME);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Unknown option: '--strict'");
  }
}
