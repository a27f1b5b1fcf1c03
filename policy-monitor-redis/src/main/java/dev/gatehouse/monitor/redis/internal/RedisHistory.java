package dev.gatehouse.monitor.redis.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.FailurePrefixes;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInEventJson;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.UserProfile;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The commands of the Redis store, all asynchronous: an event is written as up to five parts, each
 * atomic on its shard, sent back to back on one connection so that they cost one round trip.
 */
public final class RedisHistory {

  /** The parts of an event's write, replayed one by one if some failed. */
  public enum Part {
    /** The user's profile, devices, countries, failures and events. */
    USER,
    /** The failure times of the address and of its network. */
    FAILURES,
    /** The bounds on users and addresses. */
    INDEX,
    /** The event stream. */
    STREAM
  }

  private static final Script RECORD_USER = new Script(Scripts.RECORD_USER);
  private static final Script READ = new Script(Scripts.READ);
  private static final Script RECORD_FAILURE = new Script(Scripts.RECORD_FAILURE);
  private static final Script INDEX = new Script(Scripts.INDEX);

  private final RedisClusterAsyncCommands<String, String> redis;
  private final Keys keys;
  private final MemoryLimits limits;
  private final ZoneId zone;
  private final FailurePrefixes prefixes;
  private final long maxEvents;
  private final boolean oneShard;
  private final String node = Long.toHexString(Double.doubleToLongBits(Math.random()));
  private final AtomicLong sequence = new AtomicLong();

  /**
   * Creates the commands.
   *
   * @param redis the connection's asynchronous commands, standalone or cluster
   * @param keys the key layout
   * @param limits the bounds
   * @param zone the zone of hours of day
   * @param prefixes the failure networks
   * @param maxEvents how many events the stream keeps, about
   * @param oneShard whether every key is on one server (standalone), so that one script may read
   *     keys of different hash tags
   */
  public RedisHistory(
      RedisClusterAsyncCommands<String, String> redis,
      Keys keys,
      MemoryLimits limits,
      ZoneId zone,
      FailurePrefixes prefixes,
      long maxEvents,
      boolean oneShard) {
    this.redis = redis;
    this.keys = keys;
    this.limits = limits;
    this.zone = zone;
    this.prefixes = prefixes;
    this.maxEvents = maxEvents;
    this.oneShard = oneShard;
  }

