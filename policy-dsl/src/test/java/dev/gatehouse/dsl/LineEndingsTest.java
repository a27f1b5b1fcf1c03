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
import org.junit.jupiter.api.TestFactory;

/**
 * Every policy file of the project, examples and test resources, parses to the same policy set and
 * the same diagnostics whether its lines end in LF, CRLF or CR.
 */
final class LineEndingsTest {

  private static final List<Path> ROOTS =
      List.of(Path.of("..", "examples"), Path.of("src", "test", "resources"));

  @TestFactory
  Stream<DynamicTest> parse_eachPolicyFile_sameInEveryLineEndingStyle() throws IOException {
    List<Path> files = policyFiles();
    assertThat(files).hasSizeGreaterThan(30);
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
  }

  private static void check(Path file) throws IOException {
    String lf = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    String name = file.getFileName().toString();
    ParseResult expected = PolicyDsl.parse(name, lf);
    for (String ending : List.of("\r\n", "\r")) {
      ParseResult actual = PolicyDsl.parse(name, lf.replace("\n", ending));
      assertThat(actual.render())
          .as(name + " with " + ending.length())
          .isEqualTo(expected.render());
      assertThat(actual.policySet()).isEqualTo(expected.policySet());
      assertThat(formatted(name, lf.replace("\n", ending))).isEqualTo(formatted(name, lf));
    }
  }

  private static String formatted(String name, String text) {
    try {
      return PolicyFormatter.format(name, text);
    } catch (PolicySyntaxException e) {
      return e.getMessage();
    }
  }

  private static List<Path> policyFiles() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (Path root : ROOTS) {
      try (Stream<Path> walk = Files.walk(root)) {
        files.addAll(
            walk.filter(p -> p.toString().endsWith(".policy"))
                .sorted()
                .collect(Collectors.toList()));
      }
    }
    return files;
  }
}
