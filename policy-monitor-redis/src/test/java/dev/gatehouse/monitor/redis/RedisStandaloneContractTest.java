package dev.gatehouse.monitor.redis;

import dev.gatehouse.monitor.FailurePrefixes;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.SignInStoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on one Redis server. */
final class RedisStandaloneContractTest extends SignInStoreContract {

  private static RedisServer server;
  private final List<RedisSignInStore> stores = new ArrayList<>();

  @BeforeAll
  static void startRedis() throws Exception {
    server = RedisServer.start(false);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    server.close();
  }

  @AfterEach
  void closeStores() throws Exception {
    stores.forEach(RedisSignInStore::close);
    server.cli("flushall");
  }

  @Override
  protected SignInStore newStore(MemoryLimits limits, FailurePrefixes prefixes) {
    RedisSignInStore store =
        RedisSignInStore.builder()
            .standalone(server.uri())
            .limits(limits)
            .prefixes(prefixes)
            // The contract is about behaviour; RedisFaultTest holds the default budget to account.
            .budget(Duration.ofSeconds(2))
            .build();
    stores.add(store);
    return store;
  }
}
