package dev.gatehouse.cli;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.Diagnostic;
import dev.gatehouse.engine.PolicyEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The {@code --policies} and {@code --quiet} options of the commands that decide, and the load. */
final class PolicyOptions {

  @Option(
      names = {"-p", "--policies"},
      paramLabel = "PATH",
      arity = "1..*",
      required = true,
      description = "policy files or directories")
  List<Path> policies;

  @Option(
      names = {"-q", "--quiet"},
      description = "print no line about warnings in the policies (`check` lists them)")
  boolean quiet;

  /**
   * Loads and validates the policies. Prints every diagnostic to {@code err} when they are invalid;
   * when they are valid but have warnings, one line counting them, unless {@code --quiet}. Compile
   * the set with {@link PolicyEngine#compile} once the other inputs are read.
   *
   * @return the policy set, or empty if it is invalid
   */
  Optional<PolicySet> load(PrintWriter err) {
    Set<Diagnostic> warnings = new LinkedHashSet<>();
    Optional<PolicySet> set = PolicyFiles.load(policies, err, warnings);
    if (set.isPresent() && !quiet) {
      PolicyFiles.summarize(warnings, err);
    }
    return set;
  }
}
