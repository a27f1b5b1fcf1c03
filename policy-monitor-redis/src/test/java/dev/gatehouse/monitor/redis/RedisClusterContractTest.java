package dev.gatehouse.monitor.redis;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a three-master Redis Cluster made with {@code redis-cli --cluster}. */
final class RedisClusterContractTest extends RedisContract {

  private static List<RedisServer> nodes;

  @BeforeAll
  static void startRedis() throws Exception {
    nodes = RedisServer.startCluster();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    for (RedisServer node : nodes) {
      node.close();
    }
  }

  @Override
  List<RedisServer> servers() {
    return nodes;
  }

  @Override
  RedisSignInStoreBuilder connect(RedisSignInStoreBuilder builder) {
    return builder.cluster(nodes.stream().map(RedisServer::uri).toList());
  }
}
