package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.internal.SignalDetector;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link SignInMonitor}; {@link #build()} checks every setting at once, names each bad
 * value, and leaves the builder reusable.
 *
 * <p>Defaults: failures count over 15 minutes, 5 for a user or 20 from one address fire a signal,
 * new device, new country and unusual hour wait for 3 trusted sign-ins, travel faster than 900 km/h
 * over more than 100 km is impossible, hours are counted in UTC.
 */
public final class SignInMonitorBuilder {

  private @Nullable SignInStore store;
  private @Nullable MemoryLimits limits;
  private IpLocator locator = IpLocator.none();
  private List<IpNetwork> blocklist = List.of();
  private RiskScorer scorer = RiskScorer.defaults();
  private Duration failureWindow = Duration.ofMinutes(15);
  private int userFailureThreshold = 5;
  private int ipFailureThreshold = 20;
  private int learningSignIns = 3;
  private double maxSpeedKmh = 900;
  private double minTravelKm = 100;
  private ZoneId zone = ZoneOffset.UTC;
  private Clock clock = Clock.systemUTC();
  private UserIdNormalizer normalizer = UserIdNormalizer.standard();
  private FailurePrefixes prefixes = FailurePrefixes.defaults();
  private java.nio.file.@Nullable Path journal;
  private long journalBytes;

  SignInMonitorBuilder() {}

  /**
   * Records into {@code store} instead of a new in-memory store.
   *
   * @param store the store, which must count hours in this builder's {@link #zone(ZoneId)}
   * @return this builder
   */
  public SignInMonitorBuilder store(SignInStore store) {
    this.store = requireNonNull(store, "store");
    return this;
  }

  /**
   * Sets the bounds of the in-memory store the monitor creates.
   *
   * @param limits the memory bounds
   * @return this builder
   */
  public SignInMonitorBuilder memoryLimits(MemoryLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    return this;
  }

  /**
   * Sets how client addresses are located, for countries and impossible travel.
   *
   * @param locator the locator
   * @return this builder
   */
  public SignInMonitorBuilder locator(IpLocator locator) {
    this.locator = requireNonNull(locator, "locator");
    return this;
  }

  /**
   * Sets the networks whose addresses fire {@code blocked_ip}.
   *
   * @param networks the networks
   * @return this builder
   */
  public SignInMonitorBuilder blocklist(Collection<IpNetwork> networks) {
    this.blocklist = List.copyOf(networks);
    return this;
  }

  /**
   * Sets the weights and thresholds.
   *
   * @param scorer the scorer
   * @return this builder
   */
  public SignInMonitorBuilder scorer(RiskScorer scorer) {
    this.scorer = requireNonNull(scorer, "scorer");
    return this;
  }

  /**
   * Sets how far back failed sign-ins count.
   *
   * @param window the window, positive
   * @return this builder
   */
  public SignInMonitorBuilder failureWindow(Duration window) {
    this.failureWindow = requireNonNull(window, "window");
    return this;
  }

  /**
   * Sets how many failures for a user and from one address fire their signals.
   *
   * @param perUser failures for a user, at least 1
   * @param perAddress failures from one address, at least 1
   * @return this builder
   */
  public SignInMonitorBuilder failureThresholds(int perUser, int perAddress) {
    this.userFailureThreshold = perUser;
    this.ipFailureThreshold = perAddress;
    return this;
  }

  /**
   * Sets how many trusted sign-ins a user needs before new device, new country and unusual hour
   * fire; until then everything about the user is new and says nothing.
   *
   * @param signIns the learning period, at least 0
   * @return this builder
   */
  public SignInMonitorBuilder learningSignIns(int signIns) {
    this.learningSignIns = signIns;
    return this;
  }

  /**
   * Sets the fastest plausible travel and the shortest distance that counts as travel.
   *
   * @param kmPerHour the speed limit, positive
   * @param minimumKm distances below this are geolocation noise, at least 0
   * @return this builder
   */
  public SignInMonitorBuilder travel(double kmPerHour, double minimumKm) {
    this.maxSpeedKmh = kmPerHour;
    this.minTravelKm = minimumKm;
    return this;
  }

  /**
   * Sets the zone in which hours of day are counted.
   *
   * @param zone the zone
   * @return this builder
   */
  public SignInMonitorBuilder zone(ZoneId zone) {
    this.zone = requireNonNull(zone, "zone");
    return this;
  }

  /**
   * Sets the clock that dates requests without {@code request.time}.
   *
   * @param clock the clock
   * @return this builder
   */
  public SignInMonitorBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Sets how user ids are canonicalised before the history is read or written; the default is
   * {@link UserIdNormalizer#standard()}.
   *
   * @param normalizer the normaliser
   * @return this builder
   */
  public SignInMonitorBuilder userIds(UserIdNormalizer normalizer) {
    this.normalizer = requireNonNull(normalizer, "normalizer");
    return this;
  }

  /**
   * Sets the networks over which the in-memory store the monitor creates counts failures besides
   * the address; a store passed to {@link #store} counts over its own.
   *
   * @param prefixes the prefixes
   * @return this builder
   */
  public SignInMonitorBuilder failurePrefixes(FailurePrefixes prefixes) {
    this.prefixes = requireNonNull(prefixes, "prefixes");
    return this;
  }

  /**
   * Journals the events of the in-memory store the monitor creates to {@code file} and rebuilds it
   * from there at {@link #build()}, see {@link SignInJournal}.
   *
   * @param file the journal file
   * @param maxBytes the size at which it is rotated, at least 1024
   * @return this builder
   */
  public SignInMonitorBuilder journal(java.nio.file.Path file, long maxBytes) {
    this.journal = requireNonNull(file, "file");
    this.journalBytes = maxBytes;
    return this;
  }

  /**
   * {@return the monitor}
   *
   * @throws IllegalArgumentException naming every setting that is out of range
   * @throws IllegalStateException if both a store and memory limits were set, or a store and a
   *     journal
   * @throws java.io.UncheckedIOException if the journal cannot be read or opened
   */
  public SignInMonitor build() {
    if (store != null && limits != null) {
      throw new IllegalStateException("set either a store or memory limits, not both");
    }
    if (store != null && journal != null) {
      throw new IllegalStateException("a journal is for the in-memory store, not a given store");
    }
    MemoryLimits bounds = limits != null ? limits : MemoryLimits.defaults();
    List<String> problems = new ArrayList<>();
    if (failureWindow.isNegative() || failureWindow.isZero()) {
      problems.add("failure window " + failureWindow + " is not positive");
    }
    threshold(problems, "user", userFailureThreshold, store == null ? bounds : null);
    threshold(problems, "address", ipFailureThreshold, store == null ? bounds : null);
    if (learningSignIns < 0) {
      problems.add("learning sign-ins " + learningSignIns + " is negative");
    }
    if (!(maxSpeedKmh > 0) || Double.isInfinite(maxSpeedKmh)) {
      problems.add("travel speed " + maxSpeedKmh + " km/h is not a positive number");
    }
    if (!(minTravelKm >= 0) || Double.isInfinite(minTravelKm)) {
      problems.add("travel distance " + minTravelKm + " km is not a number at least 0");
    }
    if (journal != null && journalBytes < 1024) {
      problems.add("journal size " + journalBytes + " is below 1024 bytes");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    SignInStore target = store != null ? store : SignInStore.inMemory(bounds, zone, prefixes);
    if (journal != null) {
      try {
        target = SignInJournal.open(journal, journalBytes, target, locator);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot open journal `" + journal + "`", e);
      }
    }
    SignalDetector.Settings settings =
        new SignalDetector.Settings(
            failureWindow,
            userFailureThreshold,
            ipFailureThreshold,
            learningSignIns,
            maxSpeedKmh,
            minTravelKm,
            zone,
            blocklist);
    return new SignInMonitor(target, locator, scorer, settings, clock, normalizer);
  }

  private static void threshold(
      List<String> problems, String what, int value, @Nullable MemoryLimits bounds) {
    if (value < 1) {
      problems.add(what + " failure threshold " + value + " is below 1");
    } else if (bounds != null && value > bounds.failuresPerKey()) {
      problems.add(
          what
              + " failure threshold "
              + value
              + " exceeds the "
              + bounds.failuresPerKey()
              + " failure times kept per key");
    }
  }
}
