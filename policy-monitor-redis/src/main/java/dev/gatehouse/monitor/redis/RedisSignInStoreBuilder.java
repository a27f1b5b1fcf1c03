package dev.gatehouse.monitor.redis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.monitor.FailurePrefixes;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.redis.internal.Keys;
import dev.gatehouse.monitor.redis.internal.Outbox;
import dev.gatehouse.monitor.redis.internal.RedisHistory;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link RedisSignInStore}; {@link #build()} checks every setting at once and
 * connects.
 *
 * <p>Defaults: {@link MemoryLimits#defaults()}, UTC hours, {@link FailurePrefixes#defaults()}, keys
 * under {@code gh}, a budget of 50 ms per lookup and per write, an outbox of 10,000 events and a
 * stream of about 1,000,000 events.
 */
public final class RedisSignInStoreBuilder {

  private @Nullable String standalone;
  private List<String> cluster = List.of();
  private MemoryLimits limits = MemoryLimits.defaults();
  private ZoneId zone = ZoneOffset.UTC;
  private FailurePrefixes prefixes = FailurePrefixes.defaults();
  private String keyPrefix = "gh";
  private Duration budget = Duration.ofMillis(50);
  private int outbox = 10_000;
  private long maxEvents = 1_000_000;

  RedisSignInStoreBuilder() {}

  /**
   * Connects to one Redis server.
   *
   * @param uri such as {@code redis://127.0.0.1:6379}
   * @return this builder
   */
  public RedisSignInStoreBuilder standalone(String uri) {
    this.standalone = requireNonNull(uri, "uri");
    return this;
  }

  /**
   * Connects to a Redis Cluster through some of its nodes.
   *
   * @param seeds such as {@code redis://10.0.0.1:7000}
   * @return this builder
   */
  public RedisSignInStoreBuilder cluster(List<String> seeds) {
    this.cluster = List.copyOf(seeds);
    return this;
  }

  /**
   * Sets the bounds, enforced in Redis.
   *
   * @param limits the bounds
   * @return this builder
   */
  public RedisSignInStoreBuilder limits(MemoryLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    return this;
  }

  /**
   * Sets the zone of hours of day, which must be the monitor's.
   *
   * @param zone the zone
   * @return this builder
   */
  public RedisSignInStoreBuilder zone(ZoneId zone) {
    this.zone = requireNonNull(zone, "zone");
    return this;
  }

  /**
   * Sets the networks over which failures are counted besides the address.
   *
   * @param prefixes the prefixes
   * @return this builder
   */
  public RedisSignInStoreBuilder prefixes(FailurePrefixes prefixes) {
    this.prefixes = requireNonNull(prefixes, "prefixes");
    return this;
  }

  /**
   * Sets what every key starts with, so that several deployments share one Redis.
   *
   * @param prefix the prefix, not empty and without braces
   * @return this builder
   */
  public RedisSignInStoreBuilder keyPrefix(String prefix) {
    this.keyPrefix = requireNonNull(prefix, "prefix");
    return this;
  }

  /**
   * Sets how long a lookup or a write waits for Redis; past it a lookup leaves the risk out.
   *
   * @param budget the budget, positive
   * @return this builder
   */
  public RedisSignInStoreBuilder budget(Duration budget) {
    this.budget = requireNonNull(budget, "budget");
    return this;
  }

  /**
   * Sets how many events are held while Redis is away; more are dropped and counted.
   *
   * @param events the capacity, at least 1
   * @return this builder
   */
  public RedisSignInStoreBuilder outbox(int events) {
    this.outbox = events;
    return this;
  }

  /**
   * Sets about how many events the stream keeps for reports, the oldest trimmed first.
   *
   * @param events the cap, at least 1
   * @return this builder
   */
  public RedisSignInStoreBuilder maxEvents(long events) {
    this.maxEvents = events;
    return this;
  }

  /**
   * Returns the store, connected.
   *
   * @return the store
   * @throws IllegalArgumentException naming every setting out of range
   * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached at all
   */
  public RedisSignInStore build() {
    List<String> problems = new ArrayList<>();
    if ((standalone == null) == cluster.isEmpty()) {
      problems.add("set either a standalone uri or cluster seeds");
    }
    if (keyPrefix.isEmpty() || keyPrefix.contains("{") || keyPrefix.contains("}")) {
      problems.add("key prefix `" + keyPrefix + "` is empty or has braces");
    }
    if (budget.isNegative() || budget.isZero()) {
      problems.add("budget " + budget + " is not positive");
    }
    if (outbox < 1) {
      problems.add("outbox " + outbox + " is below 1");
    }
    if (maxEvents < 1) {
      problems.add("max events " + maxEvents + " is below 1");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Keys keys = new Keys(keyPrefix);
    SocketOptions socket = SocketOptions.builder().connectTimeout(Duration.ofMillis(500)).build();
    // Commands fail at once while disconnected instead of queueing without bound inside Lettuce:
    // the store's own outbox is the bounded queue.
    TimeoutOptions timeouts = TimeoutOptions.enabled(Duration.ofSeconds(1));
    // Reconnect attempts back off to one a second at most, so that history is shared again within
    // a second of Redis coming back (Lettuce's default backs off to 30 s).
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
    if (standalone != null) {
      RedisClient client = RedisClient.create(resources, RedisURI.create(standalone));
      client.setOptions(
          ClientOptions.builder()
              .autoReconnect(true)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .socketOptions(socket)
              .timeoutOptions(timeouts)
              .build());
      StatefulRedisConnection<String, String> connection = client.connect();
      RedisHistory history =
          new RedisHistory(connection.async(), keys, limits, zone, prefixes, maxEvents, true);
      return new RedisSignInStore(
          client, resources, connection, history, new Outbox(outbox), budget);
    }
    RedisClusterClient client =
        RedisClusterClient.create(resources, cluster.stream().map(RedisURI::create).toList());
    client.setOptions(
        ClusterClientOptions.builder()
            .autoReconnect(true)
            // Node connections open lazily, so commands wait for them, in a bounded queue, and
            // fail after the command timeout.
            .requestQueueSize(10_000)
            .socketOptions(socket)
            .timeoutOptions(timeouts)
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enablePeriodicRefresh(Duration.ofSeconds(30))
                    .build())
            .build());
    StatefulRedisClusterConnection<String, String> connection = client.connect();
    RedisHistory history =
        new RedisHistory(connection.async(), keys, limits, zone, prefixes, maxEvents, false);
    return new RedisSignInStore(client, resources, connection, history, new Outbox(outbox), budget);
  }
}
