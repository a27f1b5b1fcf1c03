package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.monitor.CsvIpLocator;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sign-in monitoring: recording an attempt, and enriching a request with risk from the history,
 * over 100,000 users whose history the setup fills first.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar MonitorBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MonitorBenchmark {

  private static final int USERS = 100_000;
  private static final int MASK = (1 << 16) - 1;
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final String[] ADDRESSES = {"203.0.113.7", "198.51.100.20", "2001:db8:10::5"};

  private SignInMonitor monitor;
  private SignInEvent[] events;
  private AccessRequest[] requests;
  private int next;

  /** Builds the monitor and teaches it a history: several sign-ins for every user. */
  @Setup(Level.Trial)
  public void setUp() {
    monitor =
        SignInMonitor.builder()
            .locator(
                CsvIpLocator.parse(
                    "geo.csv",
                    List.of(
                        "203.0.113.0/24,FR,48.86,2.35",
                        "2001:db8:10::/48,DE,52.52,13.40",
                        "198.51.100.0/24,JP,35.68,139.69")))
            .build();
    SignInEvent.Outcome[] outcomes = SignInEvent.Outcome.values();
    events = new SignInEvent[MASK + 1];
    requests = new AccessRequest[MASK + 1];
    for (int i = 0; i <= MASK; i++) {
      events[i] =
          new SignInEvent(
              "user-" + (i * 7919 % USERS),
              T0.plusSeconds(i),
              IpAddress.parse(ADDRESSES[i % 3]),
              null,
              "device-" + (i % 5),
              "linux",
              outcomes[i % outcomes.length],
              List.of(),
              List.of());
      requests[i] =
          AccessRequest.builder(Schema.standard())
              .set("user.id", "user-" + (i * 104_729 % USERS))
              .set("request.action", "signin")
              .set("request.ip", ADDRESSES[i % 3])
              .set("request.time", T0.plusSeconds(MASK + i))
              .set("device.id", "device-" + (i % 6))
              .set("auth.methods", Set.of("password"))
              .build();
    }
    for (int round = 0; round < 4; round++) {
      for (SignInEvent e : events) {
        monitor.record(e);
      }
    }
  }

  /** Records one attempt. */
  @Benchmark
  public SignInMonitor record() {
    monitor.record(events[next++ & MASK]);
    return monitor;
  }

  /** Returns a request with {@code risk.*} and {@code device.known} filled in. */
  @Benchmark
  public AccessRequest enrich() {
    return monitor.enrich(requests[next++ & MASK]);
  }
}
