package dev.gatehouse.api.text;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes strictly as UTF-8: a byte that is not part of a well-formed UTF-8 sequence
 * (including overlong forms and encoded surrogates) is an error naming its offset, never a
 * replacement character, so that the text a program acts on is the text a person reads.
 *
 * <p>A leading byte order mark ({@code EF BB BF}) is skipped: it says nothing in UTF-8, and left
 * in place it would be an invisible first character.
 *
 * <pre>{@code
 * String text = Utf8.decode(Files.readAllBytes(file));   // throws Utf8.MalformedException
 * }</pre>
 */
public final class Utf8 {

  private Utf8() {}

  /** Bytes that are not UTF-8 text; the message says which byte and where. */
  public static final class MalformedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final int value;

    MalformedException(long offset, int value) {
      super(String.format("not UTF-8 text: invalid byte 0x%02x at offset %d", value, offset));
      this.offset = offset;
      this.value = value;
    }

    /**
     * Returns the 0-based offset of the first byte that is not UTF-8, counted from the start of
     * the input (a skipped byte order mark included).
     *
     * @return the 0-based offset of the first byte that is not UTF-8
     */
    public long offset() {
      return offset;
    }

    /**
     * Returns the value of that byte, 0 to 255.
     *
     * @return the value of that byte, 0 to 255
     */
    public int value() {
      return value;
    }
  }

  /**
   * Decodes {@code bytes}, skipping a leading byte order mark.
   *
   * @param bytes the bytes
   * @return the text
   * @throws MalformedException if the bytes are not UTF-8 text, naming the first bad byte
   */
  public static String decode(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    int start = hasByteOrderMark(bytes) ? 3 : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new MalformedException(in.position(), bytes[in.position()] & 0xff);
    }
    return out.flip().toString();
  }

  /**
   * Returns whether {@code bytes} start with the UTF-8 byte order mark {@code EF BB BF}.
   *
   * @param bytes the bytes
   * @return whether {@code bytes} start with the UTF-8 byte order mark
   */
  public static boolean hasByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
  }
}
