package dev.gatehouse.engine.internal;

import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The grants of every assign policy as numbers, so that a user's entitlements are one sort of
 * {@code long}s rather than maps of strings, and the policy model is not read per policy: apps and
 * roles are numbered in name order, policy ids by rank in id order, and each grant of a granting
 * policy becomes {@code app | role | id rank} packed in one {@code long}. Sorting those orders the
 * entitlements by app and role and their policies by id, as {@link Entitlements} does, which stays
 * the plain form for the reference interpreter.
 */
final class GrantTable {

  private static final int ROLE_BITS = 21;
  private static final int RANK_BITS = 22;
  private static final long ROLE_MASK = (1L << ROLE_BITS) - 1;
  private static final long RANK_MASK = (1L << RANK_BITS) - 1;

  private final PolicyTable table;
  private final String[] roles;

  /** Per policy, its grants as {@code app << ROLE_BITS | role}; empty for other kinds. */
  private final long[][] grants;

  /** Per policy, the rank of its id among all ids. */
  private final int[] rank;

  private final String[] idsByRank;

  /** Whether every number fits its field; if not, {@link Entitlements} answers instead. */
  private final boolean packs;

  GrantTable(PolicyTable table) {
    this.table = table;
    int n = table.size();
    TreeSet<String> roleNames = new TreeSet<>();
    for (int p = 0; p < n; p++) {
      if (table.policy(p) instanceof AssignPolicy a) {
        a.grants().forEach(g -> roleNames.add(g.role()));
      }
    }
    this.roles = roleNames.toArray(new String[0]);
    this.packs =
        table.apps().size() < 1 << (63 - ROLE_BITS - RANK_BITS)
            && roles.length <= ROLE_MASK
            && n <= RANK_MASK;
    this.idsByRank = new String[n];
    for (int p = 0; p < n; p++) {
      idsByRank[p] = table.policy(p).id();
    }
    Arrays.sort(idsByRank);
    this.rank = new int[n];
    for (int p = 0; p < n; p++) {
      rank[p] = Arrays.binarySearch(idsByRank, table.policy(p).id());
    }
    this.grants = new long[n][];
    for (int p = 0; p < n; p++) {
      Policy policy = table.policy(p);
      List<Grant> list = policy instanceof AssignPolicy a ? a.grants() : List.of();
      long[] keys = new long[list.size()];
      for (int i = 0; i < keys.length; i++) {
        Grant g = list.get(i);
        keys[i] =
            (long) table.appIndex(g.app()) << ROLE_BITS | Arrays.binarySearch(roles, g.role());
      }
      grants[p] = keys;
    }
  }

  /** Returns the entitlements granted by the assign policies at {@code indexes}. */
  Set<Entitlement> entitlements(int[] indexes, int count) {
    if (!packs) {
      return Entitlements.of(table, indexes, count);
    }
    int total = 0;
    for (int i = 0; i < count; i++) {
      total += grants[indexes[i]].length;
    }
    long[] keys = new long[total];
    int k = 0;
    for (int i = 0; i < count; i++) {
      int p = indexes[i];
      for (long grant : grants[p]) {
        keys[k++] = grant << RANK_BITS | rank[p];
      }
    }
    Arrays.sort(keys);
    Set<Entitlement> result = new LinkedHashSet<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      long key = keys[i];
      // A policy that grants the same app and role twice is named once.
      if (i == 0 || key != keys[i - 1]) {
        ids.add(idsByRank[(int) (key & RANK_MASK)]);
      }
      if (i + 1 == total || keys[i + 1] >>> RANK_BITS != key >>> RANK_BITS) {
        long grant = key >>> RANK_BITS;
        result.add(
            new Entitlement(
                table.apps().get((int) (grant >>> ROLE_BITS)),
                roles[(int) (grant & ROLE_MASK)],
                ids));
        ids.clear();
      }
    }
    return Collections.unmodifiableSet(result);
  }
}
