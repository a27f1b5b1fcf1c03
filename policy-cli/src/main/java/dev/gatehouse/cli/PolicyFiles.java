package dev.gatehouse.cli;

import dev.gatehouse.api.text.Utf8;
import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds, reads, parses and compiles the policy files named on the command line. */
final class PolicyFiles {

  private PolicyFiles() {}

  /**
   * Returns the {@code .policy} files named by {@code paths}: each file as given, and the {@code
   * *.policy} files directly in each directory, sorted by name.
   *
   * @throws BadInputException if a path does not exist or a directory holds no policy file
   */
  static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> found = list(path);
        if (found.isEmpty()) {
          throw new BadInputException("no `*.policy` file in directory `" + path + "`");
        }
        files.addAll(found);
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new BadInputException("no such file or directory `" + path + "`");
      }
    }
    return files;
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".policy"))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list `" + directory + "`: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a file strictly as UTF-8, a leading byte order mark skipped.
   *
   * @throws UncheckedIOException if it cannot be read, with a one-line message
   * @throws BadInputException if it is not UTF-8 text, naming the offset of the first bad byte
   */
  static String read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`: " + e.getMessage(), e);
    }
    try {
      return Utf8.decode(bytes);
    } catch (Utf8.MalformedException e) {
      throw new BadInputException("`" + file + "`: " + e.getMessage());
    }
  }

  /**
   * Parses the files named by {@code paths}, a bundle standing for its files, as one policy set;
   * a policy file that is not UTF-8 text is an {@code invalid-encoding} diagnostic.
   */
  static ParseResult parse(List<Path> paths) {
    List<Path> files = expand(paths);
    if (files.stream().noneMatch(BundleFiles::isBundle)) {
      return PolicyDsl.loadFiles(files);
    }
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path file : files) {
      if (BundleFiles.isBundle(file)) {
        sources.putAll(BundleFiles.sources(file));
      } else {
        sources.put(file.toString(), read(file));
      }
    }
    return PolicyDsl.parse(sources);
  }

  /**
   * Parses and compiles the files named by {@code paths}; prints every diagnostic to {@code err}
   * and returns empty when there is an error.
   */
  static Optional<CompiledPolicies> compile(List<Path> paths, PrintWriter err) {
    ParseResult result = parse(paths);
    if (!result.diagnostics().isEmpty()) {
      err.print(result.render());
      err.flush();
    }
    return result.policySet().map(PolicyEngine::compile);
  }
}
