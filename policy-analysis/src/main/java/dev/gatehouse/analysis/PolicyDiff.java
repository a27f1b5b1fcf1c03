package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.engine.CompiledPolicies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The impact of a policy change, computed by deciding the same users and the same recorded
 * events with the old and the new policies.
 *
 * <pre>{@code
 * PolicyDiff.Replay replay = PolicyDiff.between(oldPolicies, newPolicies).replay();
 * directory.forEach(replay::user);                 // requests holding each user's attributes
 * replay.event("sign-ins.jsonl:1", recordedRequest);
 * ImpactReport report = replay.report();
 * }</pre>
 *
 * <p>A user changes when an app and role is granted on one side only. An event changes when its
 * effect differs, when a PERMIT or CHALLENGE gives other roles, or when a CHALLENGE asks for
 * other requirements (a new MFA rule); a DENY stays a DENY whatever else it lists, and which
 * policies match may change without the event changing.
 */
public final class PolicyDiff {

  private final CompiledPolicies before;
  private final CompiledPolicies after;

  private PolicyDiff(CompiledPolicies before, CompiledPolicies after) {
    this.before = before;
    this.after = after;
  }

  /**
   * Returns the diff from {@code before} to {@code after}.
   *
   * @param before the policies in force
   * @param after the changed policies
   * @return the diff
   * @throws NullPointerException if either is null
   * @throws IllegalArgumentException if the two were compiled against different schemas
   */
  public static PolicyDiff between(CompiledPolicies before, CompiledPolicies after) {
    requireNonNull(before, "before");
    requireNonNull(after, "after");
    if (!before.schema().equals(after.schema())) {
      throw new IllegalArgumentException(
          "the old and the new policies declare different schemas; a request of one cannot be"
              + " decided by the other");
    }
    return new PolicyDiff(before, after);
  }

  /**
   * Returns the old policies.
   *
   * @return the policies in force
   */
  public CompiledPolicies before() {
    return before;
  }

  /**
   * Returns the new policies.
   *
   * @return the changed policies
   */
  public CompiledPolicies after() {
    return after;
  }

  /**
   * Starts a replay: feed it users and events one at a time, so that a long history never has to
   * be held in memory, then ask for the report.
   *
   * @return a new, empty replay
   */
  public Replay replay() {
    return new Replay();
  }

  /**
   * Compares the entitlements of one user.
   *
   * @param user a request holding the user's attributes (its {@code user.id} names the user)
   * @return what the user gains and loses; both lists empty when nothing changes
   */
  public UserImpact user(AccessRequest user) {
    requireNonNull(user, "user");
    Set<Entitlement> old = before.entitlements(user);
    Set<Entitlement> now = after.entitlements(user);
    return new UserImpact(userId(user), missing(now, old), missing(old, now));
  }

  /**
   * Decides one recorded event on both sides.
   *
   * @param label the event's label, shown in the report
   * @param request the event's request as recorded
   * @return the change, or null when the decision is the same on both sides
   */
  EventImpact event(String label, AccessRequest request) {
    Decision old = before.evaluate(request);
    Decision now = after.evaluate(request);
    String change = Demands.change(old, now);
    return change == null ? null : new EventImpact(label, userId(request), change, old, now);
  }

  /** The entitlements of {@code from} whose app and role {@code other} does not grant. */
  private static List<Entitlement> missing(Set<Entitlement> from, Set<Entitlement> other) {
    if (from.isEmpty()) {
      return List.of();
    }
    Map<String, Entitlement> others = new HashMap<>();
    for (Entitlement e : other) {
      others.put(e.app() + '\0' + e.role(), e);
    }
    List<Entitlement> missing = new ArrayList<>();
    for (Entitlement e : from) {
      if (!others.containsKey(e.app() + '\0' + e.role())) {
        missing.add(e);
      }
    }
    missing.sort(java.util.Comparator.comparing(Entitlement::app)
        .thenComparing(Entitlement::role));
    return missing;
  }

  private static String userId(AccessRequest request) {
    return request.value("user.id").map(Object::toString).orElse("");
  }

  /** A replay in progress: users and events fed one at a time. Not thread-safe. */
  public final class Replay {

    private final List<UserImpact> users = new ArrayList<>();
    private final List<EventImpact> events = new ArrayList<>();
    private final Map<String, Long> changes = new HashMap<>();
    private int userCount;
    private int gaining;
    private int losing;
    private long gained;
    private long lost;
    private long eventCount;

    private Replay() {}

    /**
     * Compares the entitlements of one user of the directory.
     *
     * @param user a request holding the user's attributes
     * @return this replay
     */
    public Replay user(AccessRequest user) {
      UserImpact impact = PolicyDiff.this.user(user);
      userCount++;
      if (!impact.gained().isEmpty() || !impact.lost().isEmpty()) {
        users.add(impact);
        gaining += impact.gained().isEmpty() ? 0 : 1;
        losing += impact.lost().isEmpty() ? 0 : 1;
        gained += impact.gained().size();
        lost += impact.lost().size();
      }
      return this;
    }

    /**
     * Replays one recorded event with its recorded attributes.
     *
     * @param label the event's label, such as {@code sign-ins.jsonl:12}
     * @param request the event's request
     * @return this replay
     */
    public Replay event(String label, AccessRequest request) {
      requireNonNull(label, "label");
      requireNonNull(request, "request");
      eventCount++;
      EventImpact impact = PolicyDiff.this.event(label, request);
      if (impact != null) {
        events.add(impact);
        changes.merge(impact.change(), 1L, Long::sum);
      }
      return this;
    }

    /**
     * Returns the report of what was fed so far.
     *
     * @return the summary and the details
     */
    public ImpactReport report() {
      ImpactSummary summary = new ImpactSummary(
          userCount, gaining, losing, gained, lost, eventCount, events.size(), changes);
      return new ImpactReport(summary, users, events);
    }
  }
}
