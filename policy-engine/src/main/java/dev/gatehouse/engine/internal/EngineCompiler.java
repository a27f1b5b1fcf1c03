package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a {@link PolicySet} into an {@link Evaluator}: networks into one range table, conditions
 * into node trees, guards into per-scope indexes.
 *
 * <p>Compile cost is linear in the policies and their keys: nothing is expanded into a product of
 * conditions. What the decision depends on beyond the indexes is kept as residual checks (each
 * candidate's compiled condition), and the distinct decisions themselves are shared through a
 * bounded cache, so neither compile time nor memory can blow up.
 */
public final class EngineCompiler {

  /** How many distinct decisions the shared cache holds. */
  public static final int DECISION_CACHE_CAPACITY = 1 << 15;

  /** How many extra index entries copying tenant-wide policies into app scopes may cost. */
  static final long MERGE_BUDGET = 1_000_000;

  private EngineCompiler() {}

  /** Compiles {@code set} with the default clock skew. */
  public static Evaluator compile(PolicySet set) {
    return compile(set, PolicyTable.DEFAULT_CLOCK_SKEW);
  }

  /** Compiles {@code set}, counting an {@code auth.time} up to {@code clockSkew} ahead as fresh. */
  public static Evaluator compile(PolicySet set, java.time.Duration clockSkew) {
    PolicyTable table = new PolicyTable(set, clockSkew);
    Schema schema = set.schema();
    NetworkTable networks = NetworkTable.of(networksOf(set));
    ConditionCompiler compiler = new ConditionCompiler(schema, networks);
    int n = table.size();
    List<Condition> conditions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      conditions.add(condition(table.policy(i)));
    }
    Guards guards = new Guards(schema, compiler, conditions);
    CompiledPolicy[] compiled = new CompiledPolicy[n];
    List<Guards.@Nullable Guard> guardOf = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Condition c = conditions.get(i);
      compiled[i] = new CompiledPolicy(table.policy(i), compiler.compile(c), compiler, table);
      guardOf.add(guards.of(c));
    }
    ScopeBuilder[] apps = new ScopeBuilder[table.apps().size()];
    for (int a = 0; a < apps.length; a++) {
      apps[a] = new ScopeBuilder(schema);
    }
    // Tenant-wide policies also join every app's index, so that an access searches one scope,
    // unless copying them would cost more than MERGE_BUDGET index entries.
    long tenantWide =
        set.policies().stream()
            .filter(p -> !(p instanceof AssignPolicy || p instanceof DelegatePolicy))
            .filter(p -> PolicyTable.appsOf(p).isEmpty())
            .count();
    boolean merge = tenantWide * apps.length <= MERGE_BUDGET;
    ScopeBuilder global = new ScopeBuilder(schema);
    ScopeBuilder delegates = new ScopeBuilder(schema);
    ScopeBuilder assignments = new ScopeBuilder(schema);
    for (int i = 0; i < n; i++) {
      Policy p = table.policy(i);
      Guards.Guard guard = guardOf.get(i);
      boolean restrictive = compiled[i].restrictive();
      Set<String> appNames = PolicyTable.appsOf(p);
      for (String app : appNames) {
        apps[table.appIndex(app)].add(i, guard, restrictive, compiled[i], table);
      }
      if (p instanceof DelegatePolicy) {
        delegates.add(i, guard, false, compiled[i], table);
      } else if (p instanceof AssignPolicy) {
        if (!p.reportOnly()) {
          assignments.add(i, guard, false, compiled[i], table);
        }
      } else if (appNames.isEmpty()) {
        global.add(i, guard, true, compiled[i], table);
        if (merge) {
          for (ScopeBuilder app : apps) {
            app.add(i, guard, true, compiled[i], table);
          }
        }
      }
    }
    Evaluator.Scope[] appScopes = new Evaluator.Scope[apps.length];
    for (int a = 0; a < apps.length; a++) {
      appScopes[a] = apps[a].build();
    }
    return new Evaluator(
        table,
        networks,
        compiled,
        appScopes,
        global.build(),
        merge,
        delegates.build(),
        assignments.build(),
        DECISION_CACHE_CAPACITY);
  }

  /** A delegate's {@code to} and {@code on} must both hold: one conjunction. */
  private static Condition condition(Policy p) {
    List<Condition> conditions = p.conditions();
    return conditions.size() == 1 ? conditions.get(0) : new Condition.And(conditions);
  }

  private static List<Network> networksOf(PolicySet set) {
    List<Network> all = new ArrayList<>(set.networks().values());
    for (Policy p : set.policies()) {
      if (p instanceof RestrictPolicy r) {
        all.addAll(r.allow());
      }
      p.conditions()
          .forEach(
              c ->
                  c.forEachLeaf(
                      leaf -> {
                        if (leaf instanceof Condition.InNetwork in) {
                          all.addAll(in.networks());
                        }
                      }));
    }
    return all;
  }

  /** Collects one scope's policies. */
  private static final class ScopeBuilder {
    private final PolicyIndex.Builder index;
    private final List<Integer> grants = new ArrayList<>();
    private final List<CompiledPolicy> grantPolicies = new ArrayList<>();
    private final BitSet grantReads = new BitSet();

    ScopeBuilder(Schema schema) {
      this.index = new PolicyIndex.Builder(schema);
    }

    void add(
        int p,
        Guards.@Nullable Guard guard,
        boolean restrictive,
        CompiledPolicy compiled,
        PolicyTable table) {
      index.add(p, guard, restrictive);
      if (compiled.enforcedGrant) {
        grants.add(p);
        grantPolicies.add(compiled);
        for (int slot : table.reads(p)) {
          grantReads.set(slot);
        }
      }
    }

    Evaluator.Scope build() {
      return new Evaluator.Scope(
          index.build(),
          grants.stream().mapToInt(Integer::intValue).toArray(),
          grantPolicies.toArray(new CompiledPolicy[0]),
          grantReads.stream().toArray());
    }
  }
}
