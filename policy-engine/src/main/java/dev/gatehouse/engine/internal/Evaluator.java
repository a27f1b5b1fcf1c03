package dev.gatehouse.engine.internal;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Schema;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The compiled decision structure: per-app and global candidate indexes, compiled conditions, the
 * network table and the cache of shared decisions. Immutable apart from that cache and per-thread
 * scratch frames; safe for any number of threads.
 */
public final class Evaluator {

  private static final Decision WRONG_SCHEMA =
      Decision.deny(
          new Reason(
              ReasonCode.INTERNAL_ERROR,
              "",
              "the request was built against another schema than the policies"));

  private final PolicyTable table;
  private final Schema schema;
  private final NetworkTable networks;
  private final CompiledPolicy[] policies;
  private final @Nullable Scope[] appScopes;
  private final Scope global;

  /** Whether every app scope also holds the tenant-wide policies of {@link #global}. */
  private final boolean globalInApps;

  private final Scope delegates;
  private final Scope assignments;
  private final DecisionCache cache;
  private final ThreadLocal<Frame> frames;

  /** Built on the first call for entitlements: hosts that only evaluate never pay for it. */
  private volatile @Nullable GrantTable grants;

  Evaluator(
      PolicyTable table,
      NetworkTable networks,
      CompiledPolicy[] policies,
      @Nullable Scope[] appScopes,
      Scope global,
      boolean globalInApps,
      Scope delegates,
      Scope assignments,
      int cacheCapacity) {
    this.table = table;
    this.schema = table.set().schema();
    this.networks = networks;
    this.policies = policies;
    this.appScopes = appScopes;
    this.global = global;
    this.globalInApps = globalInApps;
    this.delegates = delegates;
    this.assignments = assignments;
    this.cache = new DecisionCache(cacheCapacity);
    int slots = schema.size();
    this.frames = ThreadLocal.withInitial(() -> new Frame(policies.length, slots));
  }

  /** Returns the decision for {@code r}; throws only if evaluation itself fails. */
  public Decision evaluate(AccessRequest r) {
    if (r.schema() != schema && !r.schema().equals(schema)) {
      return WRONG_SCHEMA;
    }
    Frame f = frames.get();
    f.begin();
    Outcomes o = f.outcomes;
    try {
      if (!r.has(table.action)) {
        o.resetMissingAction(r);
        return decide(o);
      }
      String action = r.string(table.action);
      RequestKind kind = RequestKind.of(action);
      String app = kind == RequestKind.ACCESS && r.has(table.app) ? r.string(table.app) : null;
      int appIndex = app == null ? -1 : table.appIndex(app);
      o.reset(r, kind, app, appIndex);
      noteLacking(r, o);
      f.readAuthentication(r, table);
      Scope scope =
          kind == RequestKind.ADMIN ? delegates : appIndex >= 0 ? appScopes[appIndex] : null;
      if (scope != null) {
        scope.index.collect(r, f, networks);
      }
      if (scope == null || scope == delegates || !globalInApps) {
        global.index.collect(r, f, networks);
      }
      boolean granted = false;
      for (int i = 0; i < f.candidateCount; i++) {
        int p = f.candidates[i];
        int bits = policies[p].bits(r, f, action);
        if (bits != 0) {
          o.add(p, bits);
          granted |= (bits & Outcomes.APPLIES) != 0 && policies[p].enforcedGrant;
        }
      }
      if (!granted && scope != null) {
        scope.addUnknownGrants(r, f, o, action);
      }
      o.sort();
      return decide(o);
    } finally {
      o.request = null;
    }
  }

  private void noteLacking(AccessRequest r, Outcomes o) {
    if (!r.has(table.ip)) {
      o.lacks(Outcomes.LACKS_IP);
    }
    if (!r.has(table.methods)) {
      o.lacks(Outcomes.LACKS_METHODS);
    }
    if (!r.has(table.authTime)) {
      o.lacks(Outcomes.LACKS_AUTH_TIME);
    }
    if (!r.has(table.time)) {
      o.lacks(Outcomes.LACKS_TIME);
    }
  }

