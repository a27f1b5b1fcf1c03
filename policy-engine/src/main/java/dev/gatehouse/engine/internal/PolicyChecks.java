package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Durations;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a restrict or authenticate policy says when it fails, fixed by the policy alone: its reasons
 * and requirements, made once per policy rather than once per decision that does not share.
 *
 * @param denied the reason of a failed restriction or of a block
 * @param sso the reason of an unmet SSO requirement
 * @param ssoRequirement the unmet SSO requirement
 * @param mfa the reason of an unmet MFA requirement
 * @param mfaRequirement the unmet MFA requirement
 */
record PolicyChecks(
    @Nullable Reason denied,
    @Nullable Reason sso,
    @Nullable Requirement ssoRequirement,
    @Nullable Reason mfa,
    @Nullable Requirement mfaRequirement) {

  /** Returns the checks of {@code p}, a restrict or authenticate policy. */
  static PolicyChecks of(Policy p) {
    if (p instanceof RestrictPolicy r) {
      return new PolicyChecks(
          new Reason(
              ReasonCode.NETWORK_NOT_ALLOWED,
              r.id(),
              "the client address is not in an allowed network ("
                  + r.allow().stream().map(Network::toString).collect(Collectors.joining(", "))
                  + ")"),
          null,
          null,
          null,
          null);
    }
    AuthenticatePolicy a = (AuthenticatePolicy) p;
    if (a.block()) {
      return new PolicyChecks(
          new Reason(ReasonCode.BLOCKED, a.id(), "access is blocked by this policy"),
          null,
          null,
          null,
          null);
    }
    boolean mfa = !a.mfa().isEmpty();
    return new PolicyChecks(
        null,
        a.requireSso()
            ? new Reason(ReasonCode.SSO_REQUIRED, a.id(), "requires sign-in through sso")
            : null,
        a.requireSso() ? Requirement.sso(a.id()) : null,
        mfa
            ? new Reason(
                ReasonCode.MFA_REQUIRED,
                a.id(),
                "requires one of "
                    + a.mfa().stream()
                        .map(f -> "`" + f.id() + "`")
                        .collect(Collectors.joining(", "))
                    + " within "
                    + Durations.format(a.within()))
            : null,
        mfa ? Requirement.mfa(a.id(), a.mfa(), a.within()) : null);
  }
}
