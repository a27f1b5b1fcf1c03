package dev.gatehouse.bench.peers;

import dev.gatehouse.bench.Smoke;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * A smoke pass of {@link PeerBenchmark} for CI: both methods, every engine at 100 policies, each
 * cross-checked on the smallest allowed sample before its tiny measurement, so that a broken
 * translation or a peer that stops loading fails the build; then {@link HostFloorBenchmark}'s four
 * paths at 100 policies. Timings are printed, never asserted; Gatehouse's allocation is.
 *
 * <p>Run: {@code java -cp benchmarks-peers/target/benchmarks-peers.jar
 * dev.gatehouse.bench.peers.PeerSmoke}
 */
public final class PeerSmoke {

  /** Bytes a Gatehouse request built from the host's values may allocate, the decision included. */
  static final double MAX_BYTES_PER_REQUEST = 300.0;

  private PeerSmoke() {}

  /**
   * Runs the pass; exits 1 unless every engine ran both methods and {@link HostFloorBenchmark} its
   * four.
   */
  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results = run(PeerBenchmark.class, true);
    Collection<RunResult> floor = run(HostFloorBenchmark.class, false);
    System.out.printf("%n%-38s %10s %14s %12s%n", "benchmark", "engine", "ns/op", "B/op");
    print(results);
    print(floor);
    int expected = 2 * Peers.NAMES.size();
    if (results.size() != expected || floor.size() != 4) {
      System.err.printf(
          "peer smoke: expected %d and 4 runs, got %d and %d%n",
          expected, results.size(), floor.size());
      System.exit(1);
    }
    String over = overBudget(results);
    if (over != null) {
      System.err.println("peer smoke: " + over);
      System.exit(1);
    }
    System.out.println(
        "peer smoke: every engine ran both methods, cross-checked; Gatehouse within its budgets");
  }

  /**
   * Returns what Gatehouse allocates beyond its budgets in the comparison, or null: a request built
   * from the host's values at most {@link #MAX_BYTES_PER_REQUEST}, the decision nothing. Allocation
   * is deterministic, so the smoke pass's short runs measure it exactly.
   */
  private static @Nullable String overBudget(Collection<RunResult> results) {
    for (RunResult run : results) {
      if (!"gatehouse".equals(run.getParams().getParam("engine"))) {
        continue;
      }
      String name = run.getParams().getBenchmark();
      boolean endToEnd = name.endsWith(".endToEnd");
      double budget = endToEnd ? MAX_BYTES_PER_REQUEST : Smoke.MAX_BYTES_PER_EVALUATE;
      Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
      if (allocation == null || allocation.getScore() > budget) {
        return String.format(
            "Gatehouse %s allocates %s, over its budget of %.0f B",
            endToEnd ? "end to end" : "decision only",
            allocation == null
                ? "an unknown amount"
                : String.format("%.1f B/op", allocation.getScore()),
            budget);
      }
    }
    return null;
  }

  private static Collection<RunResult> run(Class<?> benchmark, boolean checked)
      throws RunnerException {
    ChainedOptionsBuilder options =
        Smoke.quick().include(benchmark.getName()).param("policies", "100");
    if (checked) {
      options.param("checked", "1024");
    }
    return new Runner(options.build()).run();
  }

  private static void print(Collection<RunResult> results) {
    for (RunResult run : results) {
      String name = run.getParams().getBenchmark();
      Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
      String engine = run.getParams().getParam("engine");
      System.out.printf(
          "%-38s %10s %14.1f %12.1f%n",
          name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
          engine == null ? "gatehouse" : engine,
          run.getPrimaryResult().getScore(),
          allocation == null ? Double.NaN : allocation.getScore());
    }
  }
}
