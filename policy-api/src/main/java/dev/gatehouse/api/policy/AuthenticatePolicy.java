package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Factor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Risk-based authentication: when {@code when} is not false, a request to one of {@code apps}
 * (every request, when empty) is blocked, or must carry SSO and/or one of the MFA factors satisfied
 * within {@code within}.
 *
 * <pre>{@code
 * AuthenticatePolicy strong = AuthenticatePolicy.builder("admins-strong")
 *     .when(Condition.contains("user.roles", "sysadmin"))
 *     .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP)
 *     .build();
 * }</pre>
 *
 * @param id the policy id
 * @param apps the apps covered, sorted; empty to cover every request
 * @param when the condition under which the policy applies
 * @param block whether a request it applies to is denied outright
 * @param requireSso whether access must have come through single sign-on
 * @param mfa the factors any one of which satisfies the MFA requirement, sorted; empty for none
 * @param within how recently an MFA factor must have been satisfied; zero without MFA
 * @param reportOnly whether the policy is only recorded, never enforced
 * @param source where the policy was written
 * @param mfaAsWritten the same factors in the order the policy lists them, for display only: it is
 *     no part of {@link #equals} or {@link #hashCode}, so two policies listing the same factors in
 *     another order are equal and decide alike
 */
public record AuthenticatePolicy(
    String id,
    List<String> apps,
    Condition when,
    boolean block,
    boolean requireSso,
    List<Factor> mfa,
    Duration within,
    boolean reportOnly,
    SourceRef source,
    List<Factor> mfaAsWritten)
    implements Policy {

  /**
   * Checks the components and copies the lists.
   *
   * @param id the policy id
   * @param apps the apps covered
   * @param when the condition
   * @param block whether the policy denies the requests it applies to
   * @param requireSso whether access must have come through single sign-on
   * @param mfa the MFA factors
   * @param within how recently a factor must have been satisfied
   * @param reportOnly whether the policy is only recorded, never enforced
   * @param source where the policy was written
   * @param mfaAsWritten the MFA factors in the order written, duplicates dropped
   * @throws IllegalArgumentException if {@code mfaAsWritten} holds other factors than {@code mfa}
   */
  public AuthenticatePolicy {
    Policy.checkId(id);
    apps = List.copyOf(new TreeSet<>(apps));
    requireNonNull(when, "when");
    mfaAsWritten = List.copyOf(new LinkedHashSet<>(mfaAsWritten));
    mfa = List.copyOf(new TreeSet<>(mfa));
    if (!new TreeSet<>(mfaAsWritten).equals(new TreeSet<>(mfa))) {
      throw new IllegalArgumentException(
          "authenticate `"
              + id
              + "`: the factors as written "
              + mfaAsWritten
              + " are not the factors "
              + mfa);
    }
    requireNonNull(within, "within");
    requireNonNull(source, "source");
    if (block == (requireSso || !mfa.isEmpty())) {
      throw new IllegalArgumentException(
          "authenticate `" + id + "` must either block or require sso or mfa, not both or neither");
    }
    if (within.isNegative() || mfa.isEmpty() != within.isZero()) {
      throw new IllegalArgumentException(
          "authenticate `" + id + "` needs a positive `within` exactly when it requires mfa");
    }
  }

  /**
   * Creates a policy whose factors are displayed in the order {@code mfa} lists them.
   *
   * @param id the policy id
   * @param apps the apps covered
   * @param when the condition
   * @param block whether the policy denies the requests it applies to
   * @param requireSso whether access must have come through single sign-on
   * @param mfa the MFA factors
   * @param within how recently a factor must have been satisfied
   * @param reportOnly whether the policy is only recorded, never enforced
   * @param source where the policy was written
   */
  public AuthenticatePolicy(
      String id,
      List<String> apps,
      Condition when,
      boolean block,
      boolean requireSso,
      List<Factor> mfa,
      Duration within,
      boolean reportOnly,
      SourceRef source) {
    this(id, apps, when, block, requireSso, mfa, within, reportOnly, source, mfa);
  }

  /**
   * Compares every component but {@link #mfaAsWritten}: the order factors are written in does not
   * change what the policy decides.
   *
   * @param other the object to compare with
   * @return whether {@code other} is an equal policy
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof AuthenticatePolicy a
        && id.equals(a.id)
        && apps.equals(a.apps)
        && when.equals(a.when)
        && block == a.block
        && requireSso == a.requireSso
        && mfa.equals(a.mfa)
        && within.equals(a.within)
        && reportOnly == a.reportOnly
        && source.equals(a.source);
  }

  /**
   * Returns a hash of every component but {@link #mfaAsWritten}, as {@link #equals} compares.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, apps, when, block, requireSso, mfa, within, reportOnly, source);
  }

  /**
   * {@return a builder for a policy with the given id}
   *
   * @param id the policy id
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  @Override
  public String kind() {
    return "authenticate";
  }

  @Override
  public List<Condition> conditions() {
    return List.of(when);
  }

  /**
   * {@return whether the policy covers a request to {@code app}; empty means sign-in}
   *
   * @param app the app id
   */
  public boolean covers(String app) {
    return apps.isEmpty() || apps.contains(app);
  }

  /** Builds an {@link AuthenticatePolicy}; reusable after {@link #build()}. */
  public static final class Builder extends PolicyBuilder.Conditional<Builder> {
    private final List<String> apps = new ArrayList<>();
    private boolean block;
    private boolean requireSso;
    private final List<Factor> mfa = new ArrayList<>();
    private Duration within = Duration.ZERO;

    private Builder(String id) {
      super(id);
    }

    /**
     * Limits the policy to these apps.
     *
     * @param apps the apps covered
     * @return this builder
     */
    public Builder apps(String... apps) {
      this.apps.addAll(Arrays.asList(apps));
      return this;
    }

    /**
     * Makes the policy deny the requests it applies to.
     *
     * @return this builder
     */
    public Builder block() {
      this.block = true;
      return this;
    }

    /**
     * Requires that access came through single sign-on.
     *
     * @return this builder
     */
    public Builder requireSso() {
      this.requireSso = true;
      return this;
    }

    /**
     * Requires one of {@code factors}, satisfied no longer than {@code within} ago.
     *
     * @param within how recently a factor must have been satisfied
     * @param factors the factors, any one of which satisfies the requirement
     * @return this builder
     * @throws IllegalArgumentException if {@code within} is not positive or no factor is given
     */
    public Builder requireMfa(Duration within, Factor... factors) {
      requireNonNull(within, "within");
      if (within.isNegative() || within.isZero() || factors.length == 0) {
        throw new IllegalArgumentException(
            "require mfa needs at least one factor and a positive duration, got "
                + Arrays.toString(factors)
                + " within "
                + within);
      }
      this.mfa.addAll(Arrays.asList(factors));
      this.within = within;
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalArgumentException if it neither blocks nor requires anything, or does both
     */
    public AuthenticatePolicy build() {
      return new AuthenticatePolicy(
          id, apps, when, block, requireSso, mfa, within, reportOnly, source, mfa);
    }
  }
}
