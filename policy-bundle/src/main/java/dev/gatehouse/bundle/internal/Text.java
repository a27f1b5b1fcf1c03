package dev.gatehouse.bundle.internal;

import dev.gatehouse.bundle.BundleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of the text entries of a bundle. */
public final class Text {

  private Text() {}

  /**
   * Decodes {@code bytes} as UTF-8 text.
   *
   * @throws BundleException if they are not valid UTF-8 or hold a NUL, as binary data (such as a
   *     nested archive) does
   */
  public static String decode(byte[] bytes, String name) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new BundleException(Names.quote(name) + " is not text: it holds a NUL byte");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BundleException(Names.quote(name) + " is not UTF-8 text", e);
    }
  }
}
