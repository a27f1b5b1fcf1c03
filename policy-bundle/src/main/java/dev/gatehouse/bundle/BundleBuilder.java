package dev.gatehouse.bundle;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import dev.gatehouse.bundle.internal.Archive;
import dev.gatehouse.bundle.internal.Digests;
import dev.gatehouse.bundle.internal.Manifest;
import dev.gatehouse.bundle.internal.Names;
import dev.gatehouse.bundle.internal.Signatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Builds the bytes of a bundle. It does not parse the policies: check them first (the {@code
 * gatehouse bundle build} command does).
 */
public final class BundleBuilder {

  private long revision;
  private Instant createdAt = Instant.EPOCH;
  private boolean createdAtSet;
  private Schema schema = Schema.standard();
  private final Map<String, byte[]> files = new TreeMap<>();
  private BundleKeys.@Nullable SigningKey signingKey;

  BundleBuilder() {}

  /**
   * Sets the revision.
   *
   * @param revision the revision, at least 1
   * @return this builder
   * @throws IllegalArgumentException if {@code revision} is less than 1
   */
  public BundleBuilder revision(long revision) {
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, not " + revision);
    }
    this.revision = revision;
    return this;
  }

  /**
   * Sets the creation time written in the manifest; the default is the time of {@link #build()}, to
   * the second.
   *
   * @param createdAt the creation time
   * @return this builder
   */
  public BundleBuilder createdAt(Instant createdAt) {
    this.createdAt = requireNonNull(createdAt, "createdAt");
    this.createdAtSet = true;
    return this;
  }

  /**
   * Sets the schema the policies were validated against; the default is the standard one.
   *
   * @param schema the schema
   * @return this builder
   */
  public BundleBuilder schema(Schema schema) {
    this.schema = requireNonNull(schema, "schema");
    return this;
  }

  /**
   * Adds a policy file.
   *
   * @param name a flat name ending in {@code .policy}
   * @param text the policy text
   * @return this builder
   * @throws IllegalArgumentException if the name is not a flat policy file name or is taken
   */
  public BundleBuilder file(String name, String text) {
    if (!Names.isPolicyFile(requireNonNull(name, "name"))) {
      throw new IllegalArgumentException(
          Names.quote(name)
              + " is not a flat `*.policy` file name"
              + " of letters, digits, `.`, `_` and `-`");
    }
    if (files.containsKey(name)) {
      throw new IllegalArgumentException("file `" + name + "` is added twice");
    }
    files.put(name, requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /**
   * Adds every {@code *.policy} file directly in {@code directory}.
   *
   * @param directory the directory
   * @return this builder
   * @throws UncheckedIOException if it cannot be read
   * @throws IllegalArgumentException if it holds no policy file or a name is unfit
   */
  public BundleBuilder directory(Path directory) {
    List<Path> found;
    try (Stream<Path> entries = Files.list(requireNonNull(directory, "directory"))) {
      found =
          entries
              .filter(p -> p.getFileName().toString().endsWith(".policy"))
              .filter(Files::isRegularFile)
              .sorted()
              .collect(Collectors.toList());
      for (Path file : found) {
        file(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + directory + "`: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no `*.policy` file in directory `" + directory + "`");
    }
    return this;
  }

  /**
   * Signs the bundle with {@code key}.
   *
   * @param key the private key and the id of its public key
   * @return this builder
   */
  public BundleBuilder sign(BundleKeys.SigningKey key) {
    this.signingKey = requireNonNull(key, "key");
    return this;
  }

  /**
   * Returns the bundle's bytes.
   *
   * @return the zip archive
   * @throws IllegalStateException if no revision or no file was given
   */
  public byte[] build() {
    if (revision == 0) {
      throw new IllegalStateException("no revision given");
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no policy file given");
    }
    Map<String, String> digests = new TreeMap<>();
    files.forEach((name, content) -> digests.put(name, Digests.sha256(content)));
    Instant created =
        createdAtSet ? createdAt : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    byte[] manifest = new Manifest(revision, created, Digests.schema(schema), digests).render();
    byte[] signature =
        signingKey == null ? null : Signatures.sign(manifest, signingKey.keyId(), signingKey.key());
    return Archive.write(manifest, signature, files);
  }
}
