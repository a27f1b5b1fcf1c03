package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.internal.CaffeineSignInStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
   * {@return what the store remembers about {@code userId}, or empty if nothing}
   *
   * @param userId the user id
   */
  Optional<UserProfile> profile(String userId);

  /**
   * {@return how many remembered failed sign-ins from {@code ip} fall in {@code [from, to]}}
   *
   * @param ip the client address
   * @param from the start of the window, inclusive
   * @param to the end of the window, inclusive
   */
  int ipFailuresBetween(IpAddress ip, Instant from, Instant to);

  /**
   * Passes every remembered event to {@code action}, in no particular order.
   *
   * @param action what to do with each event
   */
  void forEachEvent(Consumer<? super SignInEvent> action);

  /**
   * Returns the network over which this store counts failures from {@code ip} besides the exact
   * address, or empty if it counts per address only.
   *
   * @param ip the client address
   * @return the network over which failures from {@code ip} are counted, or empty
   */
  default Optional<IpNetwork> failureNetwork(IpAddress ip) {
    return Optional.empty();
  }

  /**
   * Returns how many remembered failed sign-ins from the {@linkplain #failureNetwork network} of
   * {@code ip} fall in {@code [from, to]}; by default, a store that counts per address only, the
   * failures from {@code ip} itself.
   *
   * @param ip the client address
   * @param from the start of the window, inclusive
   * @param to the end of the window, inclusive
   * @return how many remembered failed sign-ins from the network of {@code ip} fall in the window
   */
  default int networkFailuresBetween(IpAddress ip, Instant from, Instant to) {
    return ipFailuresBetween(ip, from, to);
  }

  /**
   * Returns at once everything an assessment reads: the user's profile and the failures from the
   * address and its network in {@code [from, to]}. A shared store answers it in one round trip.
   *
   * @param userId the user id, or null if the request has none
   * @param ip the client address, or null if the request has none
   * @param from the start of the failure window, inclusive
   * @param to the end of the failure window, inclusive
   * @return what the store remembers
   * @throws StoreUnavailableException if the store cannot answer within its time budget
   */
  default Lookup lookup(@Nullable String userId, @Nullable IpAddress ip, Instant from, Instant to) {
    UserProfile profile = userId == null ? null : profile(userId).orElse(null);
    if (ip == null) {
      return new Lookup(profile, 0, 0);
    }
    return new Lookup(
        profile, ipFailuresBetween(ip, from, to), networkFailuresBetween(ip, from, to));
  }

  /**
   * Returns up to {@code limit} remembered events from {@code cursor} on, and the cursor of the
   * next page, so that a report over many events never holds them all at once.
   *
   * <p>The default pages over {@link #forEachEvent}, reading past the events of earlier pages each
   * time; a cursor is opaque, and the order is the store's, stable while no event is recorded.
   *
   * @param cursor {@link EventPage#FIRST} for the first page, else the {@code next} of a page
   * @param limit the most events to return, at least 1
   * @return the page
   * @throws IllegalArgumentException if {@code limit} is below 1 or the cursor is not one of this
   *     store's
   */
  default EventPage events(String cursor, int limit) {
    requireNonNull(cursor, "cursor");
    if (limit < 1) {
      throw new IllegalArgumentException("page size " + limit + " is below 1");
    }
    long skip;
    try {
      skip = cursor.isEmpty() ? 0 : Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed cursor `" + cursor + "`", e);
    }
    List<SignInEvent> page = new ArrayList<>();
    long[] seen = {0};
    forEachEvent(
        event -> {
          long index = seen[0]++;
          if (index >= skip && index < skip + limit) {
            page.add(event);
          }
        });
    boolean more = seen[0] > skip + limit;
    return new EventPage(page, more ? Long.toString(skip + limit) : null);
  }

  /**
   * Returns a store that keeps its state in memory within {@code limits}, learning hours of day in
   * {@code zone}.
   *
   * @param limits the memory bounds
   * @param zone the zone in which hours of day are counted
   * @return a store that keeps its state in memory within {@code limits}
   */
  static SignInStore inMemory(MemoryLimits limits, ZoneId zone) {
    return new CaffeineSignInStore(limits, zone, FailurePrefixes.defaults());
  }

  /**
   * Returns a store that keeps its state in memory within {@code limits}, learning hours of day in
   * {@code zone} and counting failures over the networks of {@code prefixes} too.
   *
   * @param limits the memory bounds
   * @param zone the zone in which hours of day are counted
   * @param prefixes the networks over which failures are counted besides the address
   * @return a store that keeps its state in memory within {@code limits}
   */
  static SignInStore inMemory(MemoryLimits limits, ZoneId zone, FailurePrefixes prefixes) {
    return new CaffeineSignInStore(limits, zone, prefixes);
  }

  /**
   * What a store remembers for one assessment.
   *
   * @param profile the user's profile, or null if none
   * @param ipFailures the failures from the address in the window
   * @param networkFailures the failures from the address's network in the window
   */
  record Lookup(@Nullable UserProfile profile, int ipFailures, int networkFailures) {}

  /**
   * One page of remembered events.
   *
   * @param events the events of the page
   * @param next the cursor of the next page, or null if this is the last
   */
  record EventPage(List<SignInEvent> events, @Nullable String next) {

    /** The cursor of the first page. */
    public static final String FIRST = "";

    /**
     * Copies the events.
     *
     * @param events the events
     * @param next the next cursor, or null
     */
    public EventPage {
      events = List.copyOf(events);
    }

    /** {@return whether another page follows} */
    public boolean hasNext() {
      return next != null;
    }
  }
}
