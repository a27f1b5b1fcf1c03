package dev.gatehouse.bench;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
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
 * A reload: the next policy set (another seed, the same size) compiled aside and swapped into a
 * running {@link PolicyEngineHolder}, alternating between two sets so every swap replaces a
 * different set.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReloadBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ReloadBenchmark {

  @Param({"100", "1000", "10000", "100000"})
  public int policies;

  private PolicySet[] sets;
  private PolicyEngineHolder holder;
  private int next;

  /** Generates the two sets and starts a holder on the first. */
  @Setup(Level.Trial)
  public void setUp() {
    sets =
        new PolicySet[] {
          Workload.generate(policies, 42).policies(), Workload.generate(policies, 43).policies()
        };
    holder = new PolicyEngineHolder(PolicyEngine.compile(sets[0]));
  }

  /** Compiles the other set aside and swaps it in. */
  @Benchmark
  public CompiledPolicies reload() {
    return holder.swap(sets[++next & 1]);
  }
}
