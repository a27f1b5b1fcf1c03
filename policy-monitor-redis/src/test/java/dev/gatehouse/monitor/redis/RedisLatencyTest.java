package dev.gatehouse.monitor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A bounded load test of {@code record} and {@code enrich} against a local Redis: a fixed number of
 * calls at 1 and 8 threads, printing p50, p99, throughput and Redis commands per call; first cold,
 * as a node just started, then warm, in rounds over users with 20 events each, as a node serves all
 * day. It asserts no figure but the time budget: the figures go to docs/monitor.md.
 */
final class RedisLatencyTest {

  private static final int CALLS_PER_THREAD = 500;

  /** Users of the warm rounds; each gets 20 events before the rounds start. */
  private static final int USERS = 1_000;

  private static final int WARM_ROUNDS = 6;

  private static final int WARM_CALLS = 16_000;

  /** Scheduling noise on a shared machine, on top of the budget. */
  private static final Duration SLACK = Duration.ofMillis(250);

  private static final Instant DAY = Instant.parse("2026-11-10T09:00:00Z");

  @Test
  void recordAndEnrich_fixedLoad_everyCallWithinBudgetAndFiguresPrinted() throws Exception {
    try (RedisServer server = RedisServer.start(false);
        RedisSignInStore store = store(server)) {
      SignInMonitor monitor = SignInMonitor.builder().store(store).build();
      for (int threads : new int[] {1, 8}) {
        long[] record =
            run(server, threads, CALLS_PER_THREAD, i -> monitor.record(event(i)), "record");
        AtomicInteger missed = new AtomicInteger();
        long[] enrich = run(server, threads, CALLS_PER_THREAD, enrich(monitor, missed), "enrich");
        System.out.printf(
            "enrich threads=%d past the budget, risk left out: %d%n", threads, missed.get());
        // A call past the budget returns without risk rather than waiting: nothing waits long.
        assertThat(Duration.ofNanos(enrich[enrich.length - 1]))
            .isLessThan(Duration.ofMillis(50).plus(SLACK));
        assertThat(record).hasSize(threads * CALLS_PER_THREAD);
      }
      assertThat(store.waiting()).isZero();
      assertThat(store.dropped()).isZero();
      long bytes = 0;
      for (String key : new String[] {"p", "d", "c", "f", "e"}) {
        String used = server.cli("memory", "usage", "gh:{u:user-7}:" + key, "samples", "0").trim();
        bytes += used.isEmpty() ? 0 : Long.parseLong(used);
      }
      System.out.printf(
          "redis bytes for one user with %d events: %d%n",
          store.profile("user-7").orElseThrow().history().size(), bytes);
    }
  }

  @Test
  void enrich_warmRounds_everyCallWithinBudgetAndFiguresPrinted() throws Exception {
    try (RedisServer server = RedisServer.start(false);
        RedisSignInStore store = store(server)) {
      SignInMonitor monitor = SignInMonitor.builder().store(store).build();
      run(server, 8, USERS * 20 / 8, i -> monitor.record(event(i)), "record (history)");
      AtomicInteger missed = new AtomicInteger();
      Call enrich = enrich(monitor, missed);
      for (int threads : new int[] {8, 1}) {
        int perThread = (threads == 1 ? WARM_CALLS / 4 : WARM_CALLS) / threads;
        // The first rounds run while the JIT compiles the path; the median is over the rest.
        run(server, threads, perThread, enrich, "enrich warm-up");
        run(server, threads, perThread, enrich, "enrich warm-up");
        double[] p99 = new double[WARM_ROUNDS];
        for (int round = 0; round < WARM_ROUNDS; round++) {
          long[] took = run(server, threads, perThread, enrich, "enrich warm");
          p99[round] = took[took.length * 99 / 100] / 1e6;
          assertThat(Duration.ofNanos(took[took.length - 1]))
              .isLessThan(Duration.ofMillis(50).plus(SLACK));
        }
        Arrays.sort(p99);
        System.out.printf(
            "enrich warm threads=%d p99 over %d rounds: median %.3f ms, range %.3f–%.3f ms%n",
            threads, WARM_ROUNDS, p99[WARM_ROUNDS / 2], p99[0], p99[WARM_ROUNDS - 1]);
      }
      System.out.printf("enrich warm past the budget, risk left out: %d%n", missed.get());
      assertThat(store.dropped()).isZero();
    }
  }

