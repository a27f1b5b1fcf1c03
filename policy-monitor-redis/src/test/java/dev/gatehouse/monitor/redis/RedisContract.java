package dev.gatehouse.monitor.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.FailurePrefixes;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.SignInStoreContract;
import dev.gatehouse.monitor.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on Redis servers that a subclass starts, emptied after each test. */
abstract class RedisContract extends SignInStoreContract {

  private final List<RedisSignInStore> stores = new ArrayList<>();

  /** Returns the servers of the test class. */
  abstract List<RedisServer> servers();

  /** Points the builder at the servers. */
  abstract RedisSignInStoreBuilder connect(RedisSignInStoreBuilder builder);

  @AfterEach
  void closeStores() throws Exception {
    stores.forEach(RedisSignInStore::close);
    for (RedisServer server : servers()) {
      server.cli("flushall");
    }
  }

  /**
   * Redis evicts in strict order of the last event, so a flood of three times the bound shows it.
   */
  @Override
  protected int floodIds() {
    return 300;
  }

  /**
   * A lookup reads the profile without the events, in one round trip; its history still holds them
   * once asked for, as {@code profile} does.
   */
  @Test
  void lookup_profileAndCounts_matchProfileAndHistoryReadWhenAsked() {
    SignInStore store = newStore(MemoryLimits.defaults(), FailurePrefixes.of(24, 64));
    Instant t = Instant.parse("2026-11-10T09:00:00Z");
    IpAddress ip = IpAddress.parse("198.51.100.7");
    for (int i = 0; i < 3; i++) {
      store.record(
          event("dana", t.plusSeconds(i), ip, "d-" + i, SignInEvent.Outcome.SUCCESS), null);
    }
    store.record(
        event("dana", t.plusSeconds(3), ip, "d-9", SignInEvent.Outcome.FAILED_CREDENTIALS), null);
    store.record(
        event(
            "erik",
            t.plusSeconds(4),
            IpAddress.parse("198.51.100.99"),
            "e-1",
            SignInEvent.Outcome.FAILED_CREDENTIALS),
        null);

    SignInStore.Lookup found = store.lookup("dana", ip, t, t.plusSeconds(60));

    UserProfile dana = found.profile();
    assertThat(dana).isNotNull();
    assertThat(dana.trustedSignIns()).isEqualTo(3);
    assertThat(dana.knowsDevice("d-2")).isTrue();
    assertThat(dana.knowsDevice("d-9")).isFalse();
    assertThat(dana.failuresBetween(t.plusSeconds(3), t.plusSeconds(3))).isEqualTo(1);
    assertThat(dana.failuresBetween(t, t.plusSeconds(2))).isZero();
    assertThat(found.ipFailures()).isEqualTo(1);
    assertThat(found.networkFailures()).isEqualTo(2);
    assertThat(dana.history())
        .extracting(SignInEvent::deviceId)
        .containsExactly("d-0", "d-1", "d-2", "d-9");
    assertThat(dana.history()).isEqualTo(store.profile("dana").orElseThrow().history());
    assertThat(store.lookup(null, ip, t, t.plusSeconds(60)))
        .isEqualTo(new SignInStore.Lookup(null, 1, 2));
    assertThat(store.lookup("nobody", null, t, t.plusSeconds(60)))
        .isEqualTo(new SignInStore.Lookup(null, 0, 0));
  }

  private static SignInEvent event(
      String user, Instant time, IpAddress ip, String device, SignInEvent.Outcome outcome) {
    return new SignInEvent(user, time, ip, "FR", device, "macos", outcome, List.of(), List.of());
  }

  @Override
  protected SignInStore newStore(MemoryLimits limits, FailurePrefixes prefixes) {
    RedisSignInStore store =
        connect(RedisSignInStore.builder())
            .limits(limits)
            .prefixes(prefixes)
            // The contract is about behaviour; RedisFaultTest holds the default budget to account.
            .budget(Duration.ofSeconds(2))
            .build();
    stores.add(store);
    return store;
  }
}
