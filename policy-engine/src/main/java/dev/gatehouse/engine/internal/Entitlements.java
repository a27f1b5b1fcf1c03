package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Grant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns the enforced assign policies that hold for a user into entitlements: the plain form, used
 * by the reference interpreter and by {@link GrantTable} when its numbers do not fit.
 */
public final class Entitlements {

  private Entitlements() {}

  /**
   * Returns the entitlements granted by the assign policies at {@code indexes} (all true for the
   * user), sorted by app and role, each with its sorted granting policy ids.
   */
  public static Set<Entitlement> of(PolicyTable table, int[] indexes, int count) {
    Map<String, Map<String, TreeSet<String>>> byApp = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      AssignPolicy a = (AssignPolicy) table.policy(indexes[i]);
      for (Grant g : a.grants()) {
        byApp
            .computeIfAbsent(g.app(), k -> new TreeMap<>())
            .computeIfAbsent(g.role(), k -> new TreeSet<>())
            .add(a.id());
      }
    }
    Set<Entitlement> result = new LinkedHashSet<>();
    byApp.forEach(
        (app, roles) ->
            roles.forEach(
                (role, ids) -> result.add(new Entitlement(app, role, new ArrayList<>(ids)))));
    return Collections.unmodifiableSet(result);
  }

  /** Returns {@link #of(PolicyTable, int[], int)} for a list of indexes. */
  public static Set<Entitlement> of(PolicyTable table, List<Integer> indexes) {
    return of(table, indexes.stream().mapToInt(Integer::intValue).toArray(), indexes.size());
  }
}
