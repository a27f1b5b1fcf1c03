package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.engine.CompiledPolicies;
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
 * How low Gatehouse's end-to-end figure in {@link PeerBenchmark} could go, on its stream and its
 * host path: beside the comparison's two paths, a copy of the prepared request decided (what a new
 * request costs however it is built) and that copy with the conversions no builder can skip set
 * from the host's values ({@link Conversions}), decided, every other value taken as given for free.
 * Setup cross-checks the host path and checks both copies decide as the prepared requests.
 *
 * <p>Run: {@code java -jar benchmarks-peers/target/benchmarks-peers.jar HostFloorBenchmark -prof
 * gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
public class HostFloorBenchmark {

  private static final int MASK = 1023;

  @Param({"100", "1000", "10000"})
  public int policies;

  private Peer peer;
  private HostRequest[] hosts;
  private AccessRequest[] prepared;
  private AccessRequest.Builder copies;
  private Conversions conversions;
  private int next;

  /** Builds the workload and the engine, cross-checks the host path, and prepares the stream. */
  @Setup(Level.Trial)
  public void setUp() {
    GatehouseStream stream = GatehouseStream.of(policies, MASK + 1);
    CompiledPolicies engine = stream.engine();
    peer = stream.peer();
    hosts = stream.hosts();
    prepared = stream.prepared();
    copies = AccessRequest.builder(engine.schema());
    conversions = new Conversions(engine.schema());
    for (int i = 0; i <= MASK; i++) {
      Decision expected = engine.evaluate(prepared[i]);
      if (!engine.evaluate(copies.reset(prepared[i]).build()).equals(expected)
          || !engine.evaluate(conversions.all(copies, prepared[i], hosts[i])).equals(expected)) {
        throw new IllegalStateException("a copy of request " + i + " decides otherwise");
      }
    }
  }

  /** One decision from the stream, its request prepared before timing. */
  @Benchmark
  public Object decide() {
    return peer.decide(prepared[next++ & MASK]);
  }

  /** One decision from the stream, its request built from the host's values. */
  @Benchmark
  public Object endToEnd() {
    return peer.decide(peer.prepare(hosts[next++ & MASK]));
  }

  /** One decision on a copy of the prepared request: a new request that converts nothing. */
  @Benchmark
  public Object copyThenDecide() {
    return peer.decide(copies.reset(prepared[next++ & MASK]).build());
  }

  /** One decision on a copy with the conversions no builder can skip: this stream's floor. */
  @Benchmark
  public Object convertThenDecide() {
    int i = next++ & MASK;
    return peer.decide(conversions.all(copies, prepared[i], hosts[i]));
  }
}