  /**
   * Sends the parts of an event and returns, when they have all completed, the parts that failed.
   *
   * @param event the event
   * @param location where its address is, or null
   * @param parts the parts to write
   * @return the parts that failed, once every part has completed
   */
  public CompletableFuture<Set<Part>> write(
      SignInEvent event, @Nullable Location location, Set<Part> parts) {
    List<CompletableFuture<?>> sent = new ArrayList<>();
    List<Part> which = new ArrayList<>();
    List<String> failureKeys = failureKeys(event);
    for (Part part : parts) {
      which.add(part);
      sent.add(
          switch (part) {
            case USER -> writeUser(event, location);
            case FAILURES -> writeFailures(event, failureKeys);
            case INDEX -> writeIndex(event, failureKeys);
            case STREAM -> writeStream(event);
          });
    }
    return CompletableFuture.allOf(
            sent.stream().map(f -> f.handle((r, e) -> e)).toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              Set<Part> failed = EnumSet.noneOf(Part.class);
              for (int i = 0; i < sent.size(); i++) {
                if (sent.get(i).isCompletedExceptionally()) {
                  failed.add(which.get(i));
                }
              }
              return failed;
            });
  }

  private List<String> failureKeys(SignInEvent event) {
    if (event.outcome() != SignInEvent.Outcome.FAILED_CREDENTIALS) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    out.add(keys.failures(IpNetwork.containing(event.ip(), 128)));
    prefixes.networkOf(event.ip()).ifPresent(n -> out.add(keys.failures(n)));
    return out;
  }

  private CompletableFuture<?> writeUser(SignInEvent event, @Nullable Location location) {
    String kind =
        event.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS
            ? "f"
            : event.isTrusted() ? "t" : "o";
    String country =
        event.country() != null ? event.country() : location == null ? null : location.country();
    String sighting = location != null ? location.country() : country;
    boolean coordinates = location != null && location.hasCoordinates();
    String[] args = {
      Long.toString(Millis.of(event.time())),
      kind,
      SignInEventJson.encode(event),
      event.deviceId() == null ? "" : event.deviceId(),
      country == null ? "" : country,
      Integer.toString(hourOfDay(event.time())),
      coordinates ? Double.toString(location.latitude()) : "",
      coordinates ? Double.toString(location.longitude()) : "",
      Integer.toString(limits.eventsPerUser()),
      Integer.toString(limits.devicesPerUser()),
      Integer.toString(limits.countriesPerUser()),
      Integer.toString(limits.failuresPerKey()),
      Long.toString(limits.userIdle().toMillis()),
      member(event),
      sighting == null ? "" : sighting
    };
    return RECORD_USER.run(redis, ScriptOutputType.INTEGER, keys.user(event.userId()), args);
  }

  private CompletableFuture<?> writeFailures(SignInEvent event, List<String> failureKeys) {
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (String key : failureKeys) {
      sent.add(
          RECORD_FAILURE.run(
              redis,
              ScriptOutputType.INTEGER,
              new String[] {key},
              Long.toString(Millis.of(event.time())),
              member(event),
              Integer.toString(limits.failuresPerKey()),
              Long.toString(limits.addressRetention().toMillis())));
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<?> writeIndex(SignInEvent event, List<String> failureKeys) {
    List<String> args = new ArrayList<>();
    args.add(event.userId());
    args.add(event.isTrusted() ? "1" : "0");
    args.add(Long.toString(System.currentTimeMillis()));
    args.add(Integer.toString(limits.maxUsers()));
    args.add(Integer.toString(limits.maxUnprovenUsers()));
    args.add(Integer.toString(limits.maxAddresses()));
    args.add(Long.toString(limits.userIdle().toMillis()));
    args.addAll(failureKeys);
    CompletableFuture<List<Object>> evicted =
        INDEX.run(redis, ScriptOutputType.MULTI, keys.indexes(), args.toArray(String[]::new));
    return evicted.thenAccept(this::forget);
  }

  /** Drops the keys of what the index evicted; a failure leaves them to their TTL. */
  private void forget(List<Object> evicted) {
    for (Object entry : evicted) {
      String text = (String) entry;
      String rest = text.substring(1);
      if (text.charAt(0) == 'u') {
        redis.unlink(keys.user(rest));
      } else {
        redis.unlink(rest);
      }
    }
  }

  private CompletableFuture<?> writeStream(SignInEvent event) {
    return redis
        .xadd(
            keys.events(),
            new XAddArgs().maxlen(maxEvents).approximateTrimming(),
            Map.of("e", SignInEventJson.encode(event)))
        .toCompletableFuture();
  }

  /**
   * Returns a member unique to this event among the failure times of one key, starting with the
   * time: a lookup reads the members, not the scores.
   */
  private String member(SignInEvent event) {
    return Millis.of(event.time()) + ":" + node + ":" + sequence.incrementAndGet();
  }

  /**
   * Reads a user's profile; {@link #profileOf} turns the reply into the profile.
   *
   * @param userId the canonical user id
   * @return the reply
   */
  public CompletableFuture<List<Object>> readProfile(String userId) {
    return READ.run(redis, ScriptOutputType.MULTI, keys.user(userId), "e", "0", "0");
  }

  /**
   * Returns the profile in a reply of {@link #readProfile}, or null if the user is unknown.
   *
   * @param reply the reply
   * @return the profile, or null
   */
  @SuppressWarnings("unchecked")
  public static @Nullable UserProfile profileOf(List<Object> reply) {
    List<String> events = (List<String>) (List<?>) reply.get(RedisProfile.PARTS - 1);
    return RedisProfile.of(reply, () -> events);
  }

  /**
   * Reads a user's latest events, oldest first.
   *
   * @param userId the canonical user id
   * @return the events as JSON lines
   */
  public CompletableFuture<List<String>> readEvents(String userId) {
    return redis.lrange(keys.user(userId)[4], 0, -1).toCompletableFuture();
  }

  /**
   * Reads what an assessment needs, the user's profile and the failures from the address and from
   * its network in the window, in one round trip: on a standalone server one script reads it all;
   * in a cluster, where the keys sit on different shards, a script reads the user and two {@code
   * ZCOUNT}s count the failures, sent back to back and combined into a reply of the same shape.
   * {@link #lookupOf} turns the reply into the lookup.
   *
   * @param userId the canonical user id, or null
   * @param ip the client address, or null
   * @param from the start of the window, inclusive
   * @param to the end of the window, inclusive
   * @return the reply
   */
  public CompletableFuture<List<Object>> lookup(
      @Nullable String userId, @Nullable IpAddress ip, Instant from, Instant to) {
    String[] counted = new String[0];
    if (ip != null) {
      // Formatting an address is a good part of building the keys; without a network, reuse it.
      String address = keys.failures(IpNetwork.containing(ip, 128));
      Optional<IpNetwork> network = prefixes.networkOf(ip);
      counted =
          new String[] {address, network.isPresent() ? keys.failures(network.get()) : address};
    }
    String start = Long.toString(Millis.of(from));
    String end = Long.toString(Millis.of(to));
    if (oneShard) {
      String[] read = counted;
      if (userId != null) {
        String[] user = keys.user(userId);
        read = Arrays.copyOf(user, user.length + counted.length);
        System.arraycopy(counted, 0, read, user.length, counted.length);
      }
      return READ.run(redis, ScriptOutputType.MULTI, read, userId == null ? "n" : "u", start, end);
    }
    CompletableFuture<List<Object>> reply =
        userId == null
            ? CompletableFuture.completedFuture(List.of())
            : READ.run(redis, ScriptOutputType.MULTI, keys.user(userId), "u", start, end);
    Range<Double> window = Range.create((double) Millis.of(from), (double) Millis.of(to));
    for (String key : counted) {
      reply =
          reply.thenCombine(
              redis.zcount(key, window).toCompletableFuture(),
              (List<Object> sofar, Long count) -> {
                List<Object> more = new ArrayList<>(sofar);
                more.add(count);
                return more;
              });
    }
    return reply;
  }

  /**
   * Returns the lookup in a reply of {@link #lookup}. The reply holds no events, so the profile's
   * {@link UserProfile#history()} gets them from {@code events} when first called.
   *
   * @param reply the reply
   * @param events reads the user's events, or null if the lookup was for no user
   * @return the profile and the counts
   */
  public static SignInStore.Lookup lookupOf(
      List<Object> reply, @Nullable Supplier<List<String>> events) {
    UserProfile profile = events == null ? null : RedisProfile.of(reply, events);
    int counts = events == null ? 0 : RedisProfile.PARTS;
    return new SignInStore.Lookup(profile, count(reply, counts), count(reply, counts + 1));
  }

  private static int count(List<Object> reply, int at) {
    return at < reply.size() ? (int) Math.min((Long) reply.get(at), Integer.MAX_VALUE) : 0;
  }

  /**
   * Counts the failures of an address or network in a window.
   *
   * @param network the address as a /128, or the network
   * @param from the start, inclusive
   * @param to the end, inclusive
   * @return the count
   */
  public CompletableFuture<Long> failures(IpNetwork network, Instant from, Instant to) {
    return redis
        .zcount(
            keys.failures(network), Range.create((double) Millis.of(from), (double) Millis.of(to)))
        .toCompletableFuture();
  }

  /**
   * Returns the network of failures of {@code ip}, if any.
   *
   * @param ip the address
   * @return the network, or empty
   */
  public Optional<IpNetwork> network(IpAddress ip) {
    return prefixes.networkOf(ip);
  }

  /**
   * Reads up to {@code limit} events of the stream after the id {@code after} (exclusive), or from
   * the start when empty.
   *
   * @param after the last id read, or empty
   * @param limit the most events
   * @return the stream entries
   */
  public CompletableFuture<List<StreamMessage<String, String>>> events(String after, int limit) {
    Range<String> range =
        Range.from(
            after.isEmpty() ? Range.Boundary.unbounded() : Range.Boundary.excluding(after),
            Range.Boundary.unbounded());
    return redis.xrange(keys.events(), range, Limit.from(limit)).toCompletableFuture();
  }

  private int hourOfDay(Instant time) {
    int offset = zone.getRules().getOffset(time).getTotalSeconds();
    return (int) (Math.floorMod(time.getEpochSecond() + offset, 86_400L) / 3600);
  }

  /** A script run by digest, sent whole once when a node does not have it yet. */
  private record Script(String text, String digest) {

    Script(String text) {
      this(text, sha1(text));
    }

    private static String sha1(String text) {
      try {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("sha-1 is missing from the jdk", e);
      }
    }

    <T> CompletableFuture<T> run(
        RedisClusterAsyncCommands<String, String> redis,
        ScriptOutputType type,
        String[] keys,
        String... args) {
      CompletableFuture<T> bySha = redis.<T>evalsha(digest, type, keys, args).toCompletableFuture();
      return bySha.exceptionallyCompose(
          e ->
              unwrap(e) instanceof RedisNoScriptException
                  ? redis.<T>eval(text, type, keys, args).toCompletableFuture()
                  : CompletableFuture.failedFuture(e));
    }

    private static Throwable unwrap(Throwable e) {
      return e instanceof java.util.concurrent.CompletionException && e.getCause() != null
          ? e.getCause()
          : e;
    }
  }
}
