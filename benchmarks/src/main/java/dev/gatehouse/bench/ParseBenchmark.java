package dev.gatehouse.bench;

import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicyDsl;
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
 * Parse and validate a generated policy file: lexing, parsing, name resolution, type checks,
 * warnings and lowering to a policy set.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParseBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class ParseBenchmark {

  @Param({"100", "1000", "10000"})
  public int policies;

  private String text;

  /** Writes the generated set as text once. */
  @Setup(Level.Trial)
  public void setUp() {
    text = Workload.generate(policies, 42).text();
  }

  /** Parses and validates the text. */
  @Benchmark
  public ParseResult parse() {
    ParseResult result = PolicyDsl.parse("workload.policy", text);
    if (result.hasErrors()) {
      throw new IllegalStateException(result.render());
    }
    return result;
  }
}
