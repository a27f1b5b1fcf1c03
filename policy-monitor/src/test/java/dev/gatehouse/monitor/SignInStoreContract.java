package dev.gatehouse.monitor;

import static dev.gatehouse.monitor.Histories.BERLIN;
import static dev.gatehouse.monitor.Histories.PARIS;
import static dev.gatehouse.monitor.Histories.PARIS_OTHER;
import static dev.gatehouse.monitor.Histories.TOKYO;
import static dev.gatehouse.monitor.Histories.dayEleven;
import static dev.gatehouse.monitor.Histories.event;
import static dev.gatehouse.monitor.Histories.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignInStore} must do, seen through a {@link SignInMonitor}: each store's test
 * extends this class, so a monitor cannot tell the stores apart. Public because the shared stores'
 * tests live in other packages and modules.
 */
public abstract class SignInStoreContract {

  /**
   * Returns a new, empty store within {@code limits}, counting failures over {@code prefixes}.
   *
   * @param limits the bounds
   * @param prefixes the failure networks
   * @return a new, empty store
   */
  protected abstract SignInStore newStore(MemoryLimits limits, FailurePrefixes prefixes);

  /**
   * Returns how many made-up ids the flooding test fails for, three times each, against a bound of
   * a third as many users: 1,500 by default, where a single W-TinyLFU cache of users (as the
   * in-memory store had) evicts an established profile. A store that evicts in strict order of the
   * last event may use fewer.
   *
   * @return how many made-up ids the flooding test uses
   */
  protected int floodIds() {
    return 1_500;
  }

  private SignInMonitor monitor(MemoryLimits limits) {
    return Histories.monitor(newStore(limits, FailurePrefixes.defaults()));
  }

  private SignInMonitor regularMonitor() {
    SignInMonitor monitor = monitor(MemoryLimits.defaults());
    Histories.regularUsers(monitor);
    return monitor;
  }

  private static List<String> explanations(RiskAssessment risk) {
    return risk.signals().stream().map(RiskSignal::explanation).toList();
  }

