package dev.gatehouse.engine;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.text.Printable;
import dev.gatehouse.engine.internal.Evaluator;
import dev.gatehouse.engine.reference.Explainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compiled, immutable policy set: answers requests, lists entitlements and explains decisions.
 * Shared by all threads without locks.
 *
 * <p>Build requests against {@link #schema()}: a request of another schema is denied.
 */
public final class CompiledPolicies {

  private static final Logger LOG = LoggerFactory.getLogger(CompiledPolicies.class);
  private static final Decision INTERNAL_ERROR =
      Decision.deny(
          new Reason(
              ReasonCode.INTERNAL_ERROR,
              "",
              "the engine failed while evaluating; access is denied"));

  private final PolicySet set;
  private final Evaluator evaluator;
  private final Duration clockSkew;

  CompiledPolicies(PolicySet set, Evaluator evaluator, Duration clockSkew) {
    this.set = set;
    this.evaluator = evaluator;
    this.clockSkew = clockSkew;
  }

  /**
   * Returns how far after {@code request.time} an {@code auth.time} may lie and still count as a
   * fresh authentication.
   *
   * @return the allowed clock skew
   */
  public Duration clockSkew() {
    return clockSkew;
  }

  /**
   * Returns these policies compiled again with another allowed clock skew.
   *
   * @param skew how far in the future an authentication may lie and still count
   * @return policies that differ from these only in the clock skew
   * @throws IllegalArgumentException if {@code skew} is negative or does not fit in milliseconds
   */
  public CompiledPolicies withClockSkew(Duration skew) {
    return skew.equals(clockSkew) ? this : PolicyEngine.compile(set, skew);
  }

  /**
   * Returns the policy set this was compiled from.
   *
   * @return the policy set
   */
  public PolicySet policySet() {
    return set;
  }

  /**
   * Returns the schema requests must be built against.
   *
   * @return the policy set's schema
   */
  public Schema schema() {
    return set.schema();
  }

  /**
   * Returns the attributes whose values can change what these policies decide: every attribute a
   * condition of any policy tests (report-only policies too), and those the decision semantics
   * reads itself ({@code app}, {@code request.action}, {@code request.ip}, {@code request.time},
   * {@code auth.methods}, {@code auth.time}), in slot order.
   *
   * <p>A request that leaves out every other attribute gets the same {@link #evaluate decision},
   * {@link #entitlements entitlements} and {@link #explain explanation} as one that holds them. A
   * host that fetches attributes at a cost (a directory lookup, a device query), or builds many
   * requests, can fetch and set only these. What a decision log or the sign-in monitor records may
   * need more, such as {@code user.id} and the {@code device.*} attributes.
   *
   * @return the attributes read, in slot order; the list is immutable
   */
  public List<Attribute> attributesRead() {
    return evaluator.attributesRead();
  }

  /**
   * Decides {@code request}. Never throws for a request it cannot decide: it fails closed with a
   * DENY whose reasons say why. Requests that reach the same outcome get the same shared decision
   * instance.
   *
   * @param request the request to decide
   * @return the decision
   * @throws NullPointerException if {@code request} is null
   */
  public Decision evaluate(AccessRequest request) {
    requireNonNull(request, "request");
    Decision decision;
    try {
      decision = evaluator.evaluate(request);
    } catch (RuntimeException e) {
      LOG.error("evaluation failed; denying", e);
      return INTERNAL_ERROR;
    }
    if (LOG.isDebugEnabled()) {
      // The user id is client-supplied: escaped, it cannot break the line or forge another.
      LOG.debug(
          "{} {} reasons={} matched={}",
          decision.effect(),
          Printable.escape(String.valueOf(request.value("user.id").orElse("-")), 256),
          decision.reasons(),
          decision.matched());
    }
    return decision;
  }

  /**
   * Returns every app and role the subject of {@code request} gets (its {@code user.*} attributes
   * matter; the app and action do not), each with its granting policies.
   *
   * @param request a request holding the user's attributes
   * @return the entitlements, sorted by app and role
   * @throws IllegalArgumentException if the request was built against another schema
   */
  public Set<Entitlement> entitlements(AccessRequest request) {
    return evaluator.entitlements(requireNonNull(request, "request"));
  }

  /**
   * Returns the entitlements of each user of a directory, in the order given; a future user who
   * matches gets the same answer when asked.
   *
   * @param users one request per user, holding the user's attributes
   * @return each user's entitlements, in the order of {@code users}
   * @throws IllegalArgumentException if a request was built against another schema
   */
  public List<Set<Entitlement>> entitlements(List<AccessRequest> users) {
    List<Set<Entitlement>> result = new ArrayList<>(users.size());
    for (AccessRequest user : users) {
      result.add(entitlements(user));
    }
    return result;
  }

  /**
   * Explains the decision for {@code request}: each policy that applies or could have, and for each
   * failing check, the condition part that failed and the value the request had. Slower than {@link
   * #evaluate}; meant for people.
   *
   * @param request the request to decide and explain
   * @return the decision with its account
   */
  public Explanation explain(AccessRequest request) {
    requireNonNull(request, "request");
    Decision decision = evaluate(request);
    return new Explanation(decision, new Explainer(set, clockSkew).explain(request, decision));
  }

  /**
   * Returns a snapshot of the shared-decision cache: misses, evictions and size. Reading it costs a
   * few sums and does not slow {@link #evaluate}, which counts only when it misses.
   *
   * @return the cache's counts so far
   */
  public SharedDecisionStats sharedDecisionStats() {
    return new SharedDecisionStats(
        evaluator.cacheMisses(),
        evaluator.cacheEvictions(),
        evaluator.cachedDecisions(),
        evaluator.cacheCapacity());
  }

  @Override
  public String toString() {
    return "CompiledPolicies{"
        + set.policies().size()
        + " policies, "
        + evaluator.cachedDecisions()
        + " shared decisions}";
  }
}
