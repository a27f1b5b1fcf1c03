package dev.gatehouse.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows why the policies did not load, diagnostics first, when the application fails to start. */
final class PolicyLoadFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoadException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PolicyLoadException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the policy files named by `gatehouse.policies`; `gatehouse check` shows the same"
            + " diagnostics.",
        cause);
  }
}
