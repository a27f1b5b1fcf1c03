package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the command line makes of bad text: bounded, strict and escaped. */
final class InputTextTest {

  @Test
  void check_megabyteOfGarbage_printsAFewHundredLines(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("garbage.policy");
    Random random = new Random(13);
    StringBuilder text = new StringBuilder(1 << 20);
    while (text.length() < 1 << 20) {
      text.append(random.nextInt(120) == 0 ? '\n' : (char) (0x20 + random.nextInt(0x5f)));
    }
    Files.writeString(file, text);

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err().lines().count()).isLessThan(600);
    assertThat(result.err()).contains("error[too-many-diagnostics]: ");
  }

  @Test
  void check_lineOfBangs_printsOneDiagnostic(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bang.policy");
    Files.writeString(file, "!".repeat(100_000) + "\n");

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err())
        .startsWith(
            "error[unexpected-character]: "
                + file
                + ":1:1:"
                + " unexpected character `!` (100000 times)\n");
    assertThat(result.err().length()).isLessThan(1_000);
  }

  @Test
  void check_fileNotUtf8_namesTheByteAndItsOffset(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.policy");
    Files.write(file, latin1("# caf\u00e9\nassign \"a\" {\n  app \"a\" role \"r\"\n}\n"));

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(ExitCode.FAILED);
    assertThat(result.err())
        .startsWith(
            "error[invalid-encoding]: "
                + file
                + ":1:6: not UTF-8 text: invalid byte 0xe9 at offset 5\n");
  }

  @Test
  void fmt_fileNotUtf8_isABadInputNamingTheOffset(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.policy");
    Files.write(file, latin1("# caf\u00e9\n"));

    Cli.Result result = Cli.run("fmt", "--check", file.toString());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo("error: `" + file + "`: not UTF-8 text: invalid byte 0xe9 at offset 5\n");
  }

  // every file the command line reads besides policies: a users, events, request or test file
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "report,       events.jsonl, --events",
    "entitlements, users.csv,    --users",
    "entitlements, users.jsonl,  --users",
    "diff,         users.csv,    --users",
    "diff,         events.jsonl, --events",
    "eval,         request.json, -r",
    "explain,      request.json, -r",
    "test,         acme.tests.json, ''"
  })
  void command_inputFileNotUtf8_isABadInputNamingTheFileAndOffset(
      String command, String name, String option, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(name);
    // a first line that is text, then a Latin-1 `é`: a reader of lines stops at the second line
    Files.write(file, latin1("{\"action\": \"signin\"}\n{\"user\": \"caf\u00e9\"}\n"));
    List<String> args = new ArrayList<>(List.of(command));
    switch (command) {
      case "diff" -> args.addAll(List.of("--old", Cli.ACME, "--new", Cli.ACME));
      case "entitlements", "eval", "explain" -> args.addAll(List.of("-p", Cli.ACME));
      default -> {}
    }
    if (!option.isEmpty()) {
      args.add(option);
    }
    args.add(file.toString());

    Cli.Result result = Cli.run(args.toArray(String[]::new));

    assertThat(result.err())
        .isEqualTo("error: `" + file + "`: not UTF-8 text: invalid byte 0xe9 at offset 34\n");
    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void eval_standardInputNotUtf8_isABadInputNamingTheOffset() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream(latin1("{\"user.id\": \"caf\u00e9\"}")));

      Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", "-");

      assertThat(result.err())
          .isEqualTo("error: <stdin>: not UTF-8 text: invalid byte 0xe9 at offset 16\n");
      assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void check_crLineEnds_findsEveryPolicy(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("acme.policy");
    Files.writeString(file, lf(Path.of(Cli.ACME)).replace("\n", "\r"));

    Cli.Result result = Cli.run("check", file.toString());

    assertThat(result.code()).isEqualTo(ExitCode.OK);
    assertThat(result.out()).startsWith("ok: 7 policies in 1 file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\r\n", "\r"})
  void evalAndTest_exampleInOtherLineEnds_decideAsWithLf(String ending, @TempDir Path dir)
      throws IOException {
    Path acme = dir.resolve("acme.policy");
    Files.writeString(acme, lf(Path.of(Cli.ACME)).replace("\n", ending));
    Path tests = dir.resolve("acme.tests.json");
    Files.copy(Cli.EXAMPLES.resolve("acme.tests.json"), tests);

    List<Path> requests;
    try (Stream<Path> files = Files.list(Cli.EXAMPLES.resolve("requests"))) {
      requests = files.sorted().toList();
    }
    assertThat(requests).isNotEmpty();
    for (Path request : requests) {
      Cli.Result lf = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());
      Cli.Result other = Cli.run("eval", "-p", acme.toString(), "-r", request.toString());
      assertThat(other.out()).as(request.toString()).isEqualTo(lf.out());
      assertThat(other.code()).isEqualTo(lf.code());
    }
    Cli.Result lfTests = Cli.run("test", Cli.EXAMPLES.resolve("acme.tests.json").toString());
    Cli.Result otherTests = Cli.run("test", tests.toString());
    assertThat(otherTests.code()).isEqualTo(ExitCode.OK).isEqualTo(lfTests.code());
    assertThat(otherTests.out().replace(tests.toString(), "T"))
        .isEqualTo(lfTests.out().replace(Cli.EXAMPLES.resolve("acme.tests.json").toString(), "T"));
  }

  @Test
  void eval_requestFieldWithNewlineAndEscape_errorIsOneEscapedLine(@TempDir Path dir)
      throws IOException {
    Path request = dir.resolve("forged.json");
    Files.writeString(
        request, "{\"user.x\\u001b[31m\\nerror: forged\": \"a\", \"action\": \"signin\"}");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).doesNotContain("\u001b");
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("error: ")
        .contains("user.x\\u{1b}[31m\\u{a}error: forged");
  }

  private static String lf(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
