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

  @Test
  void check_fortyLevelsOfSharedConditions_refusedWithinASecond() throws IOException {
    StringBuilder text = new StringBuilder("condition c0 = user.department == \"x\"\n");
    for (int n = 1; n <= 40; n++) {
      text.append("condition c")
          .append(n)
          .append(" = c")
          .append(n - 1)
          .append(" or c")
          .append(n - 1)
          .append('\n');
    }
    text.append("assign \"a\" {\n  app \"mail\" role \"user\"\n  when c40\n}\n");
    Path file = dir.resolve("doubling.policy");
    Files.writeString(file, text);
    Cli.run("check", Cli.ACME); // loads the classes, which is not what is timed

    Cli.Result result =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(1), () -> Cli.run("check", file.toString()));

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .startsWith(
            "error[condition-too-large]: "
                + file
                + ":14:11: condition `c13` expands to"
                + " more than 10,000 tests and operators with its named conditions written out\n")
        .endsWith("1 error, 0 warnings\n");
  }

  @Test
  void check_fileWithoutPolicies_warns() throws IOException {
    Path empty = dir.resolve("empty.policy");
    Files.writeString(empty, "# nothing yet\n");

    Cli.Result result = Cli.run("check", empty.toString());

    // The file's own warning (it declares nothing), then the set's (nothing is ever granted).
    assertThat(result.code()).isZero();
    assertThat(result.err())
        .startsWith("warning[no-declarations]: " + empty + ":1:1: ")
        .endsWith("\nwarning: no policies: every request is denied (`not_assigned`)\n");
    assertThat(result.out()).isEqualTo("ok: 0 policies in 1 file, 2 warnings\n");
  }

  @Test
  void check_fileAndItsDirectory_readsTheFileOnce() throws IOException {
    Path copy = dir.resolve("acme.policy");
    Files.copy(Path.of(Cli.ACME), copy);

    Cli.Result result = Cli.run("check", copy.toString(), dir.toString());

    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("ok: 7 policies in 1 file, 0 warnings\n");
    assertThat(result.code()).isZero();
  }

  @Test
  void check_cStyleOperators_suggestTheWords() throws IOException {
    Path file = dir.resolve("ops.policy");
    Files.writeString(
        file,
        "assign \"a\" {\n  app \"mail\" role \"user\"\n"
            + "  when user.department == \"x\" && user.country == \"FR\" || user.id == \"u\"\n}\n");

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .contains("unexpected `&&`", "= help: write `and` to require both conditions")
        .contains("unexpected `||`", "= help: write `or` to accept either condition");
  }

  @Test
  void check_inWithoutList_saysAListIsNeeded() throws IOException {
    Path file = dir.resolve("in.policy");
    Files.writeString(
        file,
        "assign \"a\" {\n  app \"mail\" role \"user\"\n  when user.department in \"Sales\"\n}\n");

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .contains("`in` needs a list or network names, found string \"Sales\"")
        .contains("= help: write `in [\"Sales\"]`, or `== \"Sales\"` for one value")
        .doesNotContain("network name or");
  }
}
