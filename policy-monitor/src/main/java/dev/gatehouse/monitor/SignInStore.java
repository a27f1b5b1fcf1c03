package dev.gatehouse.monitor;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.internal.CaffeineSignInStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where sign-in history is kept: the in-memory store of {@link #inMemory(MemoryLimits, ZoneId)}, or
 * a shared store that several hosts write to.
 *
 * <p>Implementations must be thread-safe. {@link #record} must be atomic per user and per address:
 * a profile read concurrently is either before or after an event, never half-way.
 */
public interface SignInStore {

  /**
   * Remembers an event.
   *
   * @param event the event
   * @param location where the event's address is, or null if unknown
   */
  void record(SignInEvent event, @Nullable Location location);

  /**
   * Returns what the store remembers about {@code userId}, or empty if nothing.
   *
   * @param userId the user id
   * @return what the store remembers about {@code userId}, or empty if nothing
   */
  Optional<UserProfile> profile(String userId);

  /**
   * Returns how many remembered failed sign-ins from {@code ip} fall in {@code [from, to]}.
   *
   * @param ip the client address
   * @param from the start of the window, inclusive
   * @param to the end of the window, inclusive
   * @return how many remembered failed sign-ins from {@code ip} fall in {@code [from, to]}
   */
  int ipFailuresBetween(IpAddress ip, Instant from, Instant to);

  /**
   * Passes every remembered event to {@code action}, in no particular order.
   *
   * @param action what to do with each event
   */
  void forEachEvent(Consumer<? super SignInEvent> action);

  /**
   * Returns a store that keeps its state in memory within {@code limits}, learning hours of day in
   * {@code zone}.
   *
   * @param limits the memory bounds
   * @param zone the zone in which hours of day are counted
   * @return a store that keeps its state in memory within {@code limits}
   */
  static SignInStore inMemory(MemoryLimits limits, ZoneId zone) {
    return new CaffeineSignInStore(limits, zone);
  }
}
