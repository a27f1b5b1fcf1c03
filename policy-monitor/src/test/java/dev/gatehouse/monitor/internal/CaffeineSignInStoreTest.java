package dev.gatehouse.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.UserProfile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class CaffeineSignInStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final IpAddress IP = IpAddress.parse("203.0.113.7");

  private static SignInEvent event(
      String user, int seconds, String device, SignInEvent.Outcome outcome) {
    return new SignInEvent(
        user, T0.plusSeconds(seconds), IP, "FR", device, "linux", outcome, List.of(), List.of());
  }

  @Test
  void record_manyEventsForOneUser_keepsOnlyTheLatest() {
    CaffeineSignInStore store =
        new CaffeineSignInStore(MemoryLimits.defaults().withEventsPerUser(3), ZoneOffset.UTC);

    for (int i = 0; i < 10; i++) {
      store.record(event("u", i, "d", SignInEvent.Outcome.SUCCESS), null);
    }

    UserProfile profile = store.profile("u").orElseThrow();
    assertThat(profile.history())
        .extracting(e -> e.time().getEpochSecond() - T0.getEpochSecond())
        .containsExactly(7L, 8L, 9L);
    assertThat(profile.trustedSignIns()).isEqualTo(10);
  }

  @Test
  void record_moreDevicesThanTheCap_forgetsTheOldest() {
    MemoryLimits limits =
        new MemoryLimits(10, 10, 5, 2, 2, 4, Duration.ofDays(1), Duration.ofDays(1));
    CaffeineSignInStore store = new CaffeineSignInStore(limits, ZoneOffset.UTC);

    for (String device : List.of("a", "b", "c")) {
      store.record(event("u", 0, device, SignInEvent.Outcome.SUCCESS), null);
    }

    UserProfile profile = store.profile("u").orElseThrow();
    assertThat(profile.knowsDevice("a")).isFalse();
    assertThat(profile.knowsDevice("b")).isTrue();
    assertThat(profile.knowsDevice("c")).isTrue();
  }

  @Test
  void record_failures_countedPerUserAndPerAddressInWindow() {
    CaffeineSignInStore store = new CaffeineSignInStore(MemoryLimits.defaults(), ZoneOffset.UTC);

    for (int i = 0; i < 5; i++) {
      store.record(event("u" + (i % 2), i * 60, "d", SignInEvent.Outcome.FAILED_CREDENTIALS), null);
    }

    assertThat(store.ipFailuresBetween(IP, T0, T0.plusSeconds(240))).isEqualTo(5);
    assertThat(store.ipFailuresBetween(IP, T0.plusSeconds(61), T0.plusSeconds(240))).isEqualTo(3);
    assertThat(store.profile("u0").orElseThrow().failuresBetween(T0, T0.plusSeconds(240)))
        .isEqualTo(3);
    assertThat(store.ipFailuresBetween(IpAddress.parse("192.0.2.1"), T0, T0.plusSeconds(240)))
        .isZero();
  }

  @Test
  void record_untrustedOutcomes_learnNothing() {
    CaffeineSignInStore store = new CaffeineSignInStore(MemoryLimits.defaults(), ZoneOffset.UTC);

    store.record(event("u", 0, "d", SignInEvent.Outcome.DENIED), Location.ofCountry("FR"));
    store.record(event("u", 1, "d", SignInEvent.Outcome.CHALLENGED), Location.ofCountry("FR"));

    UserProfile profile = store.profile("u").orElseThrow();
    assertThat(profile.trustedSignIns()).isZero();
    assertThat(profile.knowsDevice("d")).isFalse();
    assertThat(profile.knowsCountry("FR")).isFalse();
    assertThat(profile.lastTrusted()).isEmpty();
    assertThat(profile.history()).hasSize(2);
  }

  @Test
  void record_millionEventsForHundredThousandUsers_retainedSizeStaysUnderCap() {
    MemoryLimits limits =
        MemoryLimits.defaults()
            .withMaxUsers(10_000)
            .withMaxUnprovenUsers(1_000)
            .withMaxAddresses(5_000)
            .withEventsPerUser(10);
    long maxUsers = limits.maxUsers() + limits.maxUnprovenUsers();
    // What one tracked user may cost at most: 10 events with their own strings and address,
    // the compact state, and the cache node; and one tracked address with 32 failure times.
    long perUserBudget = 3_000;
    long perAddressBudget = 600;
    long cap = maxUsers * perUserBudget + limits.maxAddresses() * perAddressBudget;

    long before = usedHeapAfterGc();
    CaffeineSignInStore store = new CaffeineSignInStore(limits, ZoneOffset.UTC);
    feed(store, 1_000_000, 100_000);
    long retained = usedHeapAfterGc() - before;

    AtomicLong events = new AtomicLong();
    store.forEachEvent(e -> events.incrementAndGet());
    assertThat(store.userCount()).isLessThanOrEqualTo(maxUsers);
    assertThat(store.addressCount()).isLessThanOrEqualTo(limits.maxAddresses());
    assertThat(events.get()).isLessThanOrEqualTo(maxUsers * 10);
    assertThat(retained).as("retained heap in bytes, cap %d", cap).isLessThan(cap);
    System.out.printf(
        "retained %.1f MB for %d users, %d addresses, %d events (cap %.1f MB)%n",
        retained / 1e6, store.userCount(), store.addressCount(), events.get(), cap / 1e6);
  }

  private static void feed(CaffeineSignInStore store, int events, int users) {
    SignInEvent.Outcome[] outcomes = SignInEvent.Outcome.values();
    for (int i = 0; i < events; i++) {
      int user = i % users;
      IpAddress ip = IpAddress.of128(0, 0xffff_0a00_0000L | (i % 50_000));
      SignInEvent event =
          new SignInEvent(
              "user-" + user,
              T0.plusSeconds(i),
              ip,
              "FR",
              "device-" + (i % 7),
              "linux",
              outcomes[i % outcomes.length],
              List.of(),
              List.of());
      store.record(event, null);
    }
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    long used = 0;
    for (int i = 0; i < 20; i++) {
      System.gc();
      used = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 256 * 1024) {
        break;
      }
      previous = used;
    }
    return used;
  }
}
