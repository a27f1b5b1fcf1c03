package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.engine.CompiledPolicies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The impact of a policy change, computed by deciding the same users and the same recorded events
 * with the old and the new policies.
 *
 * <pre>{@code
 * PolicyDiff.Replay replay = PolicyDiff.between(oldPolicies, newPolicies).replay();
 * directory.forEach(replay::user);                 // requests holding each user's attributes
 * replay.event("sign-ins.jsonl:1", recordedRequest);
 * ImpactReport report = replay.report();
 * }</pre>
 *
 * <p>A user changes when an app and role is granted on one side only. An event changes when its
 * effect differs, when a PERMIT or CHALLENGE gives other roles, or when a CHALLENGE asks for other
 * requirements (a new MFA rule); a DENY stays a DENY whatever else it lists, and which policies
 * match may change without the event changing.
 */
public final class PolicyDiff {

  private static final Comparator<Entitlement> ORDER =
      Comparator.comparing(Entitlement::app).thenComparing(Entitlement::role);

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
   * Starts a replay: feed it users and events one at a time, so that a long history never has to be
   * held in memory, then ask for the report.
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
    List<Entitlement> gained = new ArrayList<>();
    List<Entitlement> lost = new ArrayList<>();
    compare(before.entitlements(user), after.entitlements(user), gained, lost);
    return new UserImpact(userId(user), gained, lost);
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

  /**
   * Fills {@code gained} and {@code lost} with one merge walk over the two lists sorted by app and
   * role, without hashing; the engine already lists them in that order, so the sorts are linear.
   */
  private static void compare(
      Set<Entitlement> old,
      Set<Entitlement> now,
      List<Entitlement> gained,
      List<Entitlement> lost) {
    Entitlement[] a = old.toArray(new Entitlement[0]);
    Entitlement[] b = now.toArray(new Entitlement[0]);
    Arrays.sort(a, ORDER);
    Arrays.sort(b, ORDER);
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      int c = i == a.length ? 1 : j == b.length ? -1 : ORDER.compare(a[i], b[j]);
      if (c == 0) {
        i++;
        j++;
      } else if (c < 0) {
        lost.add(a[i++]);
      } else {
        gained.add(b[j++]);
      }
    }
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
      ImpactSummary summary =
          new ImpactSummary(
              userCount, gaining, losing, gained, lost, eventCount, events.size(), changes);
      return new ImpactReport(summary, users, events);
    }
  }
}
