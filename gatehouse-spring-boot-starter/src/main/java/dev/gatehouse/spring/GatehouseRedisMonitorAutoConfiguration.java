package dev.gatehouse.spring;

import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.redis.RedisSignInStore;
import dev.gatehouse.monitor.redis.RedisSignInStoreBuilder;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * Puts the sign-in monitor's history in Redis when {@code policy-monitor-redis} is on the classpath
 * and {@code gatehouse.monitor.redis.uri} is set, so that every node of the application counts the
 * same failures and knows the same devices. Runs before {@link GatehouseAutoConfiguration}, whose
 * monitor takes the store; backs off when the application defines a {@link SignInStore} of its own.
 */
@AutoConfiguration(before = GatehouseAutoConfiguration.class)
@ConditionalOnClass(RedisSignInStore.class)
@ConditionalOnProperty(prefix = "gatehouse.monitor.redis", name = "uri")
@ConditionalOnProperty(
    prefix = "gatehouse.monitor",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(GatehouseProperties.class)
public class GatehouseRedisMonitorAutoConfiguration {

  /** Creates the configuration; Spring calls it. */
  public GatehouseRedisMonitorAutoConfiguration() {}

  /**
   * Returns the store, connected to Redis; closed, with its client, when the application stops.
   *
   * @param properties the properties
   * @return the store
   * @throws IllegalArgumentException naming every setting out of range
   * @throws io.lettuce.core.RedisConnectionException if Redis cannot be reached; the application
   *     does not start
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean(SignInStore.class)
  public RedisSignInStore gatehouseRedisSignInStore(GatehouseProperties properties) {
    GatehouseProperties.Redis redis = properties.getMonitor().getRedis();
    RedisSignInStoreBuilder builder =
        RedisSignInStore.builder()
            .budget(redis.getBudget())
            .keyPrefix(redis.getKeyPrefix())
            .outbox(redis.getOutbox())
            .maxEvents(redis.getMaxEvents());
    String uri = redis.getUri().trim();
    if (redis.isCluster()) {
      builder.cluster(Arrays.asList(StringUtils.tokenizeToStringArray(uri, ",")));
    } else {
      builder.standalone(uri);
    }
    return builder.build();
  }
}
