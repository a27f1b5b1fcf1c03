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

  @ParameterizedTest
  @ValueSource(
      strings = {"check", "eval", "explain", "test", "fmt", "entitlements", "report", "--help"})
  void run_help_neverBreaksALineInsideAToken(String subcommand) {
    Cli.Result result =
        subcommand.equals("--help") ? Cli.run("--help") : Cli.run(subcommand, "--help");

    // `examples/users.` then `csv` on the next line cannot be pasted; nor can `*.` then `policy`.
    // A wrapped line goes on at column 0, or at column 18 in the list of subcommands; a sentence
    // that ends a line is followed by a capital or by the next option or subcommand.
    assertThat(result.out()).doesNotContainPattern("[\\w*]\\.\n( {18})?[a-z]");
    assertThat(result.out()).doesNotContainPattern("/\n( {18})?[a-z]");
    assertThat(result.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThan(81));
  }

  @Test
  void run_help_listsTheReportSubcommandAsTheDocsDo() throws java.io.IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "cli.md"));
    Cli.Result result = Cli.run("--help");

    for (String subcommand :
        new String[] {"check", "eval", "explain", "test", "fmt", "entitlements", "report"}) {
      assertThat(result.out()).contains("  " + subcommand + " ");
      assertThat(doc).contains("| [`" + subcommand + " ");
    }
  }
}
