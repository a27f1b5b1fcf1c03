package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decision latency of the compiled engine on generated workloads: one fixed request, and a stream
 * of 1,024 requests from the directory taken in turn.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EvaluateBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EvaluateBenchmark {

  private static final int MASK = 1023;

  @Param({"100", "1000", "10000", "100000"})
  public int policies;

  private CompiledPolicies engine;
  private AccessRequest[] stream;
  private AccessRequest one;
  private int next;

  /** Builds the workload, compiles it, and answers every request once so leaves are shared. */
  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.generate(policies, 42);
    engine = PolicyEngine.compile(workload.policies());
    stream = workload.requests(engine, MASK + 1);
    for (AccessRequest r : stream) {
      engine.evaluate(r);
    }
    // The typical request: an access that is permitted.
    one = java.util.Arrays.stream(stream)
        .filter(r -> r.value("request.action").orElse("").equals("access"))
        .filter(r -> engine.evaluate(r).isPermitted())
        .findFirst().orElseThrow();
  }

  /** One permitted access, again and again: the structure it touches stays in cache. */
  @Benchmark
  public Decision evaluateOne() {
    return engine.evaluate(one);
  }

  /**
   * A stream of different users, apps, addresses and actions: each request touches other parts
   * of the structure, so this measures memory latency as much as work.
   */
  @Benchmark
  public Decision evaluateStream() {
    return engine.evaluate(stream[next++ & MASK]);
  }
}
