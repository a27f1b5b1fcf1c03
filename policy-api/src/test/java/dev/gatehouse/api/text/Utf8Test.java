package dev.gatehouse.api.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class Utf8Test {

  @Test
  void decode_utf8Text_returnsIt() {
    String text = "assign \"é-名-😀\" {}\n";

    assertThat(Utf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void decode_leadingByteOrderMark_isSkipped() {
    byte[] bytes = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a', 'b'};

    assertThat(Utf8.decode(bytes)).isEqualTo("ab");
    assertThat(Utf8.hasByteOrderMark(bytes)).isTrue();
  }

  static final String INVALID =
      """
      61 62 80 63,       0x80, 2
      63 61 66 e9 0a,    0xe9, 3
      61 c0 af,          0xc0, 1
      61 61 ed a0 80,    0xed, 2
      61 e2 82,          0xe2, 1
      ff fe 61 00,       0xff, 0
      ef bb bf 61 ff,    0xff, 4
      """;

  // a lone continuation byte, a Latin-1 byte, an overlong `/`, an encoded surrogate, a sequence
  // cut short at the end, and a byte that never occurs in UTF-8
  @CsvSource(textBlock = INVALID)
  @ParameterizedTest(name = "{0}")
  void decodeAndReader_invalidByte_nameItsValueAndOffset(String hex, String value, long offset) {
    byte[] bytes = bytes(hex);
    List<ThrowingCallable> decodings =
        List.of(() -> Utf8.decode(bytes), () -> readAll(new ByteArrayInputStream(bytes)));

    for (ThrowingCallable decoding : decodings) {
      assertThatThrownBy(decoding)
          .isInstanceOfSatisfying(
              Utf8.MalformedException.class,
              e -> {
                assertThat(e.offset()).isEqualTo(offset);
                assertThat(e.value()).isEqualTo(Integer.parseInt(value.substring(2), 16));
              })
          .hasMessage("not UTF-8 text: invalid byte " + value + " at offset " + offset);
    }
  }

  @Test
  void reader_longTextInSmallReads_isDecodedWhole() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 100_000; i++) {
      text.append("line ").append(i).append(" é-名-😀\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    // reads of 7 bytes split two- to four-byte sequences at every possible place
    assertThat(readAll(trickle(new ByteArrayInputStream(bytes), 7))).isEqualTo(text.toString());
    assertThat(readAll(new ByteArrayInputStream(bytes))).isEqualTo(text.toString());
  }

  @Test
  void reader_leadingByteOrderMark_isSkipped() {
    byte[] bytes = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, 'a', 'b'};

    assertThat(readAll(trickle(new ByteArrayInputStream(bytes), 1))).isEqualTo("ab");
    assertThat(readAll(new ByteArrayInputStream(new byte[0]))).isEmpty();
  }

  @Test
  void reader_badByteFarIn_offsetCountsFromTheStart() {
    byte[] bytes = new byte[100_001];
    Arrays.fill(bytes, (byte) 'a');
    bytes[100_000] = (byte) 0xe9;

    assertThatThrownBy(() -> readAll(trickle(new ByteArrayInputStream(bytes), 4093)))
        .hasMessage("not UTF-8 text: invalid byte 0xe9 at offset 100000");
  }

  private static String readAll(InputStream in) {
    try (Reader reader = Utf8.reader(in)) {
      StringWriter text = new StringWriter();
      char[] buffer = new char[3];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.write(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stream that gives at most {@code most} bytes a read, as a pipe or socket may. */
  private static InputStream trickle(InputStream in, int most) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, most));
      }
    };
  }

  private static byte[] bytes(String hex) {
    String[] parts = hex.strip().split(" +");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }
}
