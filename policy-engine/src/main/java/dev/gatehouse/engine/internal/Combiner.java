package dev.gatehouse.engine.internal;

import static java.util.Comparator.comparing;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The decision semantics, in one place: turns the outcomes of the relevant policies into a {@link
 * Decision}. Shared by the compiled engine and the reference interpreter, so the two can differ
 * only in which policies they find and how they evaluate conditions, never in what those outcomes
 * mean.
 */
public final class Combiner {

  private final PolicyTable table;
  private final AccessRequest request;
  private final List<Reason> reasons = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private final TreeSet<String> roles = new TreeSet<>();
  private final TreeSet<String> matched = new TreeSet<>();
  private final List<ReportOnlyOutcome> reportOnly = new ArrayList<>();
  private final List<Integer> couldNotGrant = new ArrayList<>();
  private boolean granted;
  private boolean deny;

  private Combiner(PolicyTable table, AccessRequest request) {
    this.table = table;
    this.request = request;
  }

  /** Returns the decision for the outcomes in {@code o}, whose entries must be sorted. */
  public static Decision combine(PolicyTable table, Outcomes o) {
    AccessRequest request = Objects.requireNonNull(o.request);
    Combiner c = new Combiner(table, request);
    if (o.actionMissing) {
      return Decision.deny(new Reason(ReasonCode.MISSING_ATTRIBUTE, "", lacks("request.action")));
    }
    if (o.kind == RequestKind.ACCESS && o.app == null) {
      c.deny = true;
      c.reasons.add(new Reason(ReasonCode.MISSING_ATTRIBUTE, "", lacks("app")));
    }
    for (int i = 0; i < o.count; i++) {
      c.apply(o.entries[i] >>> 8, o.entries[i] & 0xff, o.app);
    }
    return c.finish(o);
  }

  private void apply(int index, int bits, String app) {
    Policy p = table.policy(index);
    if (p instanceof AssignPolicy || p instanceof DelegatePolicy) {
      grant(index, p, bits, app);
    } else if (p instanceof RestrictPolicy r) {
      restrict(index, r, bits);
    } else {
      authenticate(index, (AuthenticatePolicy) p, bits);
    }
  }

  private void grant(int index, Policy p, int bits, String app) {
    if ((bits & Outcomes.APPLIES) == 0) {
      if (!p.reportOnly()) {
        couldNotGrant.add(index);
      }
    } else if (p.reportOnly()) {
      reportOnly.add(new ReportOnlyOutcome(p.id(), Effect.PERMIT));
    } else {
      granted = true;
      matched.add(p.id());
      if (p instanceof AssignPolicy) {
        roles.addAll(table.roles(index, app));
      }
    }
  }

  private void restrict(int index, RestrictPolicy r, int bits) {
    boolean ok = (bits & Outcomes.NET_OK) != 0;
    if (r.reportOnly()) {
      reportOnly.add(new ReportOnlyOutcome(r.id(), ok ? Effect.PERMIT : Effect.DENY));
      return;
    }
    matched.add(r.id());
    if (!ok) {
      deny = true;
      reasons.add(
          new Reason(
              ReasonCode.NETWORK_NOT_ALLOWED,
              r.id(),
              "the client address is not in an allowed network ("
                  + r.allow().stream().map(Network::toString).collect(Collectors.joining(", "))
                  + ")"));
      missing(index, bits, table.ip);
    }
  }

