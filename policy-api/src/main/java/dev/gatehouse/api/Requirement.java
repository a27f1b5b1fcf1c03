package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An unmet authentication requirement of a {@code CHALLENGE}: sign in through SSO, or satisfy one
 * of the listed factors within the given time.
 *
 * @param policy the id of the {@code authenticate} policy that requires it
 * @param kind whether single sign-on or MFA is required
 * @param factors for MFA, the factors any one of which satisfies it; empty for SSO
 * @param within for MFA, how recent the factor must be; {@link Duration#ZERO} for SSO
 */
public record Requirement(String policy, Kind kind, List<Factor> factors, Duration within) {

  /** What is required. */
  public enum Kind {
    /** One of the factors, satisfied within the duration. */
    MFA,
    /** Access through the single sign-on identity provider. */
    SSO
  }

  /**
   * Checks the components and copies the list.
   *
   * @param policy the id of the requiring policy
   * @param kind whether single sign-on or MFA is required
   * @param factors the factors, any one of which satisfies the requirement
   * @param within how recently a factor must have been satisfied
   */
  public Requirement {
    requireNonNull(policy, "policy");
    requireNonNull(kind, "kind");
    factors = List.copyOf(factors);
    requireNonNull(within, "within");
    if (kind == Kind.MFA && factors.isEmpty()) {
      throw new IllegalArgumentException("an MFA requirement of `" + policy + "` lists no factor");
    }
  }

  /**
   * {@return an MFA requirement}
   *
   * @param policy the id of the requiring policy
   * @param factors the factors, any one of which satisfies the requirement
   * @param within how recently a factor must have been satisfied
   */
  public static Requirement mfa(String policy, List<Factor> factors, Duration within) {
    return new Requirement(policy, Kind.MFA, factors, within);
  }

  /**
   * {@return an SSO requirement}
   *
   * @param policy the id of the requiring policy
   */
  public static Requirement sso(String policy) {
    return new Requirement(policy, Kind.SSO, List.of(), Duration.ZERO);
  }

  @Override
  public String toString() {
    if (kind == Kind.SSO) {
      return "sso [" + policy + "]";
    }
    return "mfa "
        + factors.stream().map(Factor::id).collect(Collectors.joining(", ", "[", "]"))
        + " within "
        + dev.gatehouse.api.policy.Durations.format(within)
        + " ["
        + policy
        + "]";
  }
}
