package dev.gatehouse.bundle;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public keys a node trusts to sign bundles, by key id. Several keys let a signer rotate: trust
 * the new key everywhere, sign with it, then drop the old one. A bundle signed by a key not here,
 * or naming no key, is refused.
 */
public final class TrustedKeys {

  private final Map<String, PublicKey> keys;

  private TrustedKeys(Map<String, PublicKey> keys) {
    this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
  }

  /**
   * Returns the trust of {@code keys}.
   *
   * @param keys Ed25519 public keys
   * @return the trusted keys
   * @throws IllegalArgumentException if there is none
   */
  public static TrustedKeys of(List<PublicKey> keys) {
    Map<String, PublicKey> byId = new TreeMap<>();
    for (PublicKey key : keys) {
      byId.put(BundleKeys.keyId(requireNonNull(key, "key")), key);
    }
    if (byId.isEmpty()) {
      throw new IllegalArgumentException("no trusted key: a bundle could never be verified");
    }
    return new TrustedKeys(byId);
  }

  /**
   * Reads PEM public keys from files, and from the {@code *.pub} files directly in directories.
   *
   * @param paths key files or directories of them
   * @return the trusted keys
   * @throws UncheckedIOException if a path cannot be read
   * @throws IllegalArgumentException if a file is not a public key, or there is no key at all
   */
  public static TrustedKeys load(List<Path> paths) {
    List<PublicKey> keys = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : files(path)) {
        try {
          keys.add(BundleKeys.readPublic(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read `" + file + "`: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("`" + file + "`: " + e.getMessage(), e);
        }
      }
    }
    return of(keys);
  }

  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".pub"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list `" + path + "`: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the key with id {@code keyId}.
   *
   * @param keyId a key id
   * @return the key, or empty when it is not trusted
   */
  public Optional<PublicKey> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /**
   * Returns the ids of the trusted keys, sorted.
   *
   * @return the key ids
   */
  public Set<String> keyIds() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "TrustedKeys" + keys.keySet();
  }
}
