package dev.gatehouse.api.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

  @CsvSource({
      // a lone continuation byte, a Latin-1 byte, an overlong `/`, an encoded surrogate,
      // a sequence cut short at the end, and a byte that never occurs in UTF-8
      "61 62 80 63,       0x80, 2",
      "63 61 66 e9 0a,    0xe9, 3",
      "61 c0 af,          0xc0, 1",
      "61 61 ed a0 80,    0xed, 2",
      "61 e2 82,          0xe2, 1",
      "ff fe 61 00,       0xff, 0",
      "ef bb bf 61 ff,    0xff, 4"})
  @ParameterizedTest(name = "{0}")
  void decode_invalidByte_namesItsValueAndOffset(String hex, String value, long offset) {
    byte[] bytes = bytes(hex);

    assertThatThrownBy(() -> Utf8.decode(bytes))
        .isInstanceOfSatisfying(
            Utf8.MalformedException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(offset);
              assertThat(e.value()).isEqualTo(Integer.parseInt(value.substring(2), 16));
            })
        .hasMessage("not UTF-8 text: invalid byte " + value + " at offset " + offset);
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
