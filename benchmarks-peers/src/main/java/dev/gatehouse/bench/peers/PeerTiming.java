package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.engine.CompiledPolicies;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Where Gatehouse's end-to-end time in {@link PeerBenchmark} goes beyond the decision, timed by the
 * thread's CPU time on the same stream of 1,024 requests, for a machine shared with other work.
 * Beside the comparison's two paths and building alone, five paths show how low building could go:
 * deciding a new request that converts nothing (a copy of the prepared one, {@code
 * reset(prepared).build()}: what a new request costs however it is built); deciding such a copy
 * with its address set from the host's text, or with every value a request keeps in another form
 * than the host's set from the host's (the address, risk level, factors and both instants: the
 * conversions no builder can skip, every other value taken as given for free); and deciding the
 * prepared request after reading, building nothing, every host value the builder looks into (the
 * characters of the address, action and risk level, of each role and factor, and both instants) or
 * only those the conversions read. Rounds of each path take turns in one JVM; the lowest round per
 * path is printed, with its ratio to the decision.
 *
 * <p>Run: {@code java -cp benchmarks-peers/target/benchmarks-peers.jar
 * dev.gatehouse.bench.peers.PeerTiming [policies...]}
 */
public final class PeerTiming {

  private static final int MASK = 1023;
  private static final int OPS = 100_000;
  private static final int ROUNDS = 15;

  /** Where each result goes, so that no path can be optimised away. */
  static Object last;

  static int touched;

  private PeerTiming() {}

  /** Times each path at each size given (100, 1,000 and 10,000 policies by default). */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {100, 1_000, 10_000} : parse(args);
    for (int size : sizes) {
      GatehouseStream stream = GatehouseStream.of(size, MASK + 1);
      CompiledPolicies engine = stream.engine();
      Peer peer = stream.peer();
      HostRequest[] hosts = stream.hosts();
      AccessRequest[] prepared = stream.prepared();
      AccessRequest.Builder copies = AccessRequest.builder(engine.schema());
      Map<String, IntFunction<Object>> paths = new LinkedHashMap<>();
      paths.put("decide", i -> peer.decide(prepared[i & MASK]));
      paths.put("endToEnd", i -> peer.decide(peer.prepare(hosts[i & MASK])));
      paths.put("prepare", i -> peer.prepare(hosts[i & MASK]));
      paths.put("copyThenDecide", i -> peer.decide(copies.reset(prepared[i & MASK]).build()));
      Conversions conversions = new Conversions(engine.schema());
      paths.put(
          "copyAddressThenDecide",
          i -> peer.decide(conversions.address(copies, prepared[i & MASK], hosts[i & MASK])));
      paths.put(
          "copyConvertThenDecide",
          i -> peer.decide(conversions.all(copies, prepared[i & MASK], hosts[i & MASK])));
      paths.put(
          "readThenDecide",
          i -> {
            touched += read(hosts[i & MASK]);
            return peer.decide(prepared[i & MASK]);
          });
      paths.put(
          "readTextThenDecide",
          i -> {
            touched += readText(hosts[i & MASK]);
            return peer.decide(prepared[i & MASK]);
          });
      Map<String, Double> best = new LinkedHashMap<>();
      for (int round = 0; round < ROUNDS; round++) {
        for (Map.Entry<String, IntFunction<Object>> path : paths.entrySet()) {
          best.merge(path.getKey(), cpuNanosPerOp(path.getValue()), Math::min);
        }
      }
      double decide = best.get("decide");
      best.forEach(
          (name, ns) ->
              System.out.printf(
                  "policies=%d %-21s %7.0f ns/op (cpu) %5.2fx decide%n",
                  size, name, ns, ns / decide));
    }
  }

  /**
   * Touches what the host path's builder reads of a request, setting the attributes the policies
   * read, and nothing it stores as given.
   */
  private static int read(HostRequest h) {
    int sum = chars(h.ip()) + chars(h.action()) + chars(h.riskLevel());
    sum += chars(h.roles()) + chars(h.authMethods());
    return sum + instant(h.time()) + instant(h.authTime());
  }

  /**
   * Touches only what no builder could store as given, since the request keeps another form of it:
   * the address, risk level and factors as text, both instants.
   */
  private static int readText(HostRequest h) {
    int sum = chars(h.ip()) + chars(h.riskLevel()) + chars(h.authMethods());
    return sum + instant(h.time()) + instant(h.authTime());
  }

  private static int chars(@Nullable String s) {
    int sum = 0;
    if (s != null) {
      for (int i = 0; i < s.length(); i++) {
        sum += s.charAt(i);
      }
    }
    return sum;
  }

  private static int chars(@Nullable List<String> list) {
    int sum = 0;
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        sum += chars(list.get(i));
      }
    }
    return sum;
  }

  private static int instant(@Nullable Instant t) {
    return t == null ? 0 : (int) t.getEpochSecond() + t.getNano();
  }

  private static double cpuNanosPerOp(IntFunction<Object> path) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long start = bean.getCurrentThreadCpuTime();
    for (int i = 0; i < OPS; i++) {
      last = path.apply(i);
    }
    return (double) (bean.getCurrentThreadCpuTime() - start) / OPS;
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }
}
