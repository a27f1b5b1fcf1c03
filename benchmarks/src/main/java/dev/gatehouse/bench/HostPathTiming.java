package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The {@link HostPathBenchmark} paths timed by the thread's CPU time rather than the wall clock,
 * for a machine shared with other work: a thread that is descheduled is not charged for the time it
 * waits. Rounds of each path take turns; the lowest round per path is printed.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gatehouse.bench.HostPathTiming
 * [policies...]}
 */
public final class HostPathTiming {

  private static final int OPS = 100_000;
  private static final int ROUNDS = 15;

  /** Where each result goes, so that no path can be optimised away. */
  static Object last;

  private HostPathTiming() {}

  /** Times each path at each size given (100, 1,000 and 10,000 policies by default). */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {100, 1_000, 10_000} : parse(args);
    for (int size : sizes) {
      HostPathBenchmark.Inputs in = new HostPathBenchmark.Inputs();
      in.policies = size;
      in.ring = 4_096;
      in.setUp();
      AccessRequest.Builder builder = AccessRequest.builder(in.schema);
      Map<String, IntFunction<Object>> paths = new LinkedHashMap<>();
      paths.put("decide", i -> in.engine.evaluate(in.built[i & in.mask]));
      paths.put("decideOriginal", i -> in.engine.evaluate(in.original[i & in.mask]));
      paths.put(
          "endToEnd",
          i -> in.engine.evaluate(in.raw[i & in.mask].build(builder.reset(), in.handles)));
      paths.put(
          "endToEndByName", i -> in.engine.evaluate(in.raw[i & in.mask].buildByName(in.schema)));
      paths.put(
          "endToEndSession",
          i ->
              in.engine.evaluate(
                  in.raw[i & in.mask].buildFromSession(
                      builder, in.handles, in.sessions[i & in.mask])));
      paths.put("build", i -> in.raw[i & in.mask].build(builder.reset(), in.handles));
      paths.put(
          "buildSession",
          i -> in.raw[i & in.mask].buildFromSession(builder, in.handles, in.sessions[i & in.mask]));
      paths.put("buildByName", i -> in.raw[i & in.mask].buildByName(in.schema));
      paths.put("decideUncached", i -> in.engine.evaluate(in.builtUncached[i & in.mask]));
      paths.put(
          "endToEndUncached",
          i -> in.engine.evaluate(in.rawUncached[i & in.mask].build(builder.reset(), in.handles)));
      Map<String, Double> best = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (Map.Entry<String, IntFunction<Object>> path : paths.entrySet()) {
          double ns = cpuNanosPerOp(path.getValue());
          best.merge(path.getKey(), ns, Math::min);
        }
      }
      best.forEach(
          (name, ns) -> System.out.printf("policies=%d %-18s %8.0f ns/op (cpu)%n", size, name, ns));
    }
  }

  private static double cpuNanosPerOp(IntFunction<Object> path) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long start = bean.getCurrentThreadCpuTime();
    for (int i = 0; i < OPS; i++) {
      last = path.apply(i);
    }
    long cpu = bean.getCurrentThreadCpuTime() - start;
    return (double) cpu / OPS;
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }
}
