package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CheckCommandTest {

  @TempDir Path dir;

  @Test
  void check_validFile_printsSummaryAndExitsZero() {
    Cli.Result result = Cli.run("check", Cli.ACME);

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("ok: 7 policies in 1 file, 0 warnings\n");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void check_directory_readsItsPolicyFiles() {
    Cli.Result result = Cli.run("check", Cli.EXAMPLES.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("ok: 7 policies in 1 file, 0 warnings\n");
  }

  @Test
  void check_invalidFile_printsEveryDiagnosticAndExitsOne() throws IOException {
    Path file = dir.resolve("bad.policy");
    Files.writeString(
        file, "assign \"a\" {\n  app \"mail\" role \"user\"\n  when user.departmnet == \"x\"\n}\n");

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error[unknown-attribute]: "
                + file
                + ":3:8: unknown attribute `user.departmnet`\n"
                + "  |\n"
                + " 3 |   when user.departmnet == \"x\"\n"
                + "  |        ^^^^^^^^^^^^^^^\n"
                + "  = help: did you mean `user.department`?\n"
                + "1 error, 0 warnings\n");
  }

  @Test
  void check_missingPath_exitsTwo() {
    Cli.Result result = Cli.run("check", dir.resolve("none.policy").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: no such file or directory `" + dir.resolve("none.policy") + "`\n");
  }

  @Test
  void check_directoryWithoutPolicies_exitsTwo() {
    Cli.Result result = Cli.run("check", dir.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: no `*.policy` file in directory `" + dir + "`\n");
  }

  @Test
  void check_noPath_exitsTwo() {
    Cli.Result result = Cli.run("check");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Missing required parameter: 'PATH'");
  }
}
