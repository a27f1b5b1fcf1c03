package dev.gatehouse.bench.compare;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;

/**
 * One build's engine on the generated workload, timed in rounds. {@link Compare} defines this class
 * afresh inside each build's class loader, so it links against that build's engine: it uses only
 * the public API that every build has.
 */
public final class EngineLoop {

  private final CompiledPolicies engine;
  private final AccessRequest[] stream;
  private final AccessRequest one;

  /** Generates the workload of {@code policies} policies (seed 42) and its 1,024 requests. */
  public EngineLoop(int policies) {
    Workload workload = Workload.generate(policies, 42);
    engine = PolicyEngine.compile(workload.policies());
    stream = workload.requests(engine, 1024);
    AccessRequest permitted = null;
    for (AccessRequest r : stream) {
      if (engine.evaluate(r).isPermitted()
          && permitted == null
          && r.value("request.action").orElse("").equals("access")) {
        permitted = r;
      }
    }
    if (permitted == null) {
      throw new IllegalStateException("no permitted access among the requests");
    }
    one = permitted;
  }

  /** Returns each decision of the stream as text, to check that two builds agree. */
  public String[] decisions() {
    String[] text = new String[stream.length];
    for (int i = 0; i < stream.length; i++) {
      text[i] = engine.evaluate(stream[i]).toString();
    }
    return text;
  }

  /** Evaluates the stream {@code passes} times; returns nanoseconds per decision. */
  public double stream(int passes) {
    int nulls = 0;
    long start = System.nanoTime();
    for (int k = 0; k < passes; k++) {
      for (AccessRequest r : stream) {
        nulls += engine.evaluate(r) == null ? 1 : 0;
      }
    }
    return perDecision(start, passes * stream.length, nulls);
  }

  /** Evaluates one permitted access {@code passes} × 1,024 times; nanoseconds per decision. */
  public double one(int passes) {
    int nulls = 0;
    long start = System.nanoTime();
    for (int k = passes * stream.length; k > 0; k--) {
      Decision d = engine.evaluate(one);
      nulls += d == null ? 1 : 0;
    }
    return perDecision(start, passes * stream.length, nulls);
  }

  private static double perDecision(long start, int decisions, int nulls) {
    double ns = (double) (System.nanoTime() - start) / decisions;
    if (nulls != 0) {
      // Never happens; reading the count keeps the loop from being optimized away.
      throw new IllegalStateException(nulls + " null decisions");
    }
    return ns;
  }
}