  private interface Call {
    void run(int i);
  }

  private static RedisSignInStore store(RedisServer server) {
    return RedisSignInStore.builder()
        .standalone(server.uri())
        .budget(Duration.ofMillis(50))
        .build();
  }

  /** An {@code enrich} that counts the calls whose risk was left out, past the budget. */
  private static Call enrich(SignInMonitor monitor, AtomicInteger missed) {
    return i -> {
      if (!monitor.enrich(request(i)).has("risk.level")) {
        missed.incrementAndGet();
      }
    };
  }

  private static long[] run(
      RedisServer server, int threads, int callsPerThread, Call call, String name)
      throws Exception {
    long commandsBefore = commands(server);
    long jvmBefore = jvmCpuNanos();
    double redisBefore = redisCpuSeconds(server);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int base = t * callsPerThread;
      futures.add(
          pool.submit(
              () -> {
                long[] took = new long[callsPerThread];
                for (int i = 0; i < callsPerThread; i++) {
                  long s = System.nanoTime();
                  call.run(base + i);
                  took[i] = System.nanoTime() - s;
                }
                return took;
              }));
    }
    long[] all = new long[0];
    for (Future<long[]> f : futures) {
      long[] took = f.get(120, TimeUnit.SECONDS);
      long[] merged = Arrays.copyOf(all, all.length + took.length);
      System.arraycopy(took, 0, merged, all.length, took.length);
      all = merged;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double jvmCpu = (jvmCpuNanos() - jvmBefore) / 1e3 / all.length;
    double redisCpu = (redisCpuSeconds(server) - redisBefore) * 1e6 / all.length;
    pool.shutdown();
    double perCall = (commands(server) - commandsBefore) / (double) all.length;
    Arrays.sort(all);
    System.out.printf(
        "%s threads=%d calls=%d p50=%.3f ms p99=%.3f ms throughput=%.0f/s commands"
            + " sent/call=%.2f cpu/call jvm=%.0f µs redis-server=%.0f µs%n",
        name,
        threads,
        all.length,
        all[all.length / 2] / 1e6,
        all[all.length * 99 / 100] / 1e6,
        all.length / seconds,
        perCall,
        jvmCpu,
        redisCpu);
    return all;
  }

  /** Returns the CPU time of this JVM, every thread and the JIT included. */
  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Returns the CPU time {@code redis-server} has used, as {@code INFO cpu} reports it. */
  private static double redisCpuSeconds(RedisServer server) throws Exception {
    Matcher m =
        Pattern.compile("used_cpu_(?:sys|user):([\\d.]+)").matcher(server.cli("info", "cpu"));
    double seconds = 0;
    while (m.find()) {
      seconds += Double.parseDouble(m.group(1));
    }
    return seconds;
  }

  /**
   * Returns the commands clients sent: scripts, stream adds and unlinks, all a standalone store
   * sends. Redis counts the commands a script runs as well, so those it runs are left out.
   */
  private static long commands(RedisServer server) throws Exception {
    Matcher m =
        Pattern.compile("cmdstat_(evalsha|eval|xadd|unlink):calls=(\\d+)")
            .matcher(server.cli("info", "commandstats"));
    long n = 0;
    while (m.find()) {
      n += Long.parseLong(m.group(2));
    }
    return n;
  }

  private static SignInEvent event(int i) {
    SignInEvent.Outcome outcome =
        i % 10 == 0 ? SignInEvent.Outcome.FAILED_CREDENTIALS : SignInEvent.Outcome.SUCCESS;
    return new SignInEvent(
        "user-" + (i % USERS),
        DAY.plusMillis(i),
        IpAddress.parse("203.0.113." + (i % 250)),
        "FR",
        "device-" + (i % 3),
        "macos",
        outcome,
        List.of(),
        List.of());
  }

  private static AccessRequest request(int i) {
    Instant time = DAY.plusMillis(i);
    return AccessRequest.builder(Schema.standard())
        .set("user.id", "user-" + (i % USERS))
        .set("request.action", "signin")
        .set("request.ip", "203.0.113." + (i % 250))
        .set("request.time", time)
        .set("device.id", "device-" + (i % 3))
        .set("location.country", "FR")
        .build();
  }
}
