package dev.gatehouse.bundle;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import dev.gatehouse.bundle.internal.Archive;
import dev.gatehouse.bundle.internal.Digests;
import dev.gatehouse.bundle.internal.Manifest;
import dev.gatehouse.bundle.internal.Names;
import dev.gatehouse.bundle.internal.Signatures;
import dev.gatehouse.bundle.internal.Text;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A policy bundle that passed its checks: a zip archive holding the policy files, a manifest
 * (revision, created-at, the SHA-256 of each file and of the schema the files were validated
 * against) and an Ed25519 signature over the manifest.
 *
 * <p>{@link #read(byte[], TrustedKeys)} refuses, with a {@link BundleException} saying why, a
 * bundle that is malformed, unsigned, signed by no trusted key or naming no key, whose files differ
 * from the manifest, or that breaks a size limit. It does not parse the policies; a {@link
 * PolicySources source} does that before running them.
 *
 * <pre>{@code
 * byte[] bytes = Bundle.builder().revision(42).directory(dir).sign(signingKey).build();
 * Bundle bundle = Bundle.read(bytes, TrustedKeys.load(List.of(Path.of("keys"))));
 * }</pre>
 */
public final class Bundle {

  private final byte[] bytes;
  private final Manifest manifest;
  private final @Nullable String keyId;
  private final Map<String, String> files;
  private final String digest;

  private Bundle(
      byte[] bytes,
      Manifest manifest,
      @Nullable String keyId,
      Map<String, String> files,
      byte[] manifestBytes) {
    this.bytes = bytes;
    this.manifest = manifest;
    this.keyId = keyId;
    this.files = files;
    this.digest = Digests.sha256(manifestBytes);
  }

  /**
   * Returns a builder of bundles.
   *
   * @return a builder
   */
  public static BundleBuilder builder() {
    return new BundleBuilder();
  }

  /**
   * Reads a bundle and checks it completely: its signature by one of {@code keys}, and each file
   * against the manifest.
   *
   * @param bytes the bundle
   * @param keys the keys trusted to sign bundles
   * @return the bundle
   * @throws BundleException if the bundle is refused; the message says why
   */
  public static Bundle read(byte[] bytes, TrustedKeys keys) {
    requireNonNull(keys, "keys");
    return read(bytes, keys, true);
  }

  /**
   * Reads a bundle and checks its files against the manifest, but not its signature: for tools that
   * show or test a bundle, never for running one.
   *
   * @param bytes the bundle
   * @return the bundle
   * @throws BundleException if the bundle is malformed or its files differ from the manifest
   */
  public static Bundle readUnverified(byte[] bytes) {
    return read(bytes, null, false);
  }

  private static Bundle read(byte[] bytes, @Nullable TrustedKeys keys, boolean verify) {
    byte[] copy = requireNonNull(bytes, "bytes").clone();
    Archive.Contents contents = Archive.read(copy);
    String keyId = null;
    if (contents.signature() != null) {
      keyId = Signatures.parse(contents.signature()).keyId();
    }
    if (verify) {
      keyId = verify(contents, requireNonNull(keys));
    }
    Manifest manifest = Manifest.parse(contents.manifest());
    Map<String, String> files = check(manifest, contents.files());
    return new Bundle(copy, manifest, keyId, files, contents.manifest());
  }

  private static String verify(Archive.Contents contents, TrustedKeys keys) {
    if (contents.signature() == null) {
      throw new BundleException("the bundle is not signed");
    }
    Signatures.Entry entry = Signatures.parse(contents.signature());
    Optional<PublicKey> key = keys.find(entry.keyId());
    if (key.isEmpty()) {
      throw new BundleException(
          "the bundle is signed by " + Names.quote(entry.keyId()) + ", which is not a trusted key");
    }
    if (!Signatures.verify(contents.manifest(), entry.signature(), key.get())) {
      throw new BundleException("the signature does not verify with key `" + entry.keyId() + "`");
    }
    return entry.keyId();
  }

  private static Map<String, String> check(Manifest manifest, Map<String, byte[]> found) {
    Set<String> extra = new TreeSet<>(found.keySet());
    extra.removeAll(manifest.files().keySet());
    if (!extra.isEmpty()) {
      throw new BundleException(
          "the bundle holds "
              + Names.quote(extra.iterator().next())
              + ", which the manifest does not list");
    }
    Map<String, String> files = new LinkedHashMap<>();
    for (Map.Entry<String, String> listed : manifest.files().entrySet()) {
      byte[] content = found.get(listed.getKey());
      if (content == null) {
        throw new BundleException(
            "the manifest lists "
                + Names.quote(listed.getKey())
                + ", which the bundle does not hold");
      }
      if (!Digests.sha256(content).equals(listed.getValue())) {
        throw new BundleException(
            "the digest of " + Names.quote(listed.getKey()) + " does not match the manifest");
      }
      files.put(listed.getKey(), Text.decode(content, listed.getKey()));
    }
    return Collections.unmodifiableMap(files);
  }

  /**
   * Returns the revision; a node runs revisions in increasing order unless told to roll back.
   *
   * @return the revision, at least 1
   */
  public long revision() {
    return manifest.revision();
  }

  /**
   * Returns when the bundle was built.
   *
   * @return the creation time
   */
  public Instant createdAt() {
    return manifest.createdAt();
  }

  /**
   * Returns the SHA-256, in hex, of the schema the files were validated against when built.
   *
   * @return the schema digest
   */
  public String schemaDigest() {
    return manifest.schemaDigest();
  }

  /**
   * Returns whether the bundle was built against {@code schema}.
   *
   * @param schema a schema
   * @return whether its digest is the one in the manifest
   */
  public boolean builtFor(Schema schema) {
    return Digests.schema(schema).equals(manifest.schemaDigest());
  }

  /**
   * Returns the SHA-256 digest of each file, in hex, by name.
   *
   * @return the digests, sorted by name
   */
  public Map<String, String> fileDigests() {
    return manifest.files();
  }

  /**
   * Returns the text of each policy file, by name, sorted by name.
   *
   * @return the policy sources
   */
  public Map<String, String> files() {
    return files;
  }

  /**
   * Returns the id of the key that signed the bundle.
   *
   * @return the key id, or empty when the bundle is not signed
   */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  /**
   * Returns the SHA-256 of the manifest in hex, which identifies the content of the bundle.
   *
   * @return the manifest digest
   */
  public String digest() {
    return digest;
  }

  /**
   * Returns the bundle as read.
   *
   * @return a copy of its bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "Bundle{revision="
        + revision()
        + ", files="
        + files.size()
        + ", key="
        + (keyId == null ? "none" : keyId)
        + "}";
  }
}
