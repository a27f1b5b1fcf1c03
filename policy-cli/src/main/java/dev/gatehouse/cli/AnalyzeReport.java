package dev.gatehouse.cli;

import dev.gatehouse.analysis.Finding;
import dev.gatehouse.analysis.PolicyAnalyzer;
import dev.gatehouse.analysis.ProofResult;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.PolicyEngine;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The findings of {@code gatehouse check --analyze}, one line each with its witness requests. */
final class AnalyzeReport {

  private AnalyzeReport() {}

  static void print(PrintWriter out, PolicySet set, int queryMillis, int totalSeconds) {
    if (queryMillis < 0 || totalSeconds < 0) {
      throw new BadInputException("a time budget is not negative");
    }
    List<Finding> findings =
        PolicyAnalyzer.analyze(
            PolicyEngine.compile(set),
            Duration.ofMillis(queryMillis),
            Duration.ofSeconds(totalSeconds));
    long undecided =
        findings.stream().filter(f -> f.verdict() == ProofResult.Verdict.UNDECIDED).count();
    out.println(
        "analysis: "
            + CheckCommand.plural((int) (findings.size() - undecided), "finding")
            + ", "
            + undecided
            + " undecided");
    for (Finding f : findings) {
      out.println(
          f.kind().name().toLowerCase(Locale.ROOT)
              + (f.policies().isEmpty() ? "" : " [" + String.join(", ", f.policies()) + "]")
              + ": "
              + f.message());
      for (AccessRequest w : f.witnesses()) {
        out.println("  witness: " + RequestJson.toJson(w));
      }
    }
    out.flush();
  }
}