  @Test
  void assess_quietRegularUser_noSignal() {
    SignInMonitor monitor = regularMonitor();

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 5), PARIS, "laptop-a"));

    assertThat(risk.signals()).isEmpty();
    assertThat(risk.deviceKnown()).isTrue();
  }

  @Test
  void assess_bruteForce_userFailuresHigh() {
    SignInMonitor monitor = regularMonitor();
    for (int i = 0; i < 6; i++) {
      monitor.record(
          event(
              "alice",
              dayEleven(8, 50 + i),
              PARIS_OTHER,
              "x",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 0), PARIS_OTHER, "laptop-a"));

    assertThat(explanations(risk))
        .containsExactly("6 failed sign-ins for this user in the last 15m");
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void assess_sprayFromOneAddress_ipFailuresHigh() {
    SignInMonitor monitor = regularMonitor();
    for (int i = 0; i < 25; i++) {
      monitor.record(
          event(
              "victim-" + i,
              dayEleven(11, 50).plusSeconds(20 * i),
              PARIS_OTHER,
              "script",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("bob", dayEleven(12, 0), PARIS_OTHER, "laptop-b"));

    assertThat(explanations(risk))
        .containsExactly("25 failed sign-ins from `203.0.113.99` in the last 15m");
  }

  @Test
  void assess_sprayRotatingThroughOneSlash64_ipFailuresHigh() {
    SignInMonitor monitor = regularMonitor();
    for (int i = 0; i < 25; i++) {
      monitor.record(
          event(
              "victim-" + i,
              dayEleven(11, 50).plusSeconds(20 * i),
              "2001:db8:10:7::" + Integer.toHexString(i + 1),
              "script",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk =
        monitor.assess(signIn("bob", dayEleven(12, 0), "2001:db8:10:7::ff", "laptop-b"));

    assertThat(risk.signals()).extracting(RiskSignal::signal).contains(SignalKind.IP_FAILURES);
    assertThat(explanations(risk))
        .contains("25 failed sign-ins from network `2001:db8:10:7::/64` in the last 15m");
  }

  @Test
  void assess_sprayOverOneSlash24WhenConfigured_ipFailuresHigh() {
    SignInMonitor monitor =
        Histories.monitor(newStore(MemoryLimits.defaults(), FailurePrefixes.of(24, 64)));
    for (int i = 0; i < 25; i++) {
      monitor.record(
          event(
              "victim-" + i,
              dayEleven(11, 50).plusSeconds(20 * i),
              "198.51.100." + (i + 30),
              "script",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("bob", dayEleven(12, 0), TOKYO, "laptop-b"));

    assertThat(explanations(risk))
        .contains("25 failed sign-ins from network `198.51.100.0/24` in the last 15m");
  }

  @Test
  void assess_failuresUnderCaseAndInvisibleVariants_countedAsOneUser() {
    SignInMonitor monitor = regularMonitor();
    List<String> variants = List.of("alice", "Alice", "ALICE", "alice\u200b", " alice ");
    int minute = 0;
    for (String variant : variants) {
      for (int i = 0; i < 4; i++) {
        monitor.record(
            event(
                variant,
                dayEleven(8, 50).plusSeconds(10L * minute++),
                PARIS_OTHER,
                "x",
                SignInEvent.Outcome.FAILED_CREDENTIALS));
      }
    }

    RiskAssessment risk = monitor.assess(signIn("ALICE", dayEleven(9, 1), PARIS, "laptop-a"));

    assertThat(explanations(risk))
        .containsExactly("20 failed sign-ins for this user in the last 15m");
  }

  @Test
  void assess_newDeviceFromNewCountry_high() {
    SignInMonitor monitor = regularMonitor();

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 0), BERLIN, "phone-x"));

    assertThat(risk.signals())
        .extracting(RiskSignal::signal)
        .containsExactly(SignalKind.NEW_DEVICE, SignalKind.NEW_COUNTRY);
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    assertThat(risk.deviceKnown()).isFalse();
  }

  @Test
  void assess_impossibleTravel_travelSignal() {
    SignInMonitor monitor = regularMonitor();
    monitor.record(event("alice", dayEleven(9, 0), PARIS, "laptop-a", SignInEvent.Outcome.SUCCESS));

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(10, 0), TOKYO, "laptop-a"));

    assertThat(risk.signals())
        .extracting(RiskSignal::signal)
        .contains(SignalKind.IMPOSSIBLE_TRAVEL);
  }

  @Test
  void record_floodOfMadeUpIdsWithFailures_keepsEstablishedProfiles() {
    int ids = floodIds();
    MemoryLimits limits =
        MemoryLimits.defaults().withMaxUsers(ids / 3).withMaxUnprovenUsers(ids / 30);
    SignInMonitor monitor = monitor(limits);
    Histories.regularUsers(monitor);
    Instant flood = dayEleven(2, 0);
    for (int id = 0; id < ids; id++) {
      for (int i = 0; i < 3; i++) {
        monitor.record(
            event(
                "bogus-" + id,
                flood.plusMillis(id * 3L + i),
                PARIS_OTHER,
                "script",
                SignInEvent.Outcome.FAILED_CREDENTIALS));
      }
    }

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 0), BERLIN, "phone-x"));

    assertThat(monitor.profile("alice"))
        .get()
        .extracting(UserProfile::trustedSignIns)
        .isEqualTo(10);
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
    long remembered = 0;
    for (int id = 0; id < ids; id++) {
      remembered += monitor.profile("bogus-" + id).isPresent() ? 1 : 0;
    }
    assertThat(remembered).isLessThanOrEqualTo(limits.maxUnprovenUsers());
  }

  @Test
  void assess_timesAtTheEndsOfTheRange_countWithoutOverflow() {
    SignInMonitor monitor = monitor(MemoryLimits.defaults());
    Instant first = Instant.ofEpochMilli(Long.MIN_VALUE);
    for (int i = 0; i < 6; i++) {
      monitor.record(
          event("alice", first.plusSeconds(i), PARIS, "x", SignInEvent.Outcome.FAILED_CREDENTIALS));
    }
    monitor.record(event("bob", Instant.MAX, PARIS, "laptop-b", SignInEvent.Outcome.SUCCESS));

    // The failure window of a request at the first millisecond reaches before any Instant a long
    // of milliseconds holds: it counts from that end instead of overflowing.
    RiskAssessment early = monitor.assess(signIn("alice", first.plusSeconds(10), PARIS, "x"));
    RiskAssessment late =
        monitor.assess(signIn("bob", Instant.ofEpochMilli(Long.MAX_VALUE), PARIS, "laptop-b"));

    assertThat(early.signals()).extracting(RiskSignal::name).contains("user_failures");
    assertThat(late.deviceKnown()).isTrue();
  }

  @Test
  void record_moreEventsThanBound_keepsLatestOldestFirst() {
    SignInMonitor monitor = monitor(MemoryLimits.defaults().withEventsPerUser(3));
    for (int i = 0; i < 10; i++) {
      monitor.record(event("carol", dayEleven(9, i), PARIS, "d-" + i, SignInEvent.Outcome.SUCCESS));
    }

    UserProfile carol = monitor.profile("carol").orElseThrow();

    assertThat(carol.history())
        .extracting(SignInEvent::deviceId)
        .containsExactly("d-7", "d-8", "d-9");
    assertThat(carol.trustedSignIns()).isEqualTo(10);
  }

  @Test
  void record_longStrings_cappedInProfileAndEvents() {
    SignInMonitor monitor = monitor(MemoryLimits.defaults());
    String longDevice = "d".repeat(1_000);
    monitor.record(event("erin", dayEleven(9, 0), PARIS, longDevice, SignInEvent.Outcome.SUCCESS));

    UserProfile erin = monitor.profile("erin").orElseThrow();

    assertThat(erin.history())
        .singleElement()
        .extracting(e -> e.deviceId().length())
        .isEqualTo(SignInEvent.MAX_ID_LENGTH);
    assertThat(erin.knowsDevice(longDevice.substring(0, SignInEvent.MAX_ID_LENGTH))).isTrue();
  }

  @Test
  void events_pagesOfSeven_returnEveryEventOnce() {
    SignInMonitor monitor = monitor(MemoryLimits.defaults());
    for (int i = 0; i < 25; i++) {
      monitor.record(
          event("user-" + (i % 5), dayEleven(9, i), PARIS, "d", SignInEvent.Outcome.SUCCESS));
    }

    Set<Instant> seen = new HashSet<>();
    int pages = 0;
    String cursor = SignInStore.EventPage.FIRST;
    do {
      SignInStore.EventPage page = monitor.store().events(cursor, 7);
      assertThat(page.events()).hasSizeLessThanOrEqualTo(7);
      page.events().forEach(e -> assertThat(seen.add(e.time())).isTrue());
      cursor = page.next();
      pages++;
    } while (cursor != null);

    assertThat(seen).hasSize(25);
    assertThat(pages).isEqualTo(4);
    assertThat(monitor.report(dayEleven(0, 0), dayEleven(23, 0)).total()).isEqualTo(25L);
  }

  @Test
  void record_eightThreadsOneUser_noEventLost() throws Exception {
    SignInMonitor monitor = monitor(MemoryLimits.defaults());
    int threads = 8;
    int perThread = 75;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    Instant time = Histories.DAY_ONE.plusSeconds(thread * perThread + i);
                    monitor.record(
                        event(
                            "alice", time, PARIS, "device-" + thread, SignInEvent.Outcome.SUCCESS));
                    monitor.record(
                        event(
                            "alice",
                            time,
                            PARIS,
                            "device-" + thread,
                            SignInEvent.Outcome.FAILED_CREDENTIALS));
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    UserProfile alice = monitor.profile("alice").orElseThrow();
    assertThat(alice.trustedSignIns()).isEqualTo(threads * perThread);
    for (int t = 0; t < threads; t++) {
      assertThat(alice.knowsDevice("device-" + t)).isTrue();
    }
    assertThat(
            monitor
                .store()
                .ipFailuresBetween(IpAddress.parse(PARIS), Histories.DAY_ONE, dayEleven(0, 0)))
        .isEqualTo(MemoryLimits.defaults().failuresPerKey());
  }
}