  private void authenticate(int index, AuthenticatePolicy a, int bits) {
    if (a.block()) {
      if (a.reportOnly()) {
        reportOnly.add(new ReportOnlyOutcome(a.id(), Effect.DENY));
        return;
      }
      matched.add(a.id());
      deny = true;
      reasons.add(new Reason(ReasonCode.BLOCKED, a.id(), "access is blocked by this policy"));
      missing(index, bits);
      return;
    }
    List<Requirement> unmet = new ArrayList<>(2);
    if (a.requireSso() && (bits & Outcomes.SSO_OK) == 0) {
      unmet.add(Requirement.sso(a.id()));
    }
    if (!a.mfa().isEmpty() && (bits & Outcomes.MFA_OK) == 0) {
      unmet.add(Requirement.mfa(a.id(), a.mfa(), a.within()));
    }
    if (a.reportOnly()) {
      reportOnly.add(
          new ReportOnlyOutcome(a.id(), unmet.isEmpty() ? Effect.PERMIT : Effect.CHALLENGE));
      return;
    }
    matched.add(a.id());
    for (Requirement r : unmet) {
      requirements.add(r);
      reasons.add(
          r.kind() == Requirement.Kind.SSO
              ? new Reason(ReasonCode.SSO_REQUIRED, a.id(), "requires sign-in through sso")
              : new Reason(
                  ReasonCode.MFA_REQUIRED,
                  a.id(),
                  "requires one of "
                      + a.mfa().stream()
                          .map(f -> "`" + f.id() + "`")
                          .collect(Collectors.joining(", "))
                      + " within "
                      + dev.gatehouse.api.policy.Durations.format(a.within())));
    }
    if (!unmet.isEmpty()) {
      boolean mfaUnmet = unmet.get(unmet.size() - 1).kind() == Requirement.Kind.MFA;
      missing(
          index,
          bits,
          mfaUnmet
              ? new int[] {table.methods, table.authTime, table.time}
              : new int[] {table.methods});
    }
  }

  /** Adds a reason naming what the request lacks, if the policy's outcome depended on it. */
  private void missing(int index, int bits, int... semanticSlots) {
    TreeSet<String> names = new TreeSet<>();
    if ((bits & Outcomes.UNKNOWN) != 0) {
      for (int slot : table.reads(index)) {
        addIfMissing(names, slot);
      }
    }
    for (int slot : semanticSlots) {
      addIfMissing(names, slot);
    }
    if (!names.isEmpty()) {
      reasons.add(
          new Reason(
              ReasonCode.MISSING_ATTRIBUTE,
              table.policy(index).id(),
              lacks(names.toArray(new String[0]))));
    }
  }

  private void addIfMissing(TreeSet<String> names, int slot) {
    if (!request.has(slot)) {
      names.add(request.schema().attribute(slot).name());
    }
  }

  private static String lacks(String... names) {
    StringBuilder sb = new StringBuilder("the request lacks ");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append('`').append(names[i]).append('`');
    }
    return sb.toString();
  }

  private Decision finish(Outcomes o) {
    if (o.kind == RequestKind.ACCESS && o.app != null && !granted) {
      deny = true;
      reasons.add(
          new Reason(
              ReasonCode.NOT_ASSIGNED,
              "",
              "no assign policy gives this user the app `" + o.app + "`"));
      couldNotGrant.forEach(i -> missing(i, Outcomes.UNKNOWN));
    }
    if (o.kind == RequestKind.ADMIN && !granted) {
      deny = true;
      reasons.add(
          new Reason(
              ReasonCode.NOT_DELEGATED,
              "",
              "no delegate policy allows this action for this administrator on this target"));
      couldNotGrant.forEach(i -> missing(i, Outcomes.UNKNOWN));
    }
    Effect effect = deny ? Effect.DENY : requirements.isEmpty() ? Effect.PERMIT : Effect.CHALLENGE;
    reasons.sort(
        comparing(Reason::code).thenComparing(Reason::policy).thenComparing(Reason::message));
    requirements.sort(comparing(Requirement::policy).thenComparing(Requirement::kind));
    reportOnly.sort(comparing(ReportOnlyOutcome::policy));
    return new Decision(
        effect,
        reasons,
        requirements,
        effect == Effect.DENY ? List.of() : List.copyOf(roles),
        List.copyOf(matched),
        reportOnly);
  }
}
