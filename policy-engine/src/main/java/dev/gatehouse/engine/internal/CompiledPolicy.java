package dev.gatehouse.engine.internal;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.RestrictPolicy;
import org.jspecify.annotations.Nullable;

/** One policy lowered for evaluation: its compiled condition and precomputed checks. */
final class CompiledPolicy {

  private static final int SSO = 1 << Factor.SSO.ordinal();

  private enum Kind {
    ASSIGN,
    RESTRICT,
    AUTHENTICATE,
    DELEGATE
  }

  private final Kind kind;
  final Node condition;

  /** Whether a true condition grants access (an enforced assign or delegate policy). */
  final boolean enforcedGrant;

  private final int[] allowedNetworks;

  /** The MFA factors, one bit per {@link Factor}, as {@link Frame#factors}. */
  private final int factors;

  private final long withinMillis;
  private final @Nullable DelegateActions actions;

  /** The slot of {@code request.ip} and the networks, which a restrict policy checks. */
  private final int ipSlot;

  private final NetworkTable networks;

  /** How far ahead of the clock an {@code auth.time} still counts as fresh. */
  private final long clockSkewMillis;

  CompiledPolicy(Policy p, Node condition, ConditionCompiler compiler, PolicyTable table) {
    this.condition = condition;
    this.ipSlot = table.ip;
    this.networks = compiler.networks();
    this.clockSkewMillis = table.clockSkewMillis;
    this.kind =
        p instanceof RestrictPolicy
            ? Kind.RESTRICT
            : p instanceof AuthenticatePolicy
                ? Kind.AUTHENTICATE
                : p instanceof DelegatePolicy ? Kind.DELEGATE : Kind.ASSIGN;
    this.enforcedGrant = !p.reportOnly() && (kind == Kind.ASSIGN || kind == Kind.DELEGATE);
    this.allowedNetworks =
        p instanceof RestrictPolicy r ? compiler.networkIds(r.allow()) : new int[0];
    this.factors =
        p instanceof AuthenticatePolicy a
            ? a.mfa().stream().mapToInt(f -> 1 << f.ordinal()).reduce(0, (x, y) -> x | y)
            : 0;
    this.withinMillis = p instanceof AuthenticatePolicy a ? a.within().toMillis() : 0;
    this.actions = p instanceof DelegatePolicy d ? new DelegateActions(d) : null;
  }

  boolean restrictive() {
    return kind == Kind.RESTRICT || kind == Kind.AUTHENTICATE;
  }

  /** Returns the {@link Outcomes} bits of this policy for {@code r}; 0 when it does not apply. */
  int bits(AccessRequest r, Frame f, String action) {
    if (kind == Kind.DELEGATE && !actions.allows(action)) {
      return 0;
    }
    int v = condition.eval(r, f);
    if (kind == Kind.ASSIGN || kind == Kind.DELEGATE) {
      return v == Node.TRUE ? Outcomes.APPLIES : v == Node.UNKNOWN ? Outcomes.UNKNOWN : 0;
    }
    if (v == Node.FALSE) {
      return 0;
    }
    int bits = Outcomes.APPLIES | (v == Node.UNKNOWN ? Outcomes.UNKNOWN : 0);
    if (kind == Kind.RESTRICT) {
      boolean ok =
          r.has(ipSlot)
              && NetworkTable.intersects(f.networks(r, ipSlot, networks), allowedNetworks);
      return ok ? bits | Outcomes.NET_OK : bits;
    }
    if ((f.factors & SSO) != 0) {
      bits |= Outcomes.SSO_OK;
    }
    if ((f.factors & factors) != 0 && Freshness.fresh(f.authAge, withinMillis, clockSkewMillis)) {
      bits |= Outcomes.MFA_OK;
    }
    return bits;
  }
}
