package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's run: every example of {@code docs/cli.md} that shows a {@code $ bin/gatehouse}
 * command and its output is run as written, by the real {@code Main}, against a fresh copy of
 * {@code examples/}, and must print what the doc shows. A doc block ending in {@code ...} shows
 * the beginning of the output only.
 */
final class CliDocTest {

  private static final Path DOC = Path.of("..", "docs", "cli.md");
  private static final String PROMPT = "$ bin/gatehouse ";

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> cliDoc_example_printsWhatTheDocShows() throws IOException {
    Path examples = dir.resolve("examples");
    copy(Cli.EXAMPLES, examples);
    List<DynamicTest> tests = new ArrayList<>();
    for (Example e : examples(Files.readAllLines(DOC))) {
      tests.add(DynamicTest.dynamicTest(e.command(), () -> run(e, examples)));
    }
    // check, eval, explain, test and entitlements at least: none found means the doc changed form.
    assertThat(tests).hasSizeGreaterThanOrEqualTo(5);
    return tests.stream();
  }

  /** A command as the doc writes it, and the output it shows. */
  private record Example(String command, List<String> output) {}

  private static void run(Example e, Path examples) {
    String[] args =
        Arrays.stream(e.command().split(" +"))
            .map(a -> a.startsWith("examples/") ? examples.resolve(a.substring(9)).toString() : a)
            .toArray(String[]::new);

    Cli.Result result = Cli.run(args);

    String shown = (result.out() + result.err()).replace(examples + "/", "examples/");
    List<String> expected = e.output();
    if (!expected.isEmpty() && expected.get(expected.size() - 1).strip().equals("...")) {
      String start = String.join("\n", expected.subList(0, expected.size() - 1)) + "\n";
      assertThat(shown).as(e.command()).startsWith(start);
    } else {
      assertThat(shown).as(e.command()).isEqualTo(String.join("\n", expected) + "\n");
    }
  }

  /**
   * Returns the fenced blocks that hold one {@code $ bin/gatehouse} command, with its output, and
   * whose every path is under {@code examples/} (a block such as {@code fmt policies/} or {@code
   * fmt --check --diff untidy.policy} shows a command on the reader's own files).
   */
  private static List<Example> examples(List<String> lines) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) {
        continue;
      }
      boolean plain = lines.get(i).equals("```");
      List<String> block = new ArrayList<>();
      for (i++; !lines.get(i).startsWith("```"); i++) {
        block.add(lines.get(i));
      }
      if (!plain
          || block.isEmpty()
          || !block.get(0).startsWith(PROMPT)
          || block.stream().filter(l -> l.startsWith("$ ")).count() != 1) {
        continue;
      }
      String command = block.get(0).substring(PROMPT.length());
      boolean ownFiles =
          Arrays.stream(command.split(" +"))
              .anyMatch(
                  a -> (a.contains("/") || a.contains(".")) && !a.startsWith("examples/"));
      if (!ownFiles) {
        examples.add(new Example(command, block.subList(1, block.size())));
      }
    }
    return examples;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }
}
