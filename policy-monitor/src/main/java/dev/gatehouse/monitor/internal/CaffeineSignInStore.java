package dev.gatehouse.monitor.internal;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.UserProfile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link SignInStore}: two bounded Caffeine caches, users to their compact immutable
 * state and client addresses to their recent failure times.
 *
 * <p>Cache maintenance (eviction, expiry) runs on the recording thread, so the bounds hold as soon
 * as {@link #record} returns rather than whenever a background task catches up.
 */
public final class CaffeineSignInStore implements SignInStore {

  private static final long[] NO_FAILURES = new long[0];

  private final MemoryLimits limits;
  private final ZoneId zone;
  private final Cache<String, ProfileState> users;
  private final Cache<IpAddress, long[]> addresses;

  /**
   * Creates an empty store.
   *
   * @param limits the memory bounds
   * @param zone the zone in which hours of day are counted
   */
  public CaffeineSignInStore(MemoryLimits limits, ZoneId zone) {
    this.limits = requireNonNull(limits, "limits");
    this.zone = requireNonNull(zone, "zone");
    this.users =
        Caffeine.newBuilder()
            .maximumSize(limits.maxUsers())
            .expireAfterAccess(limits.userIdle())
            .executor(Runnable::run)
            .build();
    this.addresses =
        Caffeine.newBuilder()
            .maximumSize(limits.maxAddresses())
            .expireAfterWrite(limits.addressRetention())
            .executor(Runnable::run)
            .build();
  }

  @Override
  public void record(SignInEvent event, @Nullable Location location) {
    requireNonNull(event, "event");
    users
        .asMap()
        .compute(
            event.userId(),
            (id, old) ->
                (old == null ? ProfileState.EMPTY : old).with(event, location, limits, zone));
    if (event.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS) {
      long millis = Arrays2.millis(event.time());
      addresses
          .asMap()
          .compute(
              event.ip(),
              (ip, old) ->
                  Arrays2.append(old == null ? NO_FAILURES : old, millis, limits.failuresPerKey()));
    }
  }

  @Override
  public Optional<UserProfile> profile(String userId) {
    return Optional.ofNullable(users.getIfPresent(requireNonNull(userId, "userId")));
  }

  @Override
  public int ipFailuresBetween(IpAddress ip, Instant from, Instant to) {
    long[] failures = addresses.getIfPresent(requireNonNull(ip, "ip"));
    return failures == null
        ? 0
        : Arrays2.countBetween(failures, from, to);
  }

  @Override
  public void forEachEvent(Consumer<? super SignInEvent> action) {
    for (ProfileState state : users.asMap().values()) {
      state.history().forEach(action);
    }
  }

  /**
   * Returns how many users are tracked, after pending evictions have run.
   *
   * @return how many users are tracked
   */
  public long userCount() {
    users.cleanUp();
    return users.estimatedSize();
  }

  /**
   * Returns how many client addresses are tracked, after pending evictions have run.
   *
   * @return how many client addresses are tracked
   */
  public long addressCount() {
    addresses.cleanUp();
    return addresses.estimatedSize();
  }

  @Override
  public String toString() {
    return "CaffeineSignInStore{" + limits + ", zone=" + zone + "}";
  }
}
