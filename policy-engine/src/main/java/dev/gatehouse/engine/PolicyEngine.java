package dev.gatehouse.engine;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.internal.EngineCompiler;
import dev.gatehouse.engine.internal.Evaluator;
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

  private PolicyEngine() {}

  /**
   * Compiles {@code set} into an immutable decision structure.
   *
   * @param set a validated policy set
   * @return the compiled policies, shareable by all threads
   * @throws NullPointerException if {@code set} is null
   */
  public static CompiledPolicies compile(PolicySet set) {
    requireNonNull(set, "set");
    long start = System.nanoTime();
    Evaluator evaluator = EngineCompiler.compile(set);
    long micros = (System.nanoTime() - start) / 1_000;
    CompiledPolicies compiled = new CompiledPolicies(set, evaluator);
    LOG.info("compiled {} policies: {} app scopes, {} network ranges, in {} ms",
        set.policies().size(), evaluator.scopes(), evaluator.networkRanges(), micros / 1_000.0);
    return compiled;
  }
}
