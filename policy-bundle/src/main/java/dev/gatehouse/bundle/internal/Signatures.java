package dev.gatehouse.bundle.internal;

import dev.gatehouse.bundle.BundleException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The signature entry of a bundle: {@code key-id ID} and {@code ed25519 BASE64} lines, an Ed25519
 * signature over the exact manifest bytes.
 */
public final class Signatures {

  private static final String ALGORITHM = "Ed25519";

  private Signatures() {}

  /** A read signature entry. */
  public record Entry(String keyId, byte[] signature) {}

  /** Signs {@code manifest} and returns the signature entry. */
  public static byte[] sign(byte[] manifest, String keyId, PrivateKey key) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(manifest);
      String text =
          "key-id "
              + keyId
              + "\ned25519 "
              + Base64.getEncoder().encodeToString(signer.sign())
              + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a signature entry.
   *
   * @throws BundleException if it names no key id or is malformed
   */
  public static Entry parse(byte[] bytes) {
    String text = Text.decode(bytes, Names.SIGNATURE);
    String[] lines = text.split("\n", -1);
    if (lines.length < 1 || !lines[0].startsWith("key-id ") || lines[0].length() <= 7) {
      // The key id is never optional: without it there is nothing to verify against.
      throw new BundleException("the signature names no key id");
    }
    String keyId = lines[0].substring(7);
    if (lines.length != 3 || !lines[1].startsWith("ed25519 ") || !lines[2].isEmpty()) {
      throw new BundleException("the signature entry is malformed");
    }
    try {
      byte[] signature = Base64.getDecoder().decode(lines[1].substring(8));
      if (signature.length != 64) {
        throw new BundleException("the signature is " + signature.length + " bytes, not 64");
      }
      return new Entry(keyId, signature);
    } catch (IllegalArgumentException e) {
      throw new BundleException("the signature is not base64", e);
    }
  }

  /** Returns whether {@code signature} is a valid signature of {@code manifest} by {@code key}. */
  public static boolean verify(byte[] manifest, byte[] signature, PublicKey key) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(manifest);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
