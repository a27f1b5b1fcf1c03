package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.internal.Frontend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The entry point of the policy language: parses {@code .policy} text into a validated {@link
 * PolicySet}, with every error and warning as a {@link Diagnostic}.
 *
 * <pre>{@code
 * ParseResult result = PolicyDsl.load(Path.of("policies"));
 * result.diagnostics().forEach(d -> System.err.println(d.render()));
 * PolicySet set = result.orThrow();
 * }</pre>
 *
 * <p>Several sources form one set: names and ids are shared, and ids must be unique across them.
 * Sources over 4 MiB, expressions nested over 64 levels and lists over 10,000 items are rejected
 * with a diagnostic.
 */
public final class PolicyDsl {

  private PolicyDsl() {}

  /** Parses one source over the standard schema. */
  public static ParseResult parse(String sourceName, String text) {
    return parse(Map.of(requireNonNull(sourceName, "sourceName"), requireNonNull(text, "text")));
  }

  /**
   * Parses several sources, keyed by name in iteration order, as one policy set over the standard
   * schema.
   */
  public static ParseResult parse(Map<String, String> sources) {
    return parse(sources, Schema.standard());
  }

  /**
   * Parses several sources as one policy set over {@code schema} (plus what their {@code schema}
   * blocks declare), for hosts that declare attributes of their own.
   */
  public static ParseResult parse(Map<String, String> sources, Schema schema) {
    requireNonNull(sources, "sources");
    requireNonNull(schema, "schema");
    Map<String, String> copy = new LinkedHashMap<>();
    sources.forEach(
        (name, text) ->
            copy.put(requireNonNull(name, "source name"), requireNonNull(text, "text of " + name)));
    return Frontend.parse(copy, schema);
  }

  /**
   * Loads a {@code .policy} file, or every {@code *.policy} file directly in a directory, sorted by
   * name; each diagnostic names its file as the path is written.
   *
   * @throws UncheckedIOException if the path cannot be read
   */
  public static ParseResult load(Path path) {
    requireNonNull(path, "path");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> entries = Files.list(path)) {
        files.addAll(
            entries
                .filter(p -> p.getFileName().toString().endsWith(".policy"))
                .filter(Files::isRegularFile)
                .sorted()
                .collect(Collectors.toList()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list `" + path + "`", e);
      }
    } else {
      files.add(path);
    }
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path file : files) {
      sources.put(file.toString(), read(file));
    }
    return parse(sources);
  }

  private static String read(Path file) {
    try {
      if (Files.size(file) > 4L * Frontend.MAX_SOURCE_CHARS) {
        // Too large either way; do not read it all only to say so.
        return "#".repeat(Frontend.MAX_SOURCE_CHARS + 1);
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`", e);
    }
  }

  /**
   * Loads a {@code .policy} file from the class path; diagnostics name it as {@code name}.
   *
   * @throws IllegalArgumentException if there is no such resource
   * @throws UncheckedIOException if it cannot be read
   */
  public static ParseResult loadResource(String name) {
    requireNonNull(name, "name");
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = PolicyDsl.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no class path resource `" + name + "`");
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource `" + name + "`", e);
    }
  }

  /**
   * Parses one source and returns its policy set.
   *
   * @throws PolicySyntaxException carrying every diagnostic if the text has an error
   */
  public static PolicySet parseOrThrow(String sourceName, String text) {
    return parse(sourceName, text).orThrow();
  }

  /**
   * Parses several sources as one policy set and returns it.
   *
   * @throws PolicySyntaxException carrying every diagnostic if a source has an error
   */
  public static PolicySet parseOrThrow(Map<String, String> sources) {
    return parse(sources).orThrow();
  }

  /**
   * Loads a file or directory and returns its policy set.
   *
   * @throws PolicySyntaxException carrying every diagnostic if a file has an error
   * @throws UncheckedIOException if the path cannot be read
   */
  public static PolicySet loadOrThrow(Path path) {
    return load(path).orThrow();
  }

  /**
   * Loads a class path resource and returns its policy set.
   *
   * @throws PolicySyntaxException carrying every diagnostic if it has an error
   * @throws IllegalArgumentException if there is no such resource
   */
  public static PolicySet loadResourceOrThrow(String name) {
    return loadResource(name).orThrow();
  }
}
