package dev.gatehouse.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The machine's memory, not the engine: the time of one load that depends on the previous one, over
 * a random cycle through a block of {@code kib} KiB, one cache line per step. Where this jumps as
 * the block grows is the size past which a structure no longer stays in cache, and the jump is what
 * each further line an evaluation touches costs there; it explains the figures of {@code
 * EvaluateBenchmark.evaluateStream} on this machine.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MemoryLatencyBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MemoryLatencyBenchmark {

  private static final int STEPS = 1024;

  /** Ints per 64-byte cache line: each step lands on another line. */
  private static final int LINE = 16;

  @Param({"256", "1024", "2048", "3072", "4096", "16384", "65536"})
  public int kib;

  private int[] next;
  private int at;

  /** Links the lines of the block, shuffled, into one cycle. */
  @Setup(Level.Trial)
  public void setUp() {
    int lines = kib * 1024 / 64;
    int[] order = new int[lines];
    for (int i = 0; i < lines; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = lines - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    next = new int[lines * LINE];
    for (int i = 0; i < lines; i++) {
      next[order[i] * LINE] = order[(i + 1) % lines] * LINE;
    }
  }

  /** Follows the cycle for {@value #STEPS} steps; reported per step. */
  @Benchmark
  @OperationsPerInvocation(STEPS)
  public int dependentLoad() {
    int p = at;
    for (int i = 0; i < STEPS; i++) {
      p = next[p];
    }
    at = p;
    return p;
  }
}
