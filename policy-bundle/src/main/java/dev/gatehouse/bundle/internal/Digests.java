package dev.gatehouse.bundle.internal;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as the manifest writes them: 64 lowercase hex digits. */
public final class Digests {

  private Digests() {}

  /** Returns the SHA-256 digest of {@code bytes} in hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(raw(bytes));
  }

  /** Returns the raw SHA-256 digest of {@code bytes}. */
  public static byte[] raw(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Returns the digest of a schema: of one {@code name type} line per attribute in slot order, so
   * two nodes agree exactly when they declare the same attributes with the same types.
   */
  public static String schema(Schema schema) {
    StringBuilder text = new StringBuilder();
    for (Attribute attribute : schema.attributes()) {
      text.append(attribute.name()).append(' ').append(attribute.type()).append('\n');
    }
    return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Returns whether {@code text} is a digest as the manifest writes them. */
  public static boolean isDigest(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
