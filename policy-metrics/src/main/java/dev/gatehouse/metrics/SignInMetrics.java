package dev.gatehouse.metrics;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.RiskAssessment;
import dev.gatehouse.monitor.RiskSignal;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.SignalKind;
import dev.gatehouse.monitor.UserProfile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Meters for the sign-in monitor: {@code gatehouse.signins} by {@code outcome}, {@code
 * gatehouse.signals} by {@code signal}, and the store's {@code gatehouse.store.latency} and {@code
 * gatehouse.store.errors} by {@code operation} ({@code record}, {@code profile}, {@code
 * ip_failures}, {@code scan}).
 *
 * <pre>{@code
 * SignInMetrics meters = SignInMetrics.register(registry);
 * SignInMonitor monitor = SignInMonitor.builder().store(meters.meter(store)).build();
 * RiskAssessment risk = meters.assessed(monitor.assess(request));
 * }</pre>
 *
 * <p>Needs {@code policy-monitor} on the class path; the rest of this module does not. Instances
 * are thread-safe.
 */
public final class SignInMetrics {

  private static final SignInEvent.Outcome[] OUTCOMES = SignInEvent.Outcome.values();
  private static final SignalKind[] SIGNALS = SignalKind.values();

  private final Counter[] signIns = new Counter[OUTCOMES.length];
  private final Counter[] signals = new Counter[SIGNALS.length];
  private final Operation record;
  private final Operation profile;
  private final Operation ipFailures;
  private final Operation scan;

  private SignInMetrics(MeterRegistry registry) {
    for (SignInEvent.Outcome outcome : OUTCOMES) {
      signIns[outcome.ordinal()] =
          Counter.builder("gatehouse.signins")
              .description("sign-in events recorded, by outcome")
              .tag("outcome", outcome.id())
              .register(registry);
    }
    for (SignalKind signal : SIGNALS) {
      signals[signal.ordinal()] =
          Counter.builder("gatehouse.signals")
              .description("risk signals raised by assessments, by signal")
              .tag("signal", signal.id())
              .register(registry);
    }
    record = new Operation(registry, "record");
    profile = new Operation(registry, "profile");
    ipFailures = new Operation(registry, "ip_failures");
    scan = new Operation(registry, "scan");
  }

  /**
   * Registers the sign-in meters in {@code registry}.
   *
   * @param registry where the meters go
   * @return the meters
   */
  public static SignInMetrics register(MeterRegistry registry) {
    return new SignInMetrics(requireNonNull(registry, "registry"));
  }

  /**
   * Counts the signals of {@code assessment} and returns it.
   *
   * @param assessment an assessment from the monitor
   * @return {@code assessment}
   */
  public RiskAssessment assessed(RiskAssessment assessment) {
    for (RiskSignal signal : assessment.signals()) {
      signals[signal.signal().ordinal()].increment();
    }
    return assessment;
  }

  /**
   * Returns {@code store} counting each recorded event by outcome and timing every call; a call
   * that throws is counted as an error and the exception propagates unchanged.
   *
   * @param store the store to meter
   * @return the metered store
   */
  public SignInStore meter(SignInStore store) {
    requireNonNull(store, "store");
    return new SignInStore() {
      @Override
      public void record(SignInEvent event, @Nullable Location location) {
        record.run(
            () -> {
              store.record(event, location);
              return null;
            });
        signIns[event.outcome().ordinal()].increment();
      }

      @Override
      public Optional<UserProfile> profile(String userId) {
        return profile.run(() -> store.profile(userId));
      }

      @Override
      public int ipFailuresBetween(IpAddress ip, Instant from, Instant to) {
        return ipFailures.run(() -> store.ipFailuresBetween(ip, from, to));
      }

      @Override
      public void forEachEvent(Consumer<? super SignInEvent> action) {
        scan.run(
            () -> {
              store.forEachEvent(action);
              return null;
            });
      }

      @Override
      public String toString() {
        return "metered " + store;
      }
    };
  }

  /** The timer and error counter of one store operation. */
  private static final class Operation {
    private final Timer latency;
    private final Counter errors;

    Operation(MeterRegistry registry, String name) {
      latency =
          Timer.builder("gatehouse.store.latency")
              .description("time spent in sign-in store calls, by operation")
              .tag("operation", name)
              .register(registry);
      errors =
          Counter.builder("gatehouse.store.errors")
              .description("sign-in store calls that threw, by operation")
              .tag("operation", name)
              .register(registry);
    }

    <T> T run(Supplier<T> call) {
      long start = System.nanoTime();
      try {
        return call.get();
      } catch (RuntimeException e) {
        errors.increment();
        throw e;
      } finally {
        latency.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }
  }
}
