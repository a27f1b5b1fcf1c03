package dev.gatehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ConcurrencyTest {

  @Test
  void record_manyThreadsOneUser_noEventLost() throws Exception {
    SignInMonitor monitor = Histories.monitor();
    int threads = 4;
    int perThread = 5_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * perThread;
        futures.add(pool.submit(() -> recordAndEnrich(monitor, offset, perThread)));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    UserProfile alice = monitor.profile("alice").orElseThrow();
    assertThat(alice.trustedSignIns()).isEqualTo(threads * perThread);
    assertThat(alice.history()).hasSize(MemoryLimits.defaults().eventsPerUser());
    for (int i = 0; i < threads; i++) {
      assertThat(alice.knowsDevice("device-" + i)).isTrue();
    }
  }

  private static void recordAndEnrich(SignInMonitor monitor, int offset, int count) {
    for (int i = 0; i < count; i++) {
      Instant time = Histories.DAY_ONE.plusSeconds(offset + i);
      String device = "device-" + offset / count;
      monitor.record(
          Histories.event("alice", time, Histories.PARIS, device, SignInEvent.Outcome.SUCCESS));
      AccessRequest enriched =
          monitor.enrich(Histories.signIn("alice", time, Histories.PARIS, device));
      assertThat(enriched.has("risk.level")).isTrue();
    }
  }
}
