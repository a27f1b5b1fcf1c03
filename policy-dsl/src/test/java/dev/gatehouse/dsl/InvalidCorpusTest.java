package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus of invalid files: each {@code invalid/<case>.policy} must render exactly its
 * {@code <case>.expected}. Running with {@code -Dgatehouse.bless=true} rewrites the expected files
 * instead, for a change of message made on purpose and reviewed in the diff.
 */
final class InvalidCorpusTest {

  private static final Path DIR = Path.of("src", "test", "resources", "invalid");
  private static final boolean BLESS = Boolean.getBoolean("gatehouse.bless");

  @TestFactory
  Stream<DynamicTest> parse_invalidCase_rendersExpectedDiagnostics() throws IOException {
    return cases().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> check(file)));
  }

  @Test
  void corpus_everyCase_hasAnExpectedFileAndAnError() throws IOException {
    List<Path> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
    for (Path file : cases) {
      assertThat(expectedOf(file)).exists();
      ParseResult result = PolicyDsl.parse(name(file) + ".policy", Files.readString(file));
      assertThat(result.diagnostics()).as(name(file)).isNotEmpty();
    }
  }

  private static void check(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String actual = PolicyDsl.parse(file.getFileName().toString(), text).render();
    Path expected = expectedOf(file);
    if (BLESS) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files
          .filter(p -> p.toString().endsWith(".policy"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static Path expectedOf(Path file) {
    return file.resolveSibling(name(file) + ".expected");
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".policy".length());
  }
}
