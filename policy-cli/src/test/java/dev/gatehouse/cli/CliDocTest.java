package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's run: every example of {@code docs/cli.md} that shows a {@code $ bin/gatehouse}
 * command and its output is run as written, by the real {@code Main}, in a fresh directory that
 * holds a copy of {@code examples/} and the files the doc gives (a block fenced as {@code ```file
 * NAME} is the content of {@code NAME}), and must print what the doc shows. A doc block ending in
 * {@code ...} shows the beginning of the output only.
 */
final class CliDocTest {

  private static final Path DOC = Path.of("..", "docs", "cli.md");
  private static final String PROMPT = "$ bin/gatehouse ";
  private static final String FILE = "```file ";

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> cliDoc_example_printsWhatTheDocShows() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    Map<String, String> files = files(lines);
    List<DynamicTest> tests = new ArrayList<>();
    int n = 0;
    for (Example e : examples(lines)) {
      Path work = dir.resolve("run-" + ++n);
      tests.add(DynamicTest.dynamicTest(e.command(), () -> run(e, work, files)));
    }
    // check, eval, explain, test, fmt, entitlements, report and diff at least: fewer means the
    // doc changed form.
    assertThat(tests).hasSizeGreaterThanOrEqualTo(9);
    assertThat(tests)
        .extracting(DynamicTest::getDisplayName)
        .anyMatch(c -> c.startsWith("fmt "))
        .anyMatch(c -> c.startsWith("report "))
        .anyMatch(c -> c.startsWith("diff "));
    return tests.stream();
  }

  /** A command as the doc writes it, and the output it shows. */
  private record Example(String command, List<String> output) {}

  /** Runs {@code e} in {@code work}, a fresh copy of the examples and the doc's files. */
  private static void run(Example e, Path work, Map<String, String> files) throws IOException {
    copy(Cli.EXAMPLES, work.resolve("examples"));
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(work.resolve(file.getKey()), file.getValue());
    }
    // A path is relative to the directory the newcomer runs the command in.
    String[] args =
        Arrays.stream(e.command().split(" +"))
            .map(
                a ->
                    !a.startsWith("-") && (a.contains("/") || a.contains("."))
                        ? work.resolve(a).toString()
                        : a)
            .toArray(String[]::new);

    Cli.Result result = Cli.run(args);

    String shown = (result.out() + result.err()).replace(work + "/", "");
    List<String> expected = e.output();
    if (!expected.isEmpty() && expected.get(expected.size() - 1).strip().equals("...")) {
      String start = String.join("\n", expected.subList(0, expected.size() - 1)) + "\n";
      assertThat(shown).as(e.command()).startsWith(start);
    } else {
      assertThat(shown)
          .as(e.command())
          .isEqualTo(expected.stream().map(l -> l + "\n").collect(Collectors.joining()));
    }
  }

  /** Returns the files the doc gives, by name: the blocks fenced as {@code ```file NAME}. */
  private static Map<String, String> files(List<String> lines) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(FILE)) {
        String name = lines.get(i).substring(FILE.length()).strip();
        StringBuilder text = new StringBuilder();
        for (i++; !lines.get(i).startsWith("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        files.put(name, text.toString());
      }
    }
    return files;
  }

  /**
   * Returns the plain fenced blocks that hold one {@code $ bin/gatehouse} command, with its output.
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
      if (plain && !block.isEmpty() && block.get(0).startsWith(PROMPT)) {
        // A block of several commands would not say which printed what.
        assertThat(block.stream().filter(l -> l.startsWith("$ ")))
            .as("one command a block in %s", DOC)
            .hasSize(1);
        examples.add(
            new Example(block.get(0).substring(PROMPT.length()), block.subList(1, block.size())));
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
