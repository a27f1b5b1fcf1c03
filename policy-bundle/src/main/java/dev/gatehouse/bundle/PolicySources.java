package dev.gatehouse.bundle;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;

/**
 * The entry point for policy sources: a watched directory, a bundle file, or a bundle served over
 * HTTP(S), each feeding a {@link dev.gatehouse.engine.PolicyEngineHolder}.
 *
 * <pre>{@code
 * PolicySource source = PolicySources.http(URI.create("https://policies.internal/acme.bundle"),
 *         TrustedKeys.load(List.of(Path.of("/etc/gatehouse/keys"))))
 *     .pollInterval(Duration.ofSeconds(10))
 *     .cacheDirectory(Path.of("/var/cache/gatehouse"))
 *     .start();  // throws if no verified bundle can be had, from the server or the cache
 * GatehouseFilter filter = GatehouseFilter.builder(source).app("/books/*", "books").build();
 * }</pre>
 */
public final class PolicySources {

  private PolicySources() {}

  /**
   * Returns a builder of a source watching {@code directory} for {@code *.policy} files. Files are
   * not signed: the directory is as trusted as the host's file system.
   *
   * @param directory the directory
   * @return a builder
   */
  public static PolicySourceBuilder directory(Path directory) {
    return new PolicySourceBuilder(
        PolicySourceBuilder.Kind.DIRECTORY, requireNonNull(directory, "directory"), null, null);
  }

  /**
   * Returns a builder of a source reading the bundle file {@code file}, checking it every poll
   * interval.
   *
   * @param file the bundle file
   * @param keys the keys trusted to sign bundles
   * @return a builder
   */
  public static PolicySourceBuilder bundleFile(Path file, TrustedKeys keys) {
    return new PolicySourceBuilder(
        PolicySourceBuilder.Kind.FILE,
        requireNonNull(file, "file"),
        null,
        requireNonNull(keys, "keys"));
  }

  /**
   * Returns a builder of a source polling {@code uri} for a bundle.
   *
   * @param uri an {@code http} or {@code https} address
   * @param keys the keys trusted to sign bundles
   * @return a builder
   * @throws IllegalArgumentException if the scheme is neither {@code http} nor {@code https}
   */
  public static PolicySourceBuilder http(URI uri, TrustedKeys keys) {
    String scheme = requireNonNull(uri, "uri").getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("`" + uri + "` is not an http or https address");
    }
    return new PolicySourceBuilder(
        PolicySourceBuilder.Kind.HTTP, null, uri, requireNonNull(keys, "keys"));
  }
}
