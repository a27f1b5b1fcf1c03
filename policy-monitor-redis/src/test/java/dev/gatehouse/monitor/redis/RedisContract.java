package dev.gatehouse.monitor.redis;

import dev.gatehouse.monitor.FailurePrefixes;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.monitor.SignInStoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

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
