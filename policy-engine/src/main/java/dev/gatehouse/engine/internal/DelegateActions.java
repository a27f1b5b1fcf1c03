package dev.gatehouse.engine.internal;

import dev.gatehouse.api.policy.DelegatePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A delegate allow-list precomputed to exact names and wildcard prefixes: no allocation. */
final class DelegateActions {

  private final Set<String> exact;
  private final String[] prefixes;
  private final boolean all;

  DelegateActions(DelegatePolicy p) {
    List<String> exactNames = new ArrayList<>();
    List<String> prefixList = new ArrayList<>();
    boolean any = false;
    for (String action : p.actions()) {
      if (action.equals("*")) {
        any = true;
      } else if (action.endsWith(".*")) {
        prefixList.add(action.substring(0, action.length() - 1));
      } else {
        exactNames.add(action);
      }
    }
    this.exact = Set.copyOf(exactNames);
    this.prefixes = prefixList.toArray(new String[0]);
    this.all = any;
  }

  boolean allows(String action) {
    if (all || exact.contains(action)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (action.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
