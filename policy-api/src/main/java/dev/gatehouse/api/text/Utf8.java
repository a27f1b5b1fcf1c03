package dev.gatehouse.api.text;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes bytes strictly as UTF-8: a byte that is not part of a well-formed UTF-8 sequence
 * (including overlong forms and encoded surrogates) is an error naming its offset, never a
 * replacement character, so that the text a program acts on is the text a person reads.
 *
 * <p>A leading byte order mark ({@code EF BB BF}) is skipped: it says nothing in UTF-8, and left in
 * place it would be an invisible first character.
 *
 * <pre>{@code
 * String text = Utf8.decode(Files.readAllBytes(file));   // throws Utf8.MalformedException
 * try (BufferedReader lines = new BufferedReader(Utf8.reader(Files.newInputStream(file)))) {
 *   ...                                                  // a long file, never held whole
 * }
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
     * Returns the 0-based offset of the first byte that is not UTF-8, counted from the start of the
     * input (a skipped byte order mark included).
     *
     * @return the 0-based offset of the first byte that is not UTF-8
     */
    public long offset() {
      return offset;
    }

    /** {@return the value of that byte, 0 to 255} */
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
    CharsetDecoder decoder = strictDecoder();
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
   * Returns a reader that decodes {@code in} as {@link #decode} does, a buffer at a time, so that a
   * long input is never held whole; a leading byte order mark is skipped. Closing the reader closes
   * {@code in}.
   *
   * <p>Its {@code read} methods throw {@link MalformedException} at the first byte that is not
   * UTF-8, its offset counted from the start of {@code in}; the text before that byte may have been
   * read already.
   *
   * @param in the bytes
   * @return a reader of the text
   */
  public static Reader reader(InputStream in) {
    return new StrictReader(requireNonNull(in, "in"));
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

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Decodes into a buffer of its own, so that a read of one char never splits a pair. */
  private static final class StrictReader extends Reader {
    private static final int SIZE = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder = strictDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(SIZE).flip();

    /** The offset in the input of the first byte of {@code bytes}' array. */
    private long base;

    private boolean started;
    private boolean eof;
    private boolean done;

    StrictReader(InputStream in) {
      this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      Objects.checkFromIndexSize(offset, length, buffer.length);
      if (length == 0) {
        return 0;
      }
      while (!chars.hasRemaining()) {
        if (done) {
          return -1;
        }
        decodeMore();
      }
      int n = Math.min(length, chars.remaining());
      chars.get(buffer, offset, n);
      return n;
    }

    private void decodeMore() throws IOException {
      if (!started) {
        started = true;
        int n = in.readNBytes(bytes.array(), 0, 3);
        bytes.limit(n);
        if (n == 3 && hasByteOrderMark(bytes.array())) {
          bytes.position(3);
        }
      }
      chars.clear();
      try {
        while (chars.position() == 0) {
          CoderResult result = decoder.decode(bytes, chars, eof);
          if (result.isUnderflow() && eof) {
            result = decoder.flush(chars);
            done = !result.isError();
          }
          if (result.isError()) {
            throw new MalformedException(
                base + bytes.position(), bytes.get(bytes.position()) & 0xff);
          }
          if (done) {
            return;
          }
          if (result.isUnderflow()) {
            fill();
          }
        }
      } finally {
        chars.flip();
      }
    }

    private void fill() throws IOException {
      base += bytes.position();
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
