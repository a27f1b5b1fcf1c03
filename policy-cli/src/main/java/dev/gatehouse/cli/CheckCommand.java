package dev.gatehouse.cli;

import dev.gatehouse.dsl.ParseResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse check}: parses and validates policy files, printing every diagnostic. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Parse and validate policy files as one policy set; print every error and warning. A"
            + " directory stands for the *.policy files directly in it.",
    footer = {
      "",
      "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 usage error or unreadable path.",
      "",
      "Example:",
      "  gatehouse check examples/acme.policy"
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "policy files or directories")
  List<Path> paths;

  @Option(
      names = "--analyze",
      description =
          "also prove what is redundant, never applies,"
              + " leaves an app unreachable or reachable without MFA (see docs/analysis.md)")
  boolean analyze;

  @Option(
      names = "--query-budget",
      paramLabel = "MS",
      description = "the solver's time per" + " query, in milliseconds (default: ${DEFAULT-VALUE})")
  int queryBudget = 1000;

  @Option(
      names = "--budget",
      paramLabel = "SECONDS",
      description =
          "the solver's time in all;"
              + " queries left then are reported as undecided (default: ${DEFAULT-VALUE})")
  int budget = 120;

  @Override
  public Integer call() {
    ParseResult result = PolicyFiles.parse(paths);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!result.diagnostics().isEmpty()) {
      err.print(result.render());
      err.flush();
    }
    int policies = result.policySet().map(s -> s.policies().size()).orElse(0);
    if (result.hasErrors()) {
      err.println(
          plural(result.errors().size(), "error")
              + ", "
              + plural(result.warnings().size(), "warning"));
      return ExitCode.FAILED;
    }
    int warnings = result.warnings().size();
    if (policies == 0) {
      // Valid but empty, as a truncated or misnamed file would be: allowed, and never silent.
      err.println("warning: no policies: every request is denied (`not_assigned`)");
      err.flush();
      warnings++;
    }
    out.println(
        "ok: "
            + plural(policies, "policy", "policies")
            + " in "
            + plural(PolicyFiles.expand(paths).size(), "file")
            + ", "
            + plural(warnings, "warning"));
    if (analyze) {
      AnalyzeReport.print(out, result.policySet().orElseThrow(), queryBudget, budget);
    }
    return ExitCode.OK;
  }

  static String plural(int n, String one) {
    return plural(n, one, one + "s");
  }

  static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
