package dev.gatehouse.dashboard.internal;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.engine.CompiledPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * For each event, which report-only policies of one policy set would have denied or challenged it:
 * the event's sign-in decided again on that set, once, so that queries only count bits.
 */
public final class ReportOnlyIndex {

  final CompiledPolicies policies;
  final List<String> ids;
  final long[] denied;
  final long[] challenged;

  private ReportOnlyIndex(CompiledPolicies policies, List<String> ids, int size) {
    this.policies = policies;
    this.ids = ids;
    this.denied = new long[size];
    this.challenged = new long[size];
  }

  /**
   * Returns the report-only index of {@code index} on {@code policies}, built on first use and kept
   * until the policies change.
   *
   * @param index the events
   * @param policies the running policies
   * @param directory the users' attributes by {@code user.*} name
   * @return the report-only index
   */
  public static ReportOnlyIndex of(
      EventIndex index, CompiledPolicies policies, Function<String, Map<String, ?>> directory) {
    ReportOnlyIndex cached = index.reportOnly();
    if (cached != null && cached.policies == policies) {
      return cached;
    }
    List<String> ids = new ArrayList<>();
    for (Policy p : policies.policySet().policies()) {
      // Bits of a long: a set with more report-only policies counts its first 64.
      if (p.reportOnly() && ids.size() < 64) {
        ids.add(p.id());
      }
    }
    ReportOnlyIndex built = new ReportOnlyIndex(policies, List.copyOf(ids), index.size());
    if (!ids.isEmpty()) {
      List<Map<String, ?>> attributes = new ArrayList<>(index.users.size());
      for (String user : index.users) {
        attributes.add(directory.apply(user));
      }
      for (int i = 0; i < index.size(); i++) {
        Decision d;
        try {
          d =
              policies.evaluate(
                  Values.signIn(policies.schema(), index.event(i), attributes.get(index.user[i])));
        } catch (RuntimeException e) {
          // A directory value that does not fit the schema: the event counts for no policy.
          continue;
        }
        for (ReportOnlyOutcome o : d.reportOnly()) {
          int bit = built.ids.indexOf(o.policy());
          if (bit >= 0 && o.effect() == Effect.DENY) {
            built.denied[i] |= 1L << bit;
          } else if (bit >= 0 && o.effect() == Effect.CHALLENGE) {
            built.challenged[i] |= 1L << bit;
          }
        }
      }
    }
    index.reportOnly(built);
    return built;
  }
}
