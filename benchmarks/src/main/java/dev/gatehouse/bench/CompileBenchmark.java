package dev.gatehouse.bench;

import dev.gatehouse.api.policy.PolicySet;
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
 * Compile time of generated policy sets: the whole compile, from a validated set to the decision
 * structure.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CompileBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class CompileBenchmark {

  @Param({"100", "1000", "10000", "100000"})
  public int policies;

  private PolicySet set;

  /** Generates the set once. */
  @Setup(Level.Trial)
  public void setUp() {
    set = Workload.generate(policies, 42).policies();
  }

  /** Compiles the set. */
  @Benchmark
  public CompiledPolicies compile() {
    return PolicyEngine.compile(set);
  }
}
