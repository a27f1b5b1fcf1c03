package dev.gatehouse.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A smoke pass of every benchmark for CI: tiny warm-up and measurement, one fork, so that a broken
 * benchmark fails the build. Timings are printed, never asserted (CI machines are shared);
 * allocation is deterministic, so evaluate at 10,000 policies must allocate nothing on the path
 * that returns a shared decision.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gatehouse.bench.Smoke}
 */
public final class Smoke {

  /**
   * Allocation per evaluate above which the smoke pass fails: JMH's own noise stays far below, one
   * real object is 16 B or more.
   */
  public static final double MAX_BYTES_PER_EVALUATE = 8.0;

  /**
   * The runs of a pass: evaluate (2 methods), compile and parse at 100 and 10,000 policies;
   * entitlements (2 methods) and reload at 100; sign-in recording and enrichment; the memory
   * latency over its smallest block. The comparison with the peers has its own pass in
   * benchmarks-peers.
   */
  static final int EXPECTED_RUNS = (2 + 1 + 1) * 2 + 2 + 1 + 2 + 1;

  private Smoke() {}

  private static void printTable(Collection<RunResult> results) {
    System.out.printf(
        "%n%-40s %10s %10s %14s %12s%n", "benchmark", "engine", "policies", "score", "B/op");
    for (RunResult run : results) {
      Result<?> primary = run.getPrimaryResult();
      Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
      String name = run.getParams().getBenchmark();
      String engine = run.getParams().getParam("engine");
      String policies = run.getParams().getParam("policies");
      System.out.printf(
          "%-40s %10s %10s %10.1f %-5s %12.1f%n",
          name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
          engine == null ? "gatehouse" : engine,
          policies == null ? "-" : policies,
          primary.getScore(),
          primary.getScoreUnit(),
          allocation == null ? Double.NaN : allocation.getScore());
    }
  }

  /** Runs the smoke pass; exits 1 if a benchmark fails or evaluate allocates. */
  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results =
        new ArrayList<>(
            new Runner(
                    quick()
                        .include(EvaluateBenchmark.class.getName())
                        .include(CompileBenchmark.class.getName())
                        .include(ParseBenchmark.class.getName())
                        .param("policies", "100", "10000")
                        .build())
                .run());
    // Entitlements and reload only need to run to prove they work, at 100 policies.
    results.addAll(
        new Runner(
                quick()
                    .include(EntitlementsBenchmark.class.getName())
                    .include(ReloadBenchmark.class.getName())
                    .param("policies", "100")
                    .build())
            .run());
    results.addAll(new Runner(quick().include(MonitorBenchmark.class.getName()).build()).run());
    results.addAll(
        new Runner(
                quick().include(MemoryLatencyBenchmark.class.getName()).param("kib", "256").build())
            .run());
    List<String> problems = new ArrayList<>();
    for (RunResult run : results) {
      String name = run.getParams().getBenchmark();
      String size = run.getParams().getParam("policies");
      Result<?> allocation = run.getSecondaryResults().get("gc.alloc.rate.norm");
      if (name.contains("EvaluateBenchmark")
          && "10000".equals(size)
          && (allocation == null || allocation.getScore() > MAX_BYTES_PER_EVALUATE)) {
        problems.add(
            name
                + " at "
                + size
                + " policies allocates "
                + (allocation == null ? "an unknown amount" : allocation.getScore() + " B/op"));
      }
    }
    if (results.size() != EXPECTED_RUNS) {
      problems.add("expected " + EXPECTED_RUNS + " benchmark runs, got " + results.size());
    }
    problems.forEach(p -> System.err.println("smoke: " + p));
    printTable(results);
    System.out.println(
        problems.isEmpty()
            ? "smoke: every benchmark ran; evaluate allocates nothing"
            : "smoke: failed");
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  /**
   * The smoke pass's settings, which the peer comparison's pass uses too: one fork, one warm-up and
   * two measured iterations of half a second, allocation profiled, failing on error.
   *
   * @return the options, to add a benchmark to
   */
  public static ChainedOptionsBuilder quick() {
    return new OptionsBuilder()
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(500))
        .measurementIterations(2)
        .measurementTime(TimeValue.milliseconds(500))
        .forks(1)
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true);
  }
}
