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
 *
 * <p>{@code -p distinct=16,256,1024} makes the stream repeat fewer different requests (drawn at
 * random from the first ones), which separates the work a request costs from the cache misses of a
 * structure too large to stay in cache.
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

  /** How many different requests the stream of 1,024 holds. */
  @Param({"1024"})
  public int distinct;

  private CompiledPolicies engine;
  private AccessRequest[] stream;
  private AccessRequest one;
  private int next;

  /** Builds the workload, compiles it, and answers every request once so leaves are shared. */
  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.generate(policies, 42);
    engine = PolicyEngine.compile(workload.policies());
    if (distinct < 1 || distinct > MASK + 1) {
      throw new IllegalArgumentException(
          "distinct must be 1 to " + (MASK + 1) + ", not " + distinct);
    }
    AccessRequest[] requests = workload.requests(engine, MASK + 1);
    stream = requests.clone();
    if (distinct < stream.length) {
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < stream.length; i++) {
        stream[i] = requests[random.nextInt(distinct)];
      }
    }
    for (AccessRequest r : stream) {
      engine.evaluate(r);
    }
    // The typical request: an access that is permitted.
    one =
        java.util.Arrays.stream(requests)
            .filter(r -> r.value("request.action").orElse("").equals("access"))
            .filter(r -> engine.evaluate(r).isPermitted())
            .findFirst()
            .orElseThrow();
  }

  /** One permitted access, again and again: the structure it touches stays in cache. */
  @Benchmark
  public Decision evaluateOne() {
    return engine.evaluate(one);
  }

  /**
   * A stream of different users, apps, addresses and actions: each request touches other parts of
   * the structure, so this measures memory latency as much as work.
   */
  @Benchmark
  public Decision evaluateStream() {
    return engine.evaluate(stream[next++ & MASK]);
  }
}
