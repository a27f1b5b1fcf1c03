package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.decisionlog.AsyncDecisionLogSink;
import dev.gatehouse.decisionlog.DecisionLogFormat;
import dev.gatehouse.decisionlog.DecisionLogger;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.metrics.MeteredEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What counting and logging decisions costs the deciding thread: the workload of {@link
 * EvaluateBenchmark} decided through a bare {@link PolicyEngineHolder}, through a {@link
 * MeteredEngine} on a Prometheus registry ({@code metrics=on}: decisions by effect and reason, the
 * shared-decision cache's meters and the ten policies that matched most), and through a {@link
 * DecisionLogger} whose {@link AsyncDecisionLogSink} formats on its own thread and drops when
 * behind ({@code log=on}, every PERMIT logged).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MeteredEvaluateBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MeteredEvaluateBenchmark {

  private static final int MASK = 1023;

  @Param({"10000"})
  public int policies;

  /** {@code on} counts; {@code timed} also times one decision in 64. */
  @Param({"off", "on"})
  public String metrics;

  @Param({"off", "on"})
  public String log;

  private PolicyEngineHolder holder;
  private Function<AccessRequest, Decision> decide;
  private DecisionLogger logger;
  private AsyncDecisionLogSink sink;
  private AccessRequest[] stream;
  private AccessRequest one;
  private int next;

  /** Builds the workload and answers every request once so leaves are shared. */
  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.generate(policies, 42);
    holder = new PolicyEngineHolder(PolicyEngine.compile(workload.policies()));
    decide = holder::evaluate;
    if (metrics.equals("timed") || on("metrics", metrics)) {
      MeteredEngine metered =
          MeteredEngine.builder(holder, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .sampleEvery(metrics.equals("timed") ? 64 : 0)
              .topPolicies(10)
              .build();
      decide = metered::evaluate;
    }
    if (on("log", log)) {
      sink = AsyncDecisionLogSink.create(DecisionLogFormat.defaults(), line -> {}, 8192);
      logger = DecisionLogger.builder(holder, sink).decider(decide).build();
    }
    stream = workload.requests(holder.current(), MASK + 1);
    for (AccessRequest r : stream) {
      holder.evaluate(r);
    }
    one =
        java.util.Arrays.stream(stream)
            .filter(r -> r.value("request.action").orElse("").equals("access"))
            .filter(r -> holder.evaluate(r).isPermitted())
            .findFirst()
            .orElseThrow();
  }

  private static boolean on(String name, String value) {
    if (!value.equals("on") && !value.equals("off")) {
      throw new IllegalArgumentException(name + " must be `on` or `off`, not `" + value + "`");
    }
    return value.equals("on");
  }

  /** Stops the log's thread so it does not run into the next trial. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (sink != null) {
      sink.close();
    }
  }

  private Decision decide(AccessRequest request) {
    return logger == null ? decide.apply(request) : logger.evaluate(request).decision();
  }

  /** One permitted access, again and again: the shared-decision path. */
  @Benchmark
  public Decision evaluateOne() {
    return decide(one);
  }

  /** A stream of 1,024 different requests. */
  @Benchmark
  public Decision evaluateStream() {
    return decide(stream[next++ & MASK]);
  }
}
