package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.policy.PolicySet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What parsing policy text gives: the policy set when there was no error, and every diagnostic
 * (errors and warnings), sorted by source and position.
 */
public final class ParseResult {

  private final @Nullable PolicySet policySet;
  private final List<Diagnostic> diagnostics;

  /**
   * Creates a result.
   *
   * @param policySet the policy set, or null when there are errors
   * @param diagnostics every diagnostic, in order
   * @throws IllegalArgumentException if there is a policy set and an error, or neither
   */
  public ParseResult(@Nullable PolicySet policySet, List<Diagnostic> diagnostics) {
    this.policySet = policySet;
    this.diagnostics = List.copyOf(requireNonNull(diagnostics, "diagnostics"));
    boolean errors = this.diagnostics.stream().anyMatch(Diagnostic::isError);
    if (errors == (policySet != null)) {
      throw new IllegalArgumentException("a result has a policy set exactly when it has no error");
    }
  }

  /** {@return the policy set, or empty if the text has errors} */
  public Optional<PolicySet> policySet() {
    return Optional.ofNullable(policySet);
  }

  /** {@return every diagnostic, errors and warnings, sorted by source and position} */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** {@return the errors only} */
  public List<Diagnostic> errors() {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .collect(Collectors.toUnmodifiableList());
  }

  /** {@return the warnings only} */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).collect(Collectors.toUnmodifiableList());
  }

  /** {@return whether the text has at least one error} */
  public boolean hasErrors() {
    return policySet == null;
  }

  /**
   * {@return the policy set}
   *
   * @throws PolicySyntaxException carrying every diagnostic if the text has errors
   */
  public PolicySet orThrow() {
    if (policySet == null) {
      throw new PolicySyntaxException(diagnostics);
    }
    return policySet;
  }

  /** {@return every diagnostic rendered, each followed by a newline, with a blank line between} */
  public String render() {
    return render(diagnostics);
  }

  static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.render() + "\n").collect(Collectors.joining("\n"));
  }

  @Override
  public String toString() {
    return "ParseResult{"
        + (policySet == null ? "no policy set" : policySet)
        + ", "
        + diagnostics.size()
        + " diagnostics}";
  }
}
