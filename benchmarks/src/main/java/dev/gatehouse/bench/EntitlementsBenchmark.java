package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.util.List;
import java.util.Set;
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
 * Entitlements of the compiled engine: the apps and roles of one user (taken in turn from the
 * 10,000-user directory), and of the whole directory at once.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EntitlementsBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class EntitlementsBenchmark {

  private static final int MASK = 8191;

  @Param({"100", "1000", "10000", "100000"})
  public int policies;

  private CompiledPolicies engine;
  private List<AccessRequest> directory;
  private AccessRequest[] users;
  private int next;

  /** Builds the workload, compiles it, and takes its directory. */
  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.generate(policies, 42);
    engine = PolicyEngine.compile(workload.policies());
    directory = workload.users();
    users = directory.subList(0, MASK + 1).toArray(new AccessRequest[0]);
  }

  /** The entitlements of one user. */
  @Benchmark
  public Set<Entitlement> entitlementsOne() {
    return engine.entitlements(users[next++ & MASK]);
  }

  /** The entitlements of all 10,000 users of the directory. */
  @Benchmark
  public List<Set<Entitlement>> entitlementsDirectory() {
    return engine.entitlements(directory);
  }
}
