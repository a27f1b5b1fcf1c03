package dev.gatehouse.cli;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.text.Utf8;
import dev.gatehouse.dsl.Diagnostic;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    Set<Path> seen = new HashSet<>();
    for (Path path : paths) {
      List<Path> found;
      if (Files.isDirectory(path)) {
        found = list(path);
        if (found.isEmpty()) {
          throw new BadInputException("no `*.policy` file in directory `" + path + "`");
        }
      } else if (Files.isRegularFile(path)) {
        found = List.of(path);
      } else {
        throw new BadInputException("no such file or directory `" + path + "`");
      }
      for (Path file : found) {
        // `check a.policy dir/` where dir/ holds a.policy: one file, read once, counted once.
        if (seen.add(file.toAbsolutePath().normalize())) {
          files.add(file);
        }
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
   * Parses the files named by {@code paths}, a bundle standing for its files, as one policy set; a
   * policy file that is not UTF-8 text is an {@code invalid-encoding} diagnostic.
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
   * Parses and compiles the files named by {@code paths}. When there is an error, prints every
   * diagnostic to {@code err} and returns empty; otherwise adds the warnings to {@code warnings},
   * for {@link #summarize} to mention in one line: commands that decide leave lint to {@code
   * check}.
   */
  static Optional<CompiledPolicies> compile(
      List<Path> paths, PrintWriter err, Set<Diagnostic> warnings) {
    return load(paths, err, warnings).map(PolicyEngine::compile);
  }

  /**
   * As {@link #compile(List, PrintWriter, Set)}, for a command with no {@code --quiet}: the
   * warnings are counted on {@code err} in one line.
   */
  static Optional<CompiledPolicies> compile(List<Path> paths, PrintWriter err) {
    Set<Diagnostic> warnings = new LinkedHashSet<>();
    Optional<CompiledPolicies> compiled = compile(paths, err, warnings);
    summarize(warnings, err);
    return compiled;
  }

  /**
   * As {@link #compile}, but stops at the validated policy set: a command checks its other inputs
   * against the set's schema before it pays for compiling a large set.
   */
  static Optional<PolicySet> load(List<Path> paths, PrintWriter err, Set<Diagnostic> warnings) {
    ParseResult result = parse(paths);
    if (result.hasErrors()) {
      err.print(result.render());
      err.flush();
    }
    warnings.addAll(result.warnings());
    return result.policySet();
  }

  /** Prints one line counting {@code warnings} to {@code err}, unless there are none. */
  static void summarize(Set<Diagnostic> warnings, PrintWriter err) {
    if (!warnings.isEmpty()) {
      err.println(
          "warning: "
              + CheckCommand.plural(warnings.size(), "warning")
              + " in the policies: run `gatehouse check` for details");
      err.flush();
    }
  }
}
