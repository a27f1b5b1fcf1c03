package dev.gatehouse.monitor;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Indicative timings of {@link SignInMonitor#record} and {@link SignInMonitor#enrich}, run by hand;
 * a plain timed loop, not JMH, so the figures are rough. Run from {@code policy-monitor} after
 * {@code mvn test-compile}:
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:<dependencies> dev.gatehouse.monitor.MonitorTiming
 * }</pre>
 */
final class MonitorTiming {

  private static final int USERS = 100_000;
  private static final int MASK = (1 << 16) - 1;
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private MonitorTiming() {}

  public static void main(String[] args) {
    SignInMonitor monitor = SignInMonitor.builder().locator(Histories.LOCATOR).build();
    SignInEvent[] events = events();
    AccessRequest[] requests = requests();
    long[] recordNs = new long[5];
    long[] enrichNs = new long[5];
    long sink = 0;
    for (int round = 0; round < 5 + 2; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < 500_000; i++) {
        monitor.record(events[i & MASK]);
      }
      long recorded = System.nanoTime();
      for (int i = 0; i < 500_000; i++) {
        sink += monitor.enrich(requests[i & MASK]).schema().size();
      }
      long enriched = System.nanoTime();
      if (round >= 2) {
        recordNs[round - 2] = (recorded - start) / 500_000;
        enrichNs[round - 2] = (enriched - recorded) / 500_000;
      }
    }
    Arrays.sort(recordNs);
    Arrays.sort(enrichNs);
    System.out.printf(
        Locale.ROOT,
        "record: median %d ns/op (min %d, max %d); enrich: median %d ns/op (min %d, max %d)"
            + " [%d]%n",
        recordNs[2],
        recordNs[0],
        recordNs[4],
        enrichNs[2],
        enrichNs[0],
        enrichNs[4],
        sink & 1);
  }

  private static SignInEvent[] events() {
    SignInEvent.Outcome[] outcomes = SignInEvent.Outcome.values();
    SignInEvent[] events = new SignInEvent[MASK + 1];
    for (int i = 0; i < events.length; i++) {
      IpAddress ip = IpAddress.parse(i % 3 == 0 ? Histories.PARIS : "198.51.100." + (i % 200));
      events[i] =
          new SignInEvent(
              "user-" + (i * 7919 % USERS),
              T0.plusSeconds(i),
              ip,
              null,
              "device-" + (i % 5),
              "linux",
              outcomes[i % outcomes.length],
              List.of(),
              List.of());
    }
    return events;
  }

  private static AccessRequest[] requests() {
    AccessRequest[] requests = new AccessRequest[MASK + 1];
    for (int i = 0; i < requests.length; i++) {
      requests[i] =
          AccessRequest.builder(Schema.standard())
              .set("user.id", "user-" + (i * 104_729 % USERS))
              .set("request.action", "signin")
              .set("request.ip", i % 2 == 0 ? Histories.PARIS : Histories.TOKYO)
              .set("request.time", T0.plusSeconds(MASK + i))
              .set("device.id", "device-" + (i % 6))
              .set("auth.methods", Set.of("password"))
              .build();
    }
    return requests;
  }
}
