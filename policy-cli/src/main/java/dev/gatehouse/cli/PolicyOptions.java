package dev.gatehouse.cli;

import dev.gatehouse.engine.CompiledPolicies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --policies} option of the commands that evaluate, and the compile it leads to. */
final class PolicyOptions {

  @Option(
      names = {"-p", "--policies"},
      paramLabel = "PATH",
      arity = "1..*",
      required = true,
      description = "policy files or directories")
  List<Path> policies;

  /**
   * Loads and compiles the policies, printing every diagnostic to {@code err}.
   *
   * @return the compiled policies, or empty if they are invalid
   */
  Optional<CompiledPolicies> compile(PrintWriter err) {
    return PolicyFiles.compile(policies, err);
  }
}
