package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.dsl.PolicyFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps what a newcomer copies in canonical form: the example policies, and every {@code ```policy}
 * snippet of the docs. Run {@code bin/gatehouse fmt examples/} to fix the first.
 */
final class CanonicalFormTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void fmtCheck_examples_findsNothingToFormat() {
    Cli.Result result = Cli.run("fmt", "--check", Cli.EXAMPLES.toString(), Cli.ACME);

    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEmpty();
    assertThat(result.code()).isZero();
  }

  @Test
  void format_policySnippetsOfTheDocs_leavesThemUnchanged() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    snippets.addAll(snippets(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        snippets.addAll(snippets(doc));
      }
    }

    // The language reference alone holds several: finding none means the fences were renamed.
    assertThat(snippets).hasSizeGreaterThanOrEqualTo(5);
    for (Snippet s : snippets) {
      assertThat(PolicyFormatter.format(s.where(), s.text())).as(s.where()).isEqualTo(s.text());
    }
  }

  /** A fenced policy snippet and where it starts. */
  private record Snippet(String where, String text) {}

  private static List<Snippet> snippets(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc);
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```policy")) {
        int start = i + 1;
        StringBuilder text = new StringBuilder();
        for (i = start; !lines.get(i).strip().equals("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        snippets.add(new Snippet(doc.getFileName() + ":" + (start + 1), text.toString()));
      }
    }
    return snippets;
  }
}
