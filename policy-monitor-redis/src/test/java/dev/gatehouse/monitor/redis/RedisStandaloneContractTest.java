package dev.gatehouse.monitor.redis;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on one Redis server. */
final class RedisStandaloneContractTest extends RedisContract {

  private static RedisServer server;

  @BeforeAll
  static void startRedis() throws Exception {
    server = RedisServer.start(false);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    server.close();
  }

  @Override
  List<RedisServer> servers() {
    return List.of(server);
  }

  @Override
  RedisSignInStoreBuilder connect(RedisSignInStoreBuilder builder) {
    return builder.standalone(server.uri());
  }
}
