package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicyDsl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The places {@code gatehouse.policies} names, read into one policy set: {@code .policy} files,
 * directories of them (their {@code *.policy} files, sorted by name) and {@code classpath:}
 * locations. A location without a prefix is a file-system path.
 *
 * <pre>{@code
 * PolicyLocations locations =
 *     PolicyLocations.of(List.of("/etc/gatehouse", "classpath:base.policy"));
 * ParseResult result = locations.load();
 * }</pre>
 */
public final class PolicyLocations {

  private final List<String> locations;
  private final ResourcePatternResolver resolver;

  private PolicyLocations(List<String> locations, ResourcePatternResolver resolver) {
    this.locations = locations;
    this.resolver = resolver;
  }

  /**
   * Returns the locations, resolved with the class loader of this thread.
   *
   * @param locations the locations, as {@code gatehouse.policies} writes them
   * @return the locations
   * @throws IllegalArgumentException if there are none or one is blank
   */
  public static PolicyLocations of(List<String> locations) {
    requireNonNull(locations, "locations");
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("`gatehouse.policies` names no policy location");
    }
    for (String location : locations) {
      if (location == null || location.isBlank()) {
        throw new IllegalArgumentException("`gatehouse.policies` holds a blank location");
      }
    }
    return new PolicyLocations(List.copyOf(locations), new PathMatchingResourcePatternResolver());
  }

  /**
   * Reads and parses every location into one policy set.
   *
   * @return the policy set or all the errors, and every warning
   * @throws UncheckedIOException if a location cannot be read or does not exist
   */
  public ParseResult load() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String location : locations) {
      if (isClasspath(location)) {
        readResources(location, sources);
      } else {
        for (Path file : files(path(location))) {
          sources.put(file.toString(), read(file));
        }
      }
    }
    return PolicyDsl.parse(sources);
  }

  /**
   * Returns the file-system files now behind the locations, which a reload watches; {@code
   * classpath:} locations have none.
   *
   * @return the files, in load order
   */
  public List<Path> watchedFiles() {
    List<Path> files = new ArrayList<>();
    for (String location : locations) {
      if (!isClasspath(location)) {
        Path path = path(location);
        files.add(path);
        if (Files.isDirectory(path)) {
          files.addAll(files(path));
        }
      }
    }
    return files;
  }

  private static boolean isClasspath(String location) {
    return location.startsWith("classpath:") || location.startsWith("classpath*:");
  }

  private static Path path(String location) {
    return Path.of(location.startsWith("file:") ? location.substring(5) : location);
  }

  private static List<Path> files(Path path) {
    if (!Files.isDirectory(path)) {
      if (!Files.isRegularFile(path)) {
        throw new UncheckedIOException(
            new IOException("policy location `" + path + "` does not exist"));
      }
      return List.of(path);
    }
    try (Stream<Path> entries = Files.list(path)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".policy"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list `" + path + "`", e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`", e);
    }
  }

  private void readResources(String location, Map<String, String> sources) {
    try {
      Resource[] resources = resolver.getResources(location);
      int found = 0;
      for (Resource resource : resources) {
        if (resource.isReadable()) {
          String name = location.contains("*") ? resource.getDescription() : location;
          sources.put(name, resource.getContentAsString(StandardCharsets.UTF_8));
          found++;
        }
      }
      if (found == 0) {
        throw new IOException("policy location `" + location + "` does not exist");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "PolicyLocations" + locations;
  }
}
