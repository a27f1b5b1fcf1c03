package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The static facts about a policy set that both evaluators share: a dense index per policy, the
 * apps and their indexes, the roles each assign policy grants per app, and the well-known slots.
 * Immutable once built.
 */
public final class PolicyTable {

  private final PolicySet set;
  private final Policy[] policies;
  private final StringIntsMap appIndex;
  private final List<String> apps;

  /** For each policy, the slots of every attribute its conditions read, sorted. */
  private final int[][] reads;

  /**
   * For each restrict or authenticate policy, its reasons and requirements, made on first use.
   * Filled racily: each entry is immutable and published through final fields.
   */
  private final @Nullable PolicyChecks[] checks;

  /** Slots of the attributes the semantics itself reads. */
  public final int app;

  /** Slot of {@code request.action}. */
  public final int action;

  /** Slot of {@code request.ip}. */
  public final int ip;

  /** Slot of {@code request.time}. */
  public final int time;

  /** Slot of {@code auth.methods}. */
  public final int methods;

  /** Slot of {@code auth.time}. */
  public final int authTime;

  /**
   * What the semantics reads, and a decision names when missing: for a restriction the address, for
   * unmet MFA the factors and both times, for unmet SSO the factors.
   */
  final int[] ipSlots;

  final int[] mfaSlots;
  final int[] ssoSlots;

  /** Every attribute a condition reads, and those the semantics reads itself, in slot order. */
  private final List<Attribute> attributesRead;

  /** How far in the future an {@code auth.time} may lie and still count as fresh by default. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);

  /** How far after {@code request.time} an {@code auth.time} may lie and still be fresh. */
  public final long clockSkewMillis;

  /** Builds the table of {@code set} with the {@link #DEFAULT_CLOCK_SKEW}. */
  public PolicyTable(PolicySet set) {
    this(set, DEFAULT_CLOCK_SKEW);
  }

  /**
   * Builds the table of {@code set} allowing {@code clockSkew}.
   *
   * @throws IllegalArgumentException if {@code clockSkew} is negative or beyond a long of
   *     milliseconds
   */
  public PolicyTable(PolicySet set, Duration clockSkew) {
    this.clockSkewMillis = skewMillis(clockSkew);
    this.set = set;
    this.policies = set.policies().toArray(new Policy[0]);
    TreeSet<String> appNames = new TreeSet<>();
    for (Policy p : policies) {
      appNames.addAll(appsOf(p));
    }
    this.apps = List.copyOf(appNames);
    Map<String, int[]> indexes = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      indexes.put(apps.get(i), new int[] {i});
    }
    this.appIndex = new StringIntsMap(indexes);
    Schema schema = set.schema();
    this.reads = new int[policies.length][];
    this.checks = new PolicyChecks[policies.length];
    for (int i = 0; i < policies.length; i++) {
      reads[i] = Attributes.readBy(schema, policies[i]);
    }
    this.app = schema.slot("app");
    this.action = schema.slot("request.action");
    this.ip = schema.slot("request.ip");
    this.time = schema.slot("request.time");
    this.methods = schema.slot("auth.methods");
    this.authTime = schema.slot("auth.time");
    this.ipSlots = new int[] {ip};
    this.mfaSlots = new int[] {methods, authTime, time};
    this.ssoSlots = new int[] {methods};
    BitSet read = new BitSet(schema.size());
    for (int[] slots : reads) {
      for (int slot : slots) {
        read.set(slot);
      }
    }
    for (int slot : new int[] {app, action, ip, time, methods, authTime}) {
      read.set(slot);
    }
    this.attributesRead = read.stream().mapToObj(schema::attribute).toList();
  }

  private static long skewMillis(Duration clockSkew) {
    java.util.Objects.requireNonNull(clockSkew, "clockSkew");
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("clock skew " + clockSkew + " is negative");
    }
    try {
      return clockSkew.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "clock skew " + clockSkew + " does not fit in" + " milliseconds", e);
    }
  }

  /**
   * Returns the apps a policy is about: those an assignment grants, or those a restriction or
   * authentication policy is limited to (none: it covers every request).
   */
  static Set<String> appsOf(Policy p) {
    Set<String> apps = new TreeSet<>();
    if (p instanceof AssignPolicy a) {
      a.grants().forEach(g -> apps.add(g.app()));
    } else if (p instanceof RestrictPolicy r) {
      apps.addAll(r.apps());
    } else if (p instanceof AuthenticatePolicy a) {
      apps.addAll(a.apps());
    }
    return apps;
  }

  /** Returns the policy set. */
  public PolicySet set() {
    return set;
  }

  /** Returns the number of policies. */
  public int size() {
    return policies.length;
  }

  /** Returns the policy at {@code index}. */
  public Policy policy(int index) {
    return policies[index];
  }

  /**
   * Returns the attributes whose values can change a decision or an entitlement: those the
   * conditions of any policy read (report-only ones too) and those the semantics reads itself.
   */
  public List<Attribute> attributesRead() {
    return attributesRead;
  }

  /** Returns the slots read by the conditions of the policy at {@code index}, sorted. */
  public int[] reads(int index) {
    return reads[index];
  }

  /** Returns the index of {@code app}, or -1 if no policy names it. */
  public int appIndex(String app) {
    int[] i = appIndex.get(app);
    return i == null ? -1 : i[0];
  }

  /** Returns every app some policy names, sorted; indexes follow this order. */
  public List<String> apps() {
    return apps;
  }

  /** Adds the roles that assign policy {@code index} grants in {@code app} to {@code roles}. */
  void addRoles(int index, String app, List<String> roles) {
    for (Grant g : ((AssignPolicy) policies[index]).grants()) {
      if (g.app().equals(app)) {
        roles.add(g.role());
      }
    }
  }

  /** Returns the reasons and requirements of restrict or authenticate policy {@code index}. */
  PolicyChecks checks(int index) {
    PolicyChecks c = checks[index];
    if (c == null) {
      c = PolicyChecks.of(policies[index]);
      checks[index] = c;
    }
    return c;
  }

  /** Returns whether policy {@code index} is relevant to a request of the given kind and app. */
  public boolean relevant(int index, RequestKind kind, @Nullable String app) {
    Policy p = policies[index];
    boolean access = kind == RequestKind.ACCESS && app != null;
    if (p instanceof AssignPolicy a) {
      return access && a.grants().stream().anyMatch(g -> g.app().equals(app));
    } else if (p instanceof RestrictPolicy r) {
      return r.apps().isEmpty() || (access && r.apps().contains(app));
    } else if (p instanceof AuthenticatePolicy a) {
      return a.apps().isEmpty() || (access && a.apps().contains(app));
    }
    return kind == RequestKind.ADMIN;
  }

  /** Returns whether delegate policy {@code index} lists {@code action}. */
  public boolean delegates(int index, String action) {
    return ((DelegatePolicy) policies[index]).allows(action);
  }
}
