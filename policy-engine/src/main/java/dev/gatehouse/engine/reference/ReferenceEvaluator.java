package dev.gatehouse.engine.reference;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.internal.Combiner;
import dev.gatehouse.engine.internal.Entitlements;
import dev.gatehouse.engine.internal.Freshness;
import dev.gatehouse.engine.internal.Outcomes;
import dev.gatehouse.engine.internal.PolicyTable;
import dev.gatehouse.engine.internal.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plain interpreter: walks every policy in turn and evaluates its conditions directly. It is
 * the oracle the compiled engine is tested against, the baseline of the benchmarks, and the source
 * of explanations. Thread-safe; linear in the number of policies.
 */
public final class ReferenceEvaluator {

  private final PolicyTable table;

  /**
   * Creates an interpreter of {@code set} that allows the default clock skew, {@link
   * PolicyTable#DEFAULT_CLOCK_SKEW}.
   *
   * @param set the policy set
   */
  public ReferenceEvaluator(PolicySet set) {
    this(set, PolicyTable.DEFAULT_CLOCK_SKEW);
  }

  /**
   * Creates an interpreter of {@code set} that counts an {@code auth.time} up to {@code clockSkew}
   * after {@code request.time} as fresh.
   *
   * @param set the policy set
   * @param clockSkew how far in the future an authentication may lie and still count
   * @throws IllegalArgumentException if {@code clockSkew} is negative or does not fit in
   *     milliseconds
   */
  public ReferenceEvaluator(PolicySet set, java.time.Duration clockSkew) {
    this.table = new PolicyTable(requireNonNull(set, "set"), clockSkew);
  }

  /**
   * Returns the policy set interpreted.
   *
   * @return the policy set
   */
  public PolicySet policySet() {
    return table.set();
  }

  /**
   * Returns the decision for {@code request}, with the semantics of the compiled engine.
   *
   * @param request the request
   * @return the decision
   */
  public Decision evaluate(AccessRequest request) {
    requireNonNull(request, "request");
    if (!request.schema().equals(table.set().schema())) {
      return Decision.deny(
          new Reason(
              ReasonCode.INTERNAL_ERROR,
              "",
              "the request was built against another schema than the policies"));
    }
    Outcomes o = new Outcomes();
    if (!request.has(table.action)) {
      o.resetMissingAction(request);
      return Combiner.combine(table, o);
    }
    String action = request.string(table.action);
    RequestKind kind = RequestKind.of(action);
    String app =
        kind == RequestKind.ACCESS && request.has(table.app) ? request.string(table.app) : null;
    o.reset(request, kind, app, app == null ? -1 : table.appIndex(app));
    for (int i = 0; i < table.size(); i++) {
      if (table.relevant(i, kind, app)) {
        int bits = bits(table.policy(i), request, action);
        if (bits != 0) {
          o.add(i, bits);
        }
      }
    }
    return Combiner.combine(table, o);
  }

