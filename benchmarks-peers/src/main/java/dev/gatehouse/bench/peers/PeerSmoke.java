package dev.gatehouse.bench.peers;

import dev.gatehouse.bench.Smoke;
import java.util.Collection;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/**
 * A smoke pass of {@link PeerBenchmark} for CI: both methods, every engine at 100 policies, each
 * cross-checked on the smallest allowed sample before its tiny measurement, so that a broken
 * translation or a peer that stops loading fails the build; then {@link HostFloorBenchmark}'s four
 * paths at 100 policies. Timings are printed, never asserted.
 *
 * <p>Run: {@code java -cp benchmarks-peers/target/benchmarks-peers.jar
 * dev.gatehouse.bench.peers.PeerSmoke}
 */
public final class PeerSmoke {

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
    System.out.println("peer smoke: every engine ran both methods, cross-checked");
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
