package dev.gatehouse.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.dsl.PolicyFormatter;
import dev.gatehouse.dsl.PolicySyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random byte and token mutations of valid files only ever give diagnostics: never another
 * exception, never a hang. Formatting a mutant either fails with diagnostics or is a fixed point.
 */
final class ParserMutationTest {

  private static final List<String> VALID =
      List.of(
          read(Path.of("..", "examples", "acme.policy")),
          read(Path.of("src", "test", "resources", "format", "messy.policy")));
  private static final String[] INSERTS = {
    "\"",
    "\\",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ",",
    "#",
    "\n",
    "not ",
    " and ",
    "::",
    "/",
    "-",
    "*",
    "1",
    "99999999999999999999",
    "\\u{",
    "é",
    "\0",
    "during ",
    " in ",
    "condition ",
    "=",
    "!",
    "<"
  };
  private static final Duration LIMIT = Duration.ofSeconds(10);

  @Property(tries = 500)
  void parse_byteMutation_onlyGivesDiagnostics(@ForAll long seed) {
    Random random = new Random(seed);
    byte[] bytes = VALID.get(random.nextInt(VALID.size())).getBytes(StandardCharsets.UTF_8);
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      bytes = mutateBytes(bytes, random);
    }
    check(new String(bytes, StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void parse_tokenMutation_onlyGivesDiagnostics(@ForAll long seed) {
    Random random = new Random(seed);
    String text = VALID.get(random.nextInt(VALID.size()));
    Reporter reporter = new Reporter(new SourceText("m.policy", text));
    List<String> tokens = new ArrayList<>();
    for (Token t : Lexer.lex(reporter).tokens()) {
      tokens.add(text.substring(t.span().start(), t.span().end()));
    }
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      int at = random.nextInt(tokens.size());
      switch (random.nextInt(4)) {
        case 0 -> tokens.remove(at);
        case 1 -> tokens.add(at, tokens.get(random.nextInt(tokens.size())));
        case 2 -> tokens.add(at, INSERTS[random.nextInt(INSERTS.length)]);
        default -> tokens.set(at, tokens.get(random.nextInt(tokens.size())));
      }
    }
    check(String.join(" ", tokens));
  }

  private static void check(String text) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          ParseResult result = PolicyDsl.parse("m.policy", text);
          assertThat(result.hasErrors() || result.policySet().isPresent()).isTrue();
          result.diagnostics().forEach(d -> assertThat(d.render()).isNotEmpty());
          String formatted;
          try {
            formatted = PolicyFormatter.format("m.policy", text);
          } catch (PolicySyntaxException e) {
            assertThat(e.diagnostics()).isNotEmpty();
            return;
          }
          assertThat(PolicyFormatter.format("m.policy", formatted)).isEqualTo(formatted);
        },
        () -> "took longer than " + LIMIT + " on:\n" + text);
  }

  private static byte[] mutateBytes(byte[] bytes, Random random) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    String mutated =
        switch (random.nextInt(4)) {
          case 0 ->
              s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(8)));
          case 1 ->
              s.substring(0, at)
                  + new String(
                      INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8),
                      StandardCharsets.ISO_8859_1)
                  + s.substring(at);
          case 2 -> s.substring(0, at) + (char) random.nextInt(256) + s.substring(at);
          default ->
              s.substring(0, at) + s.substring(at, Math.min(s.length(), at + 20)) + s.substring(at);
        };
    return mutated.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