  /**
   * Returns the policies whose conditions {@link #evaluate} reads to decide {@code request}, in the
   * set's order: those relevant to its kind and app, and the delegations that list its action.
   * Coverage tools ask this rather than guess which policies a request concerns.
   *
   * @param request the request
   * @return the policies considered; empty when the request lacks its action or was built against
   *     another schema, since then no condition is read
   */
  public List<Policy> considered(AccessRequest request) {
    requireNonNull(request, "request");
    if (!request.schema().equals(table.set().schema()) || !request.has(table.action)) {
      return List.of();
    }
    String action = request.string(table.action);
    RequestKind kind = RequestKind.of(action);
    String app =
        kind == RequestKind.ACCESS && request.has(table.app) ? request.string(table.app) : null;
    List<Policy> considered = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      Policy p = table.policy(i);
      if (table.relevant(i, kind, app) && (!(p instanceof DelegatePolicy d) || d.allows(action))) {
        considered.add(p);
      }
    }
    return considered;
  }

  /**
   * Returns the three-valued truth of {@code condition}, a policy's condition or any part of one,
   * for {@code request}: unknown when it depends on a missing attribute (DESIGN §4).
   *
   * @param condition the condition, validated against the request's schema
   * @param request the request
   * @return its value
   * @throws IllegalArgumentException if the condition reads an attribute the schema lacks
   */
  public static Tri condition(Condition condition, AccessRequest request) {
    requireNonNull(condition, "condition");
    requireNonNull(request, "request");
    return ConditionInterpreter.eval(condition, request);
  }

  /** Returns how a policy relevant to the request came out, as {@link Outcomes} bits; 0 if not. */
  private int bits(Policy p, AccessRequest r, String action) {
    if (p instanceof AssignPolicy a) {
      return grantBits(ConditionInterpreter.eval(a.when(), r));
    } else if (p instanceof DelegatePolicy d) {
      if (!d.allows(action)) {
        return 0;
      }
      return grantBits(
          ConditionInterpreter.eval(d.to(), r).and(ConditionInterpreter.eval(d.on(), r)));
    } else if (p instanceof RestrictPolicy rp) {
      Tri t = ConditionInterpreter.eval(rp.when(), r);
      if (t == Tri.FALSE) {
        return 0;
      }
      return restrictiveBits(t) | (allows(rp, r) ? Outcomes.NET_OK : 0);
    }
    AuthenticatePolicy a = (AuthenticatePolicy) p;
    Tri t = ConditionInterpreter.eval(a.when(), r);
    if (t == Tri.FALSE) {
      return 0;
    }
    return restrictiveBits(t)
        | (hasSso(r) ? Outcomes.SSO_OK : 0)
        | (mfaSatisfied(a, r) ? Outcomes.MFA_OK : 0);
  }

  private static int grantBits(Tri t) {
    return t == Tri.TRUE ? Outcomes.APPLIES : t == Tri.UNKNOWN ? Outcomes.UNKNOWN : 0;
  }

  private static int restrictiveBits(Tri t) {
    return Outcomes.APPLIES | (t == Tri.UNKNOWN ? Outcomes.UNKNOWN : 0);
  }

  /** Whether the client address of {@code r} is in a network {@code p} allows: for explain. */
  boolean networkAllowed(RestrictPolicy p, AccessRequest r) {
    return allows(p, r);
  }

  /** Whether {@code r} satisfies {@code a}'s MFA requirement: for explain. */
  boolean mfaMet(AuthenticatePolicy a, AccessRequest r) {
    return mfaSatisfied(a, r);
  }

  /** Whether {@code r} came through single sign-on: for explain. */
  boolean ssoMet(AccessRequest r) {
    return hasSso(r);
  }

  private boolean allows(RestrictPolicy p, AccessRequest r) {
    if (!r.has(table.ip)) {
      return false;
    }
    IpAddress ip = r.ip(table.ip);
    for (Network n : p.allow()) {
      for (IpNetwork block : n.blocks()) {
        if (block.contains(ip)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean hasSso(AccessRequest r) {
    return r.has(table.methods) && r.set(table.methods).contains(Factor.SSO.id());
  }

  private boolean mfaSatisfied(AuthenticatePolicy a, AccessRequest r) {
    if (a.mfa().isEmpty()
        || !r.has(table.methods)
        || !r.has(table.authTime)
        || !r.has(table.time)) {
      return false;
    }
    boolean factor = a.mfa().stream().anyMatch(f -> r.set(table.methods).contains(f.id()));
    long age = Freshness.age(r.number(table.time), r.number(table.authTime));
    return factor && Freshness.fresh(age, a.within().toMillis(), table.clockSkewMillis);
  }

  /**
   * Returns every app and role the subject of {@code request} gets, with the enforced {@code
   * assign} policies that grant each, sorted by app and role.
   *
   * @param request a request holding the user's attributes
   * @return the entitlements
   */
  public Set<Entitlement> entitlements(AccessRequest request) {
    requireNonNull(request, "request");
    List<Integer> granting = new ArrayList<>();
    for (int i = 0; i < table.size(); i++) {
      if (table.policy(i) instanceof AssignPolicy a
          && !a.reportOnly()
          && ConditionInterpreter.eval(a.when(), request) == Tri.TRUE) {
        granting.add(i);
      }
    }
    return Entitlements.of(table, granting);
  }
}
