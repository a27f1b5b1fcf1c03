package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.bench.Workload;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
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
 * Gatehouse side by side with its baseline and peers on the same generated work: a stream of 1,024
 * {@code access} requests, each engine answering from its own translation of the policy set. Before
 * timing, every engine must give Gatehouse's answer to its question on {@code checked} access
 * requests (10,000 unless set; the stream among them), or the trial fails: {@code gatehouse} and
 * {@code reference} the whole decision, {@code cel} the effect, {@code jcasbin}, {@code sapl} and
 * {@code cedar} assignment and network (see {@link Question}).
 *
 * <p>Two figures per engine: {@link #endToEnd} from what a host holds ({@link HostRequest}:
 * strings, lists, the address as text) to the decision, turning it into the engine's input on every
 * call as a host must; {@link #decide} on inputs prepared before timing.
 *
 * <p>Run: {@code java -jar benchmarks-peers/target/benchmarks-peers.jar PeerBenchmark -p engine=cel
 * -p policies=1000 -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// SAPL's canonical index walks its predicate tree recursively, deeper than the default stack on
// 1,000 policies and more. A -jvmArgsAppend on the command line replaces these: repeat -Xss64m.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-Xss64m"})
public class PeerBenchmark {

  private static final int MASK = 1023;

  @Param({"gatehouse", "plain-java", "reference", "cel", "jcasbin", "sapl", "cedar"})
  public String engine;

  @Param({"100", "1000", "10000", "100000"})
  public int policies;

  /** How many access requests the cross-check compares, at least the 1,024 of the stream. */
  @Param({"10000"})
  public int checked;

  private Peer peer;
  private HostRequest[] hosts;
  private Object[] stream;
  private int next;

  /** Builds the workload and the engine, cross-checks it, and prepares the stream. */
  @Setup(Level.Trial)
  public void setUp() {
    Workload workload = Workload.generate(policies, 42);
    PolicySet set = workload.policies();
    CompiledPolicies compiled = PolicyEngine.compile(set);
    if (checked <= MASK) {
      throw new IllegalArgumentException(
          "the cross-check covers the timed stream: checked must"
              + " be at least "
              + (MASK + 1)
              + ", not "
              + checked);
    }
    AccessRequest[] requests = Peers.accessRequests(workload, compiled, checked);
    peer = Peers.create(engine, set, compiled);
    CrossCheck.verify(compiled, peer, requests);
    hosts = new HostRequest[MASK + 1];
    stream = new Object[MASK + 1];
    for (int i = 0; i < stream.length; i++) {
      hosts[i] = HostRequest.of(requests[i]);
      stream[i] = peer.prepare(hosts[i]);
    }
  }

  /** One decision from the stream, its input prepared before timing. */
  @Benchmark
  public Object decide() {
    return peer.decide(stream[next++ & MASK]);
  }

  /** One decision from the stream, from the host's strings: the input is built, then decided. */
  @Benchmark
  public Object endToEnd() {
    return peer.decide(peer.prepare(hosts[next++ & MASK]));
  }
}
