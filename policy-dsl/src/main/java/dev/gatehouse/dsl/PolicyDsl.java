package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.text.Utf8;
import dev.gatehouse.dsl.internal.Frontend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  /**
   * Parses one source over the standard schema.
   *
   * @param sourceName the name diagnostics give the source, such as {@code acme.policy}
   * @param text the policy text
   * @return the policy set or the errors, and every warning
   */
  public static ParseResult parse(String sourceName, String text) {
    return parse(Map.of(requireNonNull(sourceName, "sourceName"), requireNonNull(text, "text")));
  }

  /**
   * Parses several sources, keyed by name in iteration order, as one policy set over the standard
   * schema.
   *
   * @param sources the text of each source by name, in the order to report them
   * @return the policy set or the errors, and every warning
   */
  public static ParseResult parse(Map<String, String> sources) {
    return parse(sources, Schema.standard());
  }

  /**
   * Parses several sources as one policy set over {@code schema} (plus what their {@code schema}
   * blocks declare), for hosts that declare attributes of their own.
   *
   * @param sources the text of each source by name, in the order to report them
   * @param schema the schema to start from
   * @return the policy set or the errors, and every warning
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
   * @param path a file, or a directory of {@code .policy} files
   * @return the policy set or the errors, and every warning
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
    return loadFiles(files);
  }

  /**
   * Loads the given files, in order, as one policy set over the standard schema; each diagnostic
   * names its file as the path is written. A file is read strictly as UTF-8 (a leading byte order
   * mark is skipped): bytes that are not UTF-8 are an {@code invalid-encoding} error naming the
   * offset of the first bad byte, never replaced.
   *
   * @param files the policy files
   * @return the policy set or the errors, and every warning
   * @throws UncheckedIOException if a file cannot be read
   */
  public static ParseResult loadFiles(List<Path> files) {
    requireNonNull(files, "files");
    Map<String, String> sources = new LinkedHashMap<>();
    List<Diagnostic> unreadable = new ArrayList<>();
    for (Path file : files) {
      String name = requireNonNull(file, "file").toString();
      long size = size(file);
      if (size > 4L * Frontend.MAX_SOURCE_CHARS) {
        // Too large however it decodes; it is not read only to say so.
        unreadable.add(Frontend.fileTooLarge(name, size));
        continue;
      }
      byte[] bytes = read(file);
      try {
        sources.put(name, Utf8.decode(bytes));
      } catch (Utf8.MalformedException e) {
        unreadable.add(Frontend.notUtf8(name, bytes, e));
      }
    }
    return Frontend.parse(sources, Schema.standard(), unreadable);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`", e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`", e);
    }
  }

  /**
   * Loads a {@code .policy} file from the class path; diagnostics name it as {@code name}.
   *
   * @param name the resource name, such as {@code policies/acme.policy}
   * @return the policy set or the errors, and every warning
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
      byte[] bytes = in.readAllBytes();
      try {
        return parse(name, Utf8.decode(bytes));
      } catch (Utf8.MalformedException e) {
        return Frontend.parse(
            Map.of(), Schema.standard(), List.of(Frontend.notUtf8(name, bytes, e)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class path resource `" + name + "`", e);
    }
  }

  /**
   * Parses one source and returns its policy set.
   *
   * @param sourceName the name diagnostics give the source, such as {@code acme.policy}
   * @param text the policy text
   * @return the policy set
   * @throws PolicySyntaxException carrying every diagnostic if the text has an error
   */
  public static PolicySet parseOrThrow(String sourceName, String text) {
    return parse(sourceName, text).orThrow();
  }

  /**
   * Parses several sources as one policy set and returns it.
   *
   * @param sources the text of each source by name, in the order to report them
   * @return the policy set
   * @throws PolicySyntaxException carrying every diagnostic if a source has an error
   */
  public static PolicySet parseOrThrow(Map<String, String> sources) {
    return parse(sources).orThrow();
  }

  /**
   * Loads a file or directory and returns its policy set.
   *
   * @param path a file, or a directory of {@code .policy} files
   * @return the policy set
   * @throws PolicySyntaxException carrying every diagnostic if a file has an error
   * @throws UncheckedIOException if the path cannot be read
   */
  public static PolicySet loadOrThrow(Path path) {
    return load(path).orThrow();
  }

  /**
   * Loads a class path resource and returns its policy set.
   *
   * @param name the resource name, such as {@code policies/acme.policy}
   * @return the policy set
   * @throws PolicySyntaxException carrying every diagnostic if it has an error
   * @throws IllegalArgumentException if there is no such resource
   */
  public static PolicySet loadResourceOrThrow(String name) {
    return loadResource(name).orThrow();
  }
}
