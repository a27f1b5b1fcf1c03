package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The examples of docs/language.md: each policy block parses without error, and a block followed by
 * a block of diagnostics renders exactly those diagnostics.
 */
final class LanguageDocTest {

  private static final Path DOC = Path.of("..", "docs", "language.md");

  @TestFactory
  Stream<DynamicTest> languageDoc_policyBlock_parsesAsDocumented() throws IOException {
    List<String> blocks = blocks(Files.readString(DOC));
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      if (block.startsWith("error[")) {
        continue;
      }
      String next = i + 1 < blocks.size() ? blocks.get(i + 1) : "";
      tests.add(DynamicTest.dynamicTest("block " + (i + 1), () -> check(block, next)));
    }
    return tests.stream();
  }

  @Test
  void languageDoc_codeTable_listsEveryDiagnosticCode() throws IOException {
    String doc = Files.readString(DOC);
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertThat(doc).contains("| `" + code.code() + "` |");
    }
  }

  @Test
  void languageDoc_firstExample_isTheAcmeFile() throws IOException {
    assertThat(blocks(Files.readString(DOC)).get(0))
        .isEqualTo(Files.readString(AcmeExampleTest.ACME));
  }

  private static void check(String block, String next) {
    if (!next.startsWith("error[")) {
      assertThat(PolicyDsl.parse("doc.policy", block).errors()).as(block).isEmpty();
      return;
    }
    String name =
        next.substring(next.indexOf("]: ") + 3, next.indexOf(':', next.indexOf("]: ") + 3));
    assertThat(PolicyDsl.parse(name, block).render()).isEqualTo(next);
  }

  /**
   * Returns the fenced blocks tagged {@code policy} or without a tag (the diagnostics shown after a
   * policy), each with its final newline.
   */
  private static List<String> blocks(String doc) {
    List<String> blocks = new ArrayList<>();
    String[] lines = doc.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith("```")) {
        continue;
      }
      boolean plain = lines[i].equals("```") || lines[i].equals("```policy");
      StringBuilder sb = new StringBuilder();
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
        sb.append(lines[i]).append('\n');
      }
      if (plain) {
        blocks.add(sb.toString());
      }
    }
    return blocks;
  }
}
