package dev.gatehouse.bench;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * Measures the memory a compiled set retains, per policy: heap used after a full collection with
 * the set and its compiled form held, minus before. Includes the policy model itself, which the
 * compiled form keeps for explanations.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gatehouse.bench.Footprint 100000}
 */
public final class Footprint {

  private Footprint() {}

  /** Prints bytes per policy for each size given (default 100,000). */
  public static void main(String[] args) {
    int[] sizes =
        args.length == 0
            ? new int[] {100_000}
            : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int size : sizes) {
      long empty = settledHeap();
      PolicySet set = Workload.generate(size, 42).policies();
      long withModel = settledHeap();
      CompiledPolicies compiled = PolicyEngine.compile(set);
      long withCompiled = settledHeap();
      System.out.printf(
          "%d policies: model %d B/policy, compiled structure %d B/policy%n",
          size, (withModel - empty) / size, (withCompiled - withModel) / size);
      Reference.reachabilityFence(compiled);
      Reference.reachabilityFence(set);
    }
  }

  private static long settledHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
