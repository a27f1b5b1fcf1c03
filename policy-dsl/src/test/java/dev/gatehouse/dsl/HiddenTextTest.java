package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an editor shows is what is parsed: line ends, invisible characters and encodings. */
final class HiddenTextTest {

  private static final String POLICY =
      "# office only\nrestrict \"office\" {\n  allow from [203.0.113.0/24]\n}\n";

  @Test
  void parse_loneCrLineEnds_parsesLikeLf() {
    ParseResult lf = PolicyDsl.parse("a.policy", POLICY);
    ParseResult cr = PolicyDsl.parse("a.policy", POLICY.replace("\n", "\r"));

    assertThat(cr.diagnostics()).isEmpty();
    assertThat(cr.policySet().orElseThrow().policies()).hasSize(1);
    assertThat(cr.policySet()).isEqualTo(lf.policySet());
  }

  @Test
  void parse_crInString_endsTheString() {
    ParseResult result = PolicyDsl.parse("a.policy", "condition c = user.id == \"a\rb\"\r");

    assertThat(result.errors())
        .extracting(Diagnostic::code)
        .contains(DiagnosticCode.UNTERMINATED_STRING);
    assertThat(result.errors().get(0).line()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202e", "\u202a", "\u2066", "\u2069"})
  void parse_bidiControlInComment_isAnError(String bidi) {
    String text = "# " + bidi + " harmless\n" + POLICY;

    ParseResult result = PolicyDsl.parse("a.policy", text);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.BIDI_CONTROL);
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.column()).isEqualTo(3);
              assertThat(d.message())
                  .isEqualTo(
                      String.format(
                          "bidirectional control character U+%04X", (int) bidi.charAt(0)));
            });
    assertThat(result.render()).doesNotContain(bidi);
  }

  @Test
  void parse_bidiControlInString_isAnError() {
    ParseResult result =
        PolicyDsl.parse("a.policy", "condition c = user.id == \"admin\u202e\u2066\"\n");

    assertThat(result.errors())
        .extracting(Diagnostic::code)
        .containsExactly(DiagnosticCode.BIDI_CONTROL, DiagnosticCode.BIDI_CONTROL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", "\u2029", "\u0085"})
  void parse_unicodeLineBreakEndingAComment_isAnError(String lineBreak) {
    // An editor that breaks the line here shows a restrict policy; the language sees a comment.
    String text = "# note" + lineBreak + POLICY.replace("\n", " ");

    ParseResult result = PolicyDsl.parse("a.policy", text);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.UNICODE_LINE_BREAK);
              assertThat(d.column()).isEqualTo(7);
            });
  }

  @Test
  void format_escapedBidiControlInString_staysEscapedAndParses() {
    String text =
        "condition c = user.id == \"admin\\u{202e}\\u{2028}\"\n"
            + "assign \"a\" {\n  app \"x\" role \"y\"\n  when c\n}\n";

    String formatted = PolicyFormatter.format("a.policy", text);

    assertThat(formatted).contains("\"admin\\u{202e}\\u{2028}\"").doesNotContain("\u202e");
    // The layout moves lines, so the sets are compared as written, without source positions.
    assertThat(PolicyWriter.write(PolicyDsl.parseOrThrow("a.policy", formatted)))
        .isEqualTo(PolicyWriter.write(PolicyDsl.parseOrThrow("a.policy", text)))
        .contains("\"admin\\u{202e}\\u{2028}\"");
  }

  @Test
  void parse_leadingByteOrderMark_isSkipped() {
    ParseResult result = PolicyDsl.parse("a.policy", "\uFEFF" + POLICY);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.policySet()).isEqualTo(PolicyDsl.parse("a.policy", POLICY).policySet());
  }

  @Test
  void parse_byteOrderMarkInside_isAnErrorSayingSo() {
    ParseResult result = PolicyDsl.parse("a.policy", POLICY + "\uFEFF\n");

    assertThat(result.errors())
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo("unexpected character U+FEFF (byte order mark)");
  }

  @Test
  void parse_onlyComments_warnsThatTheFileDeclaresNothing() {
    ParseResult result = PolicyDsl.parse("empty.policy", "# nothing here\n\n");

    assertThat(result.hasErrors()).isFalse();
    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.NO_DECLARATIONS);
              assertThat(d.message())
                  .isEqualTo("`empty.policy` declares nothing, so it enforces nothing");
            });
  }

  @Test
  void load_fileNotUtf8_isAnErrorNamingTheOffset(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("latin1.policy");
    byte[] head = "# caf".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] bytes = new byte[head.length + 2];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xe9;
    bytes[head.length + 1] = '\n';
    Files.write(file, bytes);

    ParseResult result = PolicyDsl.load(file);

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.INVALID_ENCODING);
              assertThat(d.message()).isEqualTo("not UTF-8 text: invalid byte 0xe9 at offset 5");
              assertThat(d.line()).isEqualTo(1);
              assertThat(d.column()).isEqualTo(6);
            });
    assertThat(PolicyDsl.loadFiles(List.of(file)).errors()).hasSize(1);
  }

  @Test
  void load_byteOrderMark_isSkipped(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.policy");
    byte[] text = POLICY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xef;
    bytes[1] = (byte) 0xbb;
    bytes[2] = (byte) 0xbf;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Files.write(file, bytes);

    assertThat(PolicyDsl.load(file).diagnostics()).isEmpty();
  }
}
