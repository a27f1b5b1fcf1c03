package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FmtCommandTest {

  private static final String UNTIDY = "assign \"a\" {app \"mail\" role \"user\"}\n";
  private static final String TIDY = "assign \"a\" {\n  app \"mail\" role \"user\"\n}\n";

  @TempDir Path dir;

  @Test
  void fmt_untidyFile_rewritesItAndExitsZero() throws IOException {
    Path file = dir.resolve("a.policy");
    Files.writeString(file, UNTIDY);

    Cli.Result result = Cli.run("fmt", dir.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("formatted " + file + "\n");
    assertThat(Files.readString(file)).isEqualTo(TIDY);
  }

  @Test
  void fmt_checkUntidyFile_listsItAndExitsOne() throws IOException {
    Path file = dir.resolve("a.policy");
    Files.writeString(file, UNTIDY);

    Cli.Result result = Cli.run("fmt", "--check", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEqualTo(file + "\n");
    assertThat(Files.readString(file)).isEqualTo(UNTIDY);
  }

  @Test
  void fmt_checkTidyFile_printsNothingAndExitsZero() throws IOException {
    Path file = dir.resolve("a.policy");
    Files.writeString(file, TIDY);

    Cli.Result result = Cli.run("fmt", "--check", file.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void fmt_acmeExample_staysFormattedAfterFormatting() throws IOException {
    Path file = dir.resolve("acme.policy");
    Files.copy(Path.of(Cli.ACME), file);

    Cli.Result first = Cli.run("fmt", file.toString());
    Cli.Result again = Cli.run("fmt", "--check", file.toString());

    assertThat(first.code()).isZero();
    assertThat(again.out()).isEmpty();
    assertThat(again.code()).isZero();
    assertThat(Cli.run("check", file.toString()).out())
        .isEqualTo("ok: 7 policies in 1 file, 0 warnings\n");
  }

  @Test
  void fmt_syntaxError_printsDiagnosticAndExitsOne() throws IOException {
    Path file = dir.resolve("a.policy");
    Files.writeString(file, "assign \"a\" {\n  app \"mail\" rol \"user\"\n}\n");

    Cli.Result result = Cli.run("fmt", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo(
            "error[unexpected-token]: "
                + file
                + ":2:14: expected `role`, found `rol`\n"
                + "  |\n"
                + " 2 |   app \"mail\" rol \"user\"\n"
                + "  |              ^^^\n");
  }

  @Test
  void fmt_missingFile_exitsTwo() {
    Cli.Result result = Cli.run("fmt", dir.resolve("none.policy").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: no such file or directory `" + dir.resolve("none.policy") + "`\n");
  }

  @Test
  void fmt_checkWithDiff_printsWhatWouldChange() throws IOException {
    Path file = dir.resolve("a.policy");
    Files.writeString(file, UNTIDY);

    Cli.Result result = Cli.run("fmt", "--check", "--diff", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .isEqualTo(
            file
                + "\n--- "
                + file
                + "\n+++ "
                + file
                + " (formatted)\n"
                + "@@ -1,1 +1,3 @@\n"
                + "-assign \"a\" {app \"mail\" role \"user\"}\n"
                + "+assign \"a\" {\n"
                + "+  app \"mail\" role \"user\"\n"
                + "+}\n");
    assertThat(Files.readString(file)).isEqualTo(UNTIDY);
  }

  @Test
  void fmt_diffWithoutCheck_exitsTwoAndChangesNothing() throws IOException {
    Path file = dir.resolve("a.policy");
    Files.writeString(file, UNTIDY);

    Cli.Result result = Cli.run("fmt", "--diff", file.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: `--diff` needs `--check`: without it, fmt rewrites the files\n");
    assertThat(Files.readString(file)).isEqualTo(UNTIDY);
  }
}
