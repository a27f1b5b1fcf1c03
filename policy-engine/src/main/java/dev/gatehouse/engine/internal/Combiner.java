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
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The decision semantics, in one place: turns the outcomes of the relevant policies into a {@link
 * Decision}. Shared by the compiled engine and the reference interpreter, so the two can differ
 * only in which policies they find and how they evaluate conditions, never in what those outcomes
 * mean.
 *
 * <p>It runs for every decision that cannot be shared, so what a policy says when it fails is made
 * once per policy ({@link PolicyChecks}), and its working lists are kept with the {@link Outcomes}
 * buffer it reads, which the compiled engine reuses per thread: what it allocates is mostly the
 * decision it returns.
 */
public final class Combiner {

  private static final Comparator<Reason> REASON_ORDER =
      comparing(Reason::code).thenComparing(Reason::policy).thenComparing(Reason::message);

  private static final Comparator<Requirement> REQUIREMENT_ORDER =
      comparing(Requirement::policy).thenComparing(Requirement::kind);

  private static final Comparator<ReportOnlyOutcome> REPORT_ONLY_ORDER =
      comparing(ReportOnlyOutcome::policy);

  private static final Reason NOT_DELEGATED =
      new Reason(
          ReasonCode.NOT_DELEGATED,
          "",
          "no delegate policy allows this action for this administrator on this target");

  private static final int[] NO_SLOTS = {};

  private final PolicyTable table;
  private @Nullable AccessRequest request;
  private final List<Reason> reasons = new ArrayList<>();
  private final List<Requirement> requirements = new ArrayList<>(2);
  private final List<String> roles = new ArrayList<>();
  private final List<String> matched = new ArrayList<>();
  private final List<ReportOnlyOutcome> reportOnly = new ArrayList<>(0);
  private int[] couldNotGrant = new int[4];
  private int couldNotGrantCount;
  private boolean granted;
  private boolean deny;

  private Combiner(PolicyTable table, AccessRequest request) {
    this.table = table;
    this.request = request;
  }

  /** Starts on the next request, keeping the lists' storage. */
  private Combiner restart(AccessRequest request) {
    this.request = request;
    reasons.clear();
    requirements.clear();
    roles.clear();
    matched.clear();
    reportOnly.clear();
    couldNotGrantCount = 0;
    granted = false;
    deny = false;
    return this;
  }

  /** Returns the decision for the outcomes in {@code o}, whose entries must be sorted. */
  public static Decision combine(PolicyTable table, Outcomes o) {
    AccessRequest request = Objects.requireNonNull(o.request);
    if (o.actionMissing) {
      return Decision.deny(new Reason(ReasonCode.MISSING_ATTRIBUTE, "", lacks("request.action")));
    }
    Combiner c = o.combiner;
    if (c == null || c.table != table) {
      c = new Combiner(table, request);
      o.combiner = c;
    } else {
      c.restart(request);
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
        if (couldNotGrantCount == couldNotGrant.length) {
          couldNotGrant = Arrays.copyOf(couldNotGrant, couldNotGrantCount * 2);
        }
        couldNotGrant[couldNotGrantCount++] = index;
      }
    } else if (p.reportOnly()) {
      reportOnly.add(new ReportOnlyOutcome(p.id(), Effect.PERMIT));
    } else {
      granted = true;
      matched.add(p.id());
      if (p instanceof AssignPolicy) {
        table.addRoles(index, app, roles);
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
      reasons.add(table.checks(index).denied());
      missing(index, bits, table.ipSlots);
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
      reasons.add(table.checks(index).denied());
      missing(index, bits, NO_SLOTS);
      return;
    }
    boolean ssoUnmet = a.requireSso() && (bits & Outcomes.SSO_OK) == 0;
    boolean mfaUnmet = !a.mfa().isEmpty() && (bits & Outcomes.MFA_OK) == 0;
    if (a.reportOnly()) {
      reportOnly.add(
          new ReportOnlyOutcome(a.id(), ssoUnmet || mfaUnmet ? Effect.CHALLENGE : Effect.PERMIT));
      return;
    }
    matched.add(a.id());
    PolicyChecks checks = table.checks(index);
    if (ssoUnmet) {
      requirements.add(checks.ssoRequirement());
      reasons.add(checks.sso());
    }
    if (mfaUnmet) {
      requirements.add(checks.mfaRequirement());
      reasons.add(checks.mfa());
      missing(index, bits, table.mfaSlots);
    } else if (ssoUnmet) {
      missing(index, bits, table.ssoSlots);
    }
  }

  /**
   * Adds a reason naming what the request lacks, if the policy's outcome depended on it: the
   * attributes its conditions read if it is unknown, and the slots the semantics reads for it.
   */
  private void missing(int index, int bits, int[] semantic) {
    int[] reads = (bits & Outcomes.UNKNOWN) != 0 ? table.reads(index) : NO_SLOTS;
    String[] names = null;
    int count = 0;
    int most = reads.length + semantic.length;
    for (int slot : reads) {
      if (!request.has(slot)) {
        names = add(names, most, count++, slot);
      }
    }
    for (int slot : semantic) {
      if (!request.has(slot)) {
        names = add(names, most, count++, slot);
      }
    }
    if (count == 0) {
      return;
    }
    Arrays.sort(names, 0, count);
    int distinct = 1;
    for (int i = 1; i < count; i++) {
      if (!names[i].equals(names[distinct - 1])) {
        names[distinct++] = names[i];
      }
    }
    reasons.add(
        new Reason(
            ReasonCode.MISSING_ATTRIBUTE,
            table.policy(index).id(),
            lacks(Arrays.copyOf(names, distinct))));
  }

  private String[] add(String[] names, int most, int at, int slot) {
    String[] n = names == null ? new String[most] : names;
    n[at] = request.schema().attribute(slot).name();
    return n;
  }

  private static String lacks(String... names) {
    int length = 18;
    for (String name : names) {
      length += name.length() + 4;
    }
    StringBuilder sb = new StringBuilder(length).append("the request lacks ");
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
      missingForCouldNotGrant();
    }
    if (o.kind == RequestKind.ADMIN && !granted) {
      deny = true;
      reasons.add(NOT_DELEGATED);
      missingForCouldNotGrant();
    }
    Effect effect = deny ? Effect.DENY : requirements.isEmpty() ? Effect.PERMIT : Effect.CHALLENGE;
    reasons.sort(REASON_ORDER);
    requirements.sort(REQUIREMENT_ORDER);
    reportOnly.sort(REPORT_ONLY_ORDER);
    Decision d =
        new Decision(
            effect,
            reasons,
            requirements,
            effect == Effect.DENY ? List.of() : sortedDistinct(roles),
            sortedDistinct(matched),
            reportOnly);
    // The lists are kept for the next request; the request is not.
    request = null;
    return d;
  }

  private void missingForCouldNotGrant() {
    for (int i = 0; i < couldNotGrantCount; i++) {
      missing(couldNotGrant[i], Outcomes.UNKNOWN, NO_SLOTS);
    }
  }

  /** Sorts {@code list} in place and drops repeats; the decision copies it. */
  private static List<String> sortedDistinct(List<String> list) {
    list.sort(null);
    for (int i = list.size() - 1; i > 0; i--) {
      if (list.get(i).equals(list.get(i - 1))) {
        list.remove(i);
      }
    }
    return list;
  }
}
