package dev.gatehouse.monitor.internal;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.FailurePrefixes;
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
 * The in-memory {@link SignInStore}: bounded Caffeine caches of users to their compact immutable
 * state (those with a trusted sign-in apart from those without, so that a flood of made-up ids
 * cannot evict real profiles) and of client addresses and their networks to recent failure times.
 *
 * <p>Cache maintenance (eviction, expiry) runs on the recording thread, so the bounds hold as soon
 * as {@link #record} returns rather than whenever a background task catches up.
 */
public final class CaffeineSignInStore implements SignInStore {

  private static final long[] NO_FAILURES = new long[0];

  /** Guards the move of a user from the unproven to the proven cache; a power of two. */
  private static final int STRIPES = 64;

  private final MemoryLimits limits;
  private final ZoneId zone;
  private final FailurePrefixes prefixes;
  private final Cache<String, ProfileState> users;
  private final Cache<String, ProfileState> unproven;
  private final Cache<IpNetwork, long[]> addresses;
  private final Object[] stripes = new Object[STRIPES];

  /**
   * Creates an empty store that counts failures per address and per IPv6 /64.
   *
   * @param limits the memory bounds
   * @param zone the zone in which hours of day are counted
   */
  public CaffeineSignInStore(MemoryLimits limits, ZoneId zone) {
    this(limits, zone, FailurePrefixes.defaults());
  }

  /**
   * Creates an empty store.
   *
   * @param limits the memory bounds
   * @param zone the zone in which hours of day are counted
   * @param prefixes the networks over which failures are counted besides the address
   */
  public CaffeineSignInStore(MemoryLimits limits, ZoneId zone, FailurePrefixes prefixes) {
    this.limits = requireNonNull(limits, "limits");
    this.zone = requireNonNull(zone, "zone");
    this.prefixes = requireNonNull(prefixes, "prefixes");
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    this.users = userCache(limits.maxUsers());
    this.unproven = userCache(limits.maxUnprovenUsers());
    this.addresses =
        Caffeine.newBuilder()
            .maximumSize(limits.maxAddresses())
            .expireAfterWrite(limits.addressRetention())
            .executor(Runnable::run)
            .build();
  }

  private Cache<String, ProfileState> userCache(int size) {
    return Caffeine.newBuilder()
        .maximumSize(size)
        .expireAfterAccess(limits.userIdle())
        .executor(Runnable::run)
        .build();
  }

  @Override
  public void record(SignInEvent event, @Nullable Location location) {
    requireNonNull(event, "event");
    String id = event.userId();
    synchronized (stripes[id.hashCode() & (STRIPES - 1)]) {
      ProfileState proven = users.getIfPresent(id);
      if (proven != null) {
        users.put(id, proven.with(event, location, limits, zone));
      } else {
        ProfileState before = unproven.getIfPresent(id);
        ProfileState after =
            (before == null ? ProfileState.EMPTY : before).with(event, location, limits, zone);
        if (after.trustedSignIns() > 0) {
          unproven.invalidate(id);
          users.put(id, after);
        } else {
          unproven.put(id, after);
        }
      }
    }
    if (event.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS) {
      long millis = CappedArrays.millis(event.time());
      fail(IpNetwork.containing(event.ip(), 128), millis);
      prefixes.networkOf(event.ip()).ifPresent(network -> fail(network, millis));
    }
  }

  private void fail(IpNetwork key, long millis) {
    addresses
        .asMap()
        .compute(
            key,
            (k, old) ->
                CappedArrays.append(
                    old == null ? NO_FAILURES : old, millis, limits.failuresPerKey()));
  }

  @Override
  public Optional<UserProfile> profile(String userId) {
    requireNonNull(userId, "userId");
    ProfileState state = users.getIfPresent(userId);
    return Optional.ofNullable(state != null ? state : unproven.getIfPresent(userId));
  }

  @Override
  public int ipFailuresBetween(IpAddress ip, Instant from, Instant to) {
    return failuresBetween(IpNetwork.containing(requireNonNull(ip, "ip"), 128), from, to);
  }

  @Override
  public Optional<IpNetwork> failureNetwork(IpAddress ip) {
    return prefixes.networkOf(requireNonNull(ip, "ip"));
  }

  @Override
  public int networkFailuresBetween(IpAddress ip, Instant from, Instant to) {
    Optional<IpNetwork> network = failureNetwork(ip);
    return network.isPresent()
        ? failuresBetween(network.get(), from, to)
        : ipFailuresBetween(ip, from, to);
  }

  private int failuresBetween(IpNetwork key, Instant from, Instant to) {
    long[] failures = addresses.getIfPresent(key);
    return failures == null ? 0 : CappedArrays.countBetween(failures, from, to);
  }

  @Override
  public void forEachEvent(Consumer<? super SignInEvent> action) {
    for (ProfileState state : users.asMap().values()) {
      state.history().forEach(action);
    }
    for (ProfileState state : unproven.asMap().values()) {
      state.history().forEach(action);
    }
  }

  /**
   * Returns how many users are tracked, with and without a trusted sign-in, after pending evictions
   * have run.
   *
   * @return how many users are tracked
   */
  public long userCount() {
    users.cleanUp();
    unproven.cleanUp();
    return users.estimatedSize() + unproven.estimatedSize();
  }

  /**
   * Returns how many client addresses and networks with failures are tracked, after pending
   * evictions have run.
   *
   * @return how many client addresses and networks are tracked
   */
  public long addressCount() {
    addresses.cleanUp();
    return addresses.estimatedSize();
  }

  @Override
  public String toString() {
    return "CaffeineSignInStore{" + limits + ", zone=" + zone + ", " + prefixes + "}";
  }
}
