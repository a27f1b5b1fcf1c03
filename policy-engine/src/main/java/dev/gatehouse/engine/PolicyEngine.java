package dev.gatehouse.engine;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.internal.EngineCompiler;
import dev.gatehouse.engine.internal.Evaluator;
import dev.gatehouse.engine.internal.PolicyTable;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the engine: compiles a validated {@link PolicySet} once into {@link
 * CompiledPolicies} that any number of threads then share.
 *
 * <pre>{@code
 * CompiledPolicies policies = PolicyEngine.compile(policySet);
 * Decision decision = policies.evaluate(request);
 * }</pre>
 */
public final class PolicyEngine {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);

  /**
   * How far after {@code request.time} an {@code auth.time} may lie and still satisfy {@code
   * require mfa ... within D} unless {@link #compile(PolicySet, Duration)} says otherwise: five
   * minutes, for identity providers whose clocks run a little ahead.
   */
  public static final Duration DEFAULT_CLOCK_SKEW = PolicyTable.DEFAULT_CLOCK_SKEW;

  private PolicyEngine() {}

  /**
   * Compiles {@code set} into an immutable decision structure, allowing the {@link
   * #DEFAULT_CLOCK_SKEW}.
   *
   * @param set a validated policy set
   * @return the compiled policies, shareable by all threads
   * @throws NullPointerException if {@code set} is null
   */
  public static CompiledPolicies compile(PolicySet set) {
    return compile(set, DEFAULT_CLOCK_SKEW);
  }

  /**
   * Compiles {@code set} into an immutable decision structure whose MFA freshness allows {@code
   * clockSkew}: an {@code auth.time} more than that after {@code request.time} is not fresh.
   *
   * <pre>{@code
   * CompiledPolicies policies = PolicyEngine.compile(policySet, Duration.ofSeconds(30));
   * }</pre>
   *
   * @param set a validated policy set
   * @param clockSkew how far in the future an authentication may lie and still count; zero trusts
   *     no clock ahead of the server's
   * @return the compiled policies, shareable by all threads
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code clockSkew} is negative or does not fit in
   *     milliseconds
   */
  public static CompiledPolicies compile(PolicySet set, Duration clockSkew) {
    requireNonNull(set, "set");
    requireNonNull(clockSkew, "clockSkew");
    long start = System.nanoTime();
    Evaluator evaluator = EngineCompiler.compile(set, clockSkew);
    long micros = (System.nanoTime() - start) / 1_000;
    CompiledPolicies compiled = new CompiledPolicies(set, evaluator, clockSkew);
    LOG.info(
        "compiled {} policies: {} app scopes, {} network ranges, in {} ms",
        set.policies().size(),
        evaluator.scopes(),
        evaluator.networkRanges(),
        micros / 1_000.0);
    return compiled;
  }
}
