package dev.gatehouse.bundle;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.bundle.internal.Digests;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys for signing bundles, as the JDK makes them, written as PEM: PKCS#8 for private keys,
 * X.509 SubjectPublicKeyInfo for public ones.
 *
 * <p>A key's id is derived from its public key ({@code ed25519-} and 16 hex digits of its SHA-256),
 * so a signer and a verifier can never disagree on it. The JDK cannot derive a public key from an
 * Ed25519 private key, so a private key file carries its id in a {@code key-id:} line before the
 * PEM block, where RFC 7468 lets explanatory text stand.
 *
 * <pre>{@code
 * KeyPair pair = BundleKeys.generate();
 * Files.writeString(dir.resolve("signing.key"), BundleKeys.privatePem(pair));
 * Files.writeString(dir.resolve("signing.pub"), BundleKeys.publicPem(pair.getPublic()));
 * }</pre>
 */
public final class BundleKeys {

  /** A private key and the id of its public key. */
  public record SigningKey(String keyId, PrivateKey key) {
    /**
     * Checks the components.
     *
     * @param keyId the id of the matching public key
     * @param key the Ed25519 private key
     */
    public SigningKey {
      requireNonNull(keyId, "keyId");
      requireNonNull(key, "key");
    }

    /**
     * Returns the signing key of a key pair.
     *
     * @param pair an Ed25519 key pair
     * @return its private key with the id of its public key
     */
    public static SigningKey of(KeyPair pair) {
      return new SigningKey(BundleKeys.keyId(pair.getPublic()), pair.getPrivate());
    }
  }

  private static final String ALGORITHM = "Ed25519";
  private static final Pattern KEY_ID_LINE =
      Pattern.compile("(?m)^key-id: (ed25519-[0-9a-f]{16})$");

  private BundleKeys() {}

  /**
   * Creates a new Ed25519 key pair.
   *
   * @return the key pair
   */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /**
   * Returns the id of a public key.
   *
   * @param key an Ed25519 public key
   * @return {@code ed25519-} and the first 16 hex digits of the SHA-256 of its encoding
   */
  public static String keyId(PublicKey key) {
    return "ed25519-" + Digests.sha256(requireNonNull(key, "key").getEncoded()).substring(0, 16);
  }

  /**
   * Returns the private key of {@code pair} as PEM, with the id of its public key.
   *
   * @param pair the key pair
   * @return the PEM text
   */
  public static String privatePem(KeyPair pair) {
    return "key-id: "
        + keyId(pair.getPublic())
        + "\n"
        + pem("PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  /**
   * Returns a public key as PEM, with its id.
   *
   * @param key the public key
   * @return the PEM text
   */
  public static String publicPem(PublicKey key) {
    return "key-id: " + keyId(key) + "\n" + pem("PUBLIC KEY", key.getEncoded());
  }

  /**
   * Reads a private key written by {@link #privatePem(KeyPair)}.
   *
   * @param pem the PEM text
   * @return the key with its id
   * @throws IllegalArgumentException if it is not an Ed25519 PKCS#8 key or names no key id
   */
  public static SigningKey readPrivate(String pem) {
    Matcher id = KEY_ID_LINE.matcher(requireNonNull(pem, "pem"));
    if (!id.find()) {
      throw new IllegalArgumentException(
          "the private key has no `key-id:` line; create keys with `gatehouse bundle keygen`");
    }
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(decode(pem, "PRIVATE KEY")));
      return new SigningKey(id.group(1), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a public key in PEM, with or without a {@code key-id:} line; its id is always derived.
   *
   * @param pem the PEM text
   * @return the key
   * @throws IllegalArgumentException if it is not an Ed25519 public key, or its {@code key-id:}
   *     line names another key
   */
  public static PublicKey readPublic(String pem) {
    PublicKey key;
    try {
      key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePublic(
                  new X509EncodedKeySpec(decode(requireNonNull(pem, "pem"), "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
    }
    Matcher id = KEY_ID_LINE.matcher(pem);
    if (id.find() && !id.group(1).equals(keyId(key))) {
      throw new IllegalArgumentException(
          "the public key's `key-id:` line says `"
              + id.group(1)
              + "` but the key's id is `"
              + keyId(key)
              + "`");
    }
    return key;
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] decode(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no `" + begin + "` block");
    }
    String body = pem.substring(from + begin.length(), to).replaceAll("\\s+", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the `" + label + "` block is not base64", e);
    }
  }
}