  private Decision decide(Outcomes o) {
    long signature = o.signature();
    Decision d = cache.get(o, signature);
    if (d == null) {
      d = Combiner.combine(table, o);
      if (cacheable(o, d)) {
        cache.put(o, signature, d);
      }
    }
    return d;
  }

  /** A decision may be shared only if it depends on nothing but the outcome list. */
  private static boolean cacheable(Outcomes o, Decision d) {
    if (o.kind == RequestKind.ACCESS && o.app != null && o.appIndex < 0) {
      return false;
    }
    for (Reason reason : d.reasons()) {
      if (reason.code() == ReasonCode.MISSING_ATTRIBUTE) {
        return false;
      }
    }
    return true;
  }

  /** Returns the entitlements of the subject of {@code r}. */
  public Set<Entitlement> entitlements(AccessRequest r) {
    if (r.schema() != schema && !r.schema().equals(schema)) {
      throw new IllegalArgumentException(
          "the request was built against another schema than the policies");
    }
    Frame f = frames.get();
    f.begin();
    assignments.index.collect(r, f, networks);
    int[] granting = new int[f.candidateCount];
    int n = 0;
    for (int i = 0; i < f.candidateCount; i++) {
      int p = f.candidates[i];
      if (policies[p].condition.eval(r, f) == Node.TRUE) {
        granting[n++] = p;
      }
    }
    return grants().entitlements(granting, n);
  }

  private GrantTable grants() {
    GrantTable g = grants;
    if (g == null) {
      synchronized (this) {
        g = grants;
        if (g == null) {
          g = new GrantTable(table);
          grants = g;
        }
      }
    }
    return g;
  }

  /** Returns the attributes a decision or an entitlement can depend on, in slot order. */
  public List<Attribute> attributesRead() {
    return table.attributesRead();
  }

  /** Returns the number of decisions currently shared in the cache. */
  public int cachedDecisions() {
    return cache.size();
  }

  /** Returns the number of slots of the shared-decision cache. */
  public int cacheCapacity() {
    return cache.capacity();
  }

  /** Returns how many lookups of the shared-decision cache found nothing. */
  public long cacheMisses() {
    return cache.misses();
  }

  /** Returns how many shared decisions were replaced because their slots were taken. */
  public long cacheEvictions() {
    return cache.evictions();
  }

  /** Returns the number of disjoint address ranges in the network table. */
  public int networkRanges() {
    return networks.ranges();
  }

  /** Returns the number of app scopes. */
  public int scopes() {
    return appScopes.length;
  }

  /** One scope: its candidate index and the grant policies to re-check on a denial. */
  static final class Scope {
    final PolicyIndex index;

    /** Enforced assign or delegate policies of the scope, for naming missing attributes. */
    private final int[] grants;

    /** The compiled policies of {@link #grants}, in the same order. */
    private final CompiledPolicy[] grantPolicies;

    /** Slots read by those policies: if the request has all, none can be unknown. */
    private final int[] grantReads;

    Scope(PolicyIndex index, int[] grants, CompiledPolicy[] grantPolicies, int[] grantReads) {
      this.index = index;
      this.grants = grants;
      this.grantPolicies = grantPolicies;
      this.grantReads = grantReads;
    }

    /** Adds the grant policies that are unknown for {@code r} and were not candidates. */
    void addUnknownGrants(AccessRequest r, Frame f, Outcomes o, String action) {
      if (!lacksAny(r)) {
        return;
      }
      for (int i = 0; i < grants.length; i++) {
        int p = grants[i];
        if (!f.offered(p)) {
          int bits = grantPolicies[i].bits(r, f, action);
          if (bits == Outcomes.UNKNOWN) {
            o.add(p, bits);
          }
        }
      }
    }

    private boolean lacksAny(AccessRequest r) {
      for (int slot : grantReads) {
        if (!r.has(slot)) {
          return true;
        }
      }
      return false;
    }
  }
}
