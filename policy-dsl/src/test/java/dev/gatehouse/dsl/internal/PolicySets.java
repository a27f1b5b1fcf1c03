package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.api.policy.SourceRef;

/**
 * Test helper: compares policy sets regardless of where their policies were written, since
 * formatting moves lines and the source of a policy is its position.
 */
public final class PolicySets {

  private PolicySets() {}

  /** Returns the set with every policy's source replaced by {@link SourceRef#NONE}. */
  public static PolicySet withoutSources(PolicySet set) {
    PolicySet.Builder b = PolicySet.builder(set.schema());
    set.networks().values().forEach(b::network);
    set.conditions().forEach(b::condition);
    set.policies().forEach(p -> b.add(withoutSource(p)));
    return b.build();
  }

  private static Policy withoutSource(Policy p) {
    SourceRef none = SourceRef.NONE;
    if (p instanceof AssignPolicy a) {
      return new AssignPolicy(a.id(), a.grants(), a.when(), a.reportOnly(), none);
    } else if (p instanceof RestrictPolicy r) {
      return new RestrictPolicy(r.id(), r.apps(), r.allow(), r.when(), r.reportOnly(), none);
    } else if (p instanceof AuthenticatePolicy a) {
      return new AuthenticatePolicy(
          a.id(),
          a.apps(),
          a.when(),
          a.block(),
          a.requireSso(),
          a.mfa(),
          a.within(),
          a.reportOnly(),
          none,
          a.mfaAsWritten());
    }
    DelegatePolicy d = (DelegatePolicy) p;
    return new DelegatePolicy(d.id(), d.to(), d.actions(), d.on(), d.reportOnly(), none);
  }
}
