package dev.gatehouse.monitor.redis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInEventJson;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.StoreUnavailableException;
import dev.gatehouse.monitor.UserProfile;
import dev.gatehouse.monitor.redis.internal.Outbox;
import dev.gatehouse.monitor.redis.internal.RedisHistory;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SignInStore} in Redis or Redis Cluster, shared by every node that signs users in, so
 * that a spray split over nodes is counted once and a restart forgets nothing.
 *
 * <pre>{@code
 * RedisSignInStore store = RedisSignInStore.builder()
 *     .standalone("redis://127.0.0.1:6379")      // or .cluster(List.of("redis://10.0.0.1:7000"))
 *     .limits(MemoryLimits.defaults())
 *     .build();
 * SignInMonitor monitor = SignInMonitor.builder().store(store).build();
 * }</pre>
 *
 * <p>Each event is written as a few Lua scripts, each atomic on its shard (the user's keys, the
 * address's and its network's failure times, the indexes that bound the counts) and an entry on the
 * event stream, sent back to back: one round trip. A lookup is one script on a standalone server,
 * and one script and two counts in a cluster, also one round trip. Both wait at most the
 * {@linkplain RedisSignInStoreBuilder#budget budget}: a lookup past it throws {@link
 * StoreUnavailableException}, so {@code enrich} leaves the risk attributes out; a write that fails
 * is kept in a bounded outbox and replayed when Redis is back, or counted in {@link #dropped()}.
 * Lettuce reconnects on its own.
 */
public final class RedisSignInStore implements SignInStore, AutoCloseable {

  private static final int PAGE = 1_000;

  private final AbstractRedisClient client;
  private final ClientResources resources;
  private final StatefulConnection<String, String> connection;
  private final RedisHistory history;
  private final Outbox outbox;
  private final Duration budget;
  private final ScheduledExecutorService flusher;

  RedisSignInStore(
      AbstractRedisClient client,
      ClientResources resources,
      StatefulConnection<String, String> connection,
      RedisHistory history,
      Outbox outbox,
      Duration budget) {
    this.client = client;
    this.resources = resources;
    this.connection = connection;
    this.history = history;
    this.outbox = outbox;
    this.budget = budget;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gatehouse-redis-outbox");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(
        () -> outbox.drain(history, 1_000), 100, 100, TimeUnit.MILLISECONDS);
  }

  /** {@return a builder} */
  public static RedisSignInStoreBuilder builder() {
    return new RedisSignInStoreBuilder();
  }

  /**
   * Writes the event, waiting at most the budget; a part that fails goes to the outbox.
   *
   * @param event the event
   * @param location where the event's address is, or null if unknown
   */
  @Override
  public void record(SignInEvent event, @Nullable Location location) {
    requireNonNull(event, "event");
    CompletableFuture<Set<RedisHistory.Part>> written =
        history.write(event, location, EnumSet.allOf(RedisHistory.Part.class));
    CompletableFuture<Void> kept =
        written.thenAccept(
            failed -> {
              if (!failed.isEmpty()) {
                outbox.add(new Outbox.Pending(event, location, failed));
              }
            });
    try {
      kept.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // Past the budget the write goes on; if it then fails, the outbox keeps the event.
    }
  }

  @Override
  public Optional<UserProfile> profile(String userId) {
    requireNonNull(userId, "userId");
    // Parsed on the calling thread: the event loop serves every caller of the connection.
    return Optional.ofNullable(RedisHistory.profileOf(await(history.readProfile(userId), budget)));
  }

  @Override
  public int ipFailuresBetween(IpAddress ip, Instant from, Instant to) {
    return (int) (long) await(history.failures(exact(ip), from, to), budget);
  }

  @Override
  public Optional<IpNetwork> failureNetwork(IpAddress ip) {
    return history.network(requireNonNull(ip, "ip"));
  }

  @Override
  public int networkFailuresBetween(IpAddress ip, Instant from, Instant to) {
    IpNetwork network = history.network(ip).orElse(exact(ip));
    return (int) (long) await(history.failures(network, from, to), budget);
  }

  /**
   * Reads the profile and both failure counts in one round trip, within the budget.
   *
   * <p>The profile leaves the user's events out, since an assessment never reads them: its {@link
   * UserProfile#history()} reads them on its first call, one more round trip within the budget
   * (throwing {@link StoreUnavailableException} past it), so they may include events recorded after
   * the rest of the profile was read. {@link #profile} reads them with the rest, atomically.
   *
   * @throws StoreUnavailableException if Redis does not answer within the budget
   */
  @Override
  public Lookup lookup(@Nullable String userId, @Nullable IpAddress ip, Instant from, Instant to) {
    List<Object> reply = await(history.lookup(userId, ip, from, to), budget);
    return RedisHistory.lookupOf(
        reply, userId == null ? null : () -> await(history.readEvents(userId), budget));
  }

  /** Passes every event of the stream, oldest first, reading it a page at a time. */
  @Override
  public void forEachEvent(Consumer<? super SignInEvent> action) {
    String cursor = EventPage.FIRST;
    do {
      EventPage page = events(cursor, PAGE);
      page.events().forEach(action);
      cursor = page.next();
    } while (cursor != null);
  }

  /** Returns a page of the event stream, oldest first; the cursor is the last stream id read. */
  @Override
  public EventPage events(String cursor, int limit) {
    requireNonNull(cursor, "cursor");
    if (limit < 1) {
      throw new IllegalArgumentException("page size " + limit + " is below 1");
    }
    List<StreamMessage<String, String>> entries =
        await(history.events(cursor, limit), budget.multipliedBy(20));
    List<SignInEvent> events =
        entries.stream().map(m -> SignInEventJson.decode(m.getBody().get("e"))).toList();
    String next = entries.size() < limit ? null : entries.get(entries.size() - 1).getId();
    return new EventPage(events, next);
  }

  /**
   * Returns how many events are waiting in the outbox for Redis to come back.
   *
   * @return how many events are waiting
   */
  public int waiting() {
    return outbox.waiting();
  }

  /**
   * Returns how many events were ever put in the outbox because a write failed.
   *
   * @return how many events were put in the outbox
   */
  public long buffered() {
    return outbox.buffered();
  }

  /**
   * Returns how many events from the outbox were written once Redis was back.
   *
   * @return how many events were replayed
   */
  public long replayed() {
    return outbox.replayed();
  }

  /**
   * Returns how many events were lost because the outbox was full, each also counted in a warning
   * log line (the first and every thousandth).
   *
   * @return how many events were dropped
   */
  public long dropped() {
    return outbox.dropped();
  }

  /**
   * Stops replaying the outbox, tries once more to write what it holds, counts what is still
   * waiting as {@link #dropped}, and closes the connection and the client.
   */
  @Override
  public void close() {
    flusher.shutdownNow();
    try {
      flusher.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    outbox.drain(history, budget.toMillis());
    outbox.abandon();
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private static IpNetwork exact(IpAddress ip) {
    return IpNetwork.containing(requireNonNull(ip, "ip"), 128);
  }

  private static <T> T await(CompletableFuture<T> future, Duration within) {
    try {
      return future.get(within.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for redis", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new StoreUnavailableException(
          "redis did not answer within " + within.toMillis() + " ms", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new StoreUnavailableException(
          "redis failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  @Override
  public String toString() {
    return "RedisSignInStore{budget=" + budget.toMillis() + "ms, " + connection + "}";
  }
}
