package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.monitor.SignInReport;
import dev.gatehouse.monitor.redis.RedisServer;
import dev.gatehouse.monitor.redis.RedisSignInStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the test application with its sign-in history in a real {@code redis-server} on loopback,
 * and reads that history back as another node of the application would, through a store of its own.
 */
// Declared before @SpringBootTest, so that Redis outlives the application, closed after the class.
@ExtendWith(GatehouseRedisMonitorTest.Redis.class)
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Generous, so that a loaded machine does not push the write into the outbox.
      "gatehouse.monitor.redis.budget=2s",
      "gatehouse.monitor.redis.key-prefix=node-test"
    })
@DirtiesContext
final class GatehouseRedisMonitorTest {

  private static RedisServer redis;

  @LocalServerPort int port;
  @Autowired SignInMonitor monitor;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .cookieHandler(new CookieManager())
          .build();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("gatehouse.monitor.redis.uri", () -> redis.uri());
    registry.add("gatehouse.policies", () -> Path.of("..", "examples", "acme.policy").toString());
  }

  @Test
  void signIn_wrongPassword_isSeenByAnotherNode() throws Exception {
    HttpResponse<String> login = FormLogin.post(http, uri("/"), "clerk", "wrong");

    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(monitor.store()).isInstanceOf(RedisSignInStore.class);
    try (RedisSignInStore otherNode =
        RedisSignInStore.builder()
            .standalone(redis.uri())
            .keyPrefix("node-test")
            .budget(Duration.ofSeconds(5))
            .build()) {
      SignInReport report =
          SignInMonitor.builder()
              .store(otherNode)
              .build()
              .report(TestApp.NOW.minusSeconds(60), TestApp.NOW.plusSeconds(60));
      assertThat(report.byOutcome()).containsEntry(SignInEvent.Outcome.FAILED_CREDENTIALS, 1L);
      assertThat(report.topFailingUsers(5)).anyMatch(c -> c.key().equals("clerk"));
    }
  }

  @Test
  void close_context_closesTheRedisConnection() throws Exception {
    int before = clients();
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatehouseRedisMonitorAutoConfiguration.class))
        .withPropertyValues("gatehouse.monitor.redis.uri=" + redis.uri())
        .run(
            context -> {
              assertThat(context).hasSingleBean(RedisSignInStore.class);
              assertThat(clients()).isEqualTo(before + 1);
            });

    assertThat(clients()).isEqualTo(before);
  }

  @Test
  void store_clusterSeedsSeparatedByCommas_sharesTheHistoryOverTheCluster() throws Exception {
    List<RedisServer> nodes = RedisServer.startCluster();
    try {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(GatehouseRedisMonitorAutoConfiguration.class))
          .withPropertyValues(
              // The first write opens the node connections; the outbox would not outlive the close.
              "gatehouse.monitor.redis.budget=5s",
              "gatehouse.monitor.redis.cluster=true",
              "gatehouse.monitor.redis.uri=" + nodes.get(0).uri() + ", " + nodes.get(1).uri())
          .run(
              context -> {
                SignInMonitor.builder()
                    .store(context.getBean(RedisSignInStore.class))
                    .build()
                    .record(
                        new SignInEvent(
                            "dana",
                            TestApp.NOW,
                            IpAddress.parse("198.51.100.7"),
                            null,
                            null,
                            null,
                            SignInEvent.Outcome.FAILED_CREDENTIALS,
                            List.of(),
                            List.of()));
              });

      try (RedisSignInStore otherNode =
          RedisSignInStore.builder()
              .cluster(List.of(nodes.get(2).uri()))
              .budget(Duration.ofSeconds(5))
              .build()) {
        assertThat(
                otherNode.ipFailuresBetween(
                    IpAddress.parse("198.51.100.7"),
                    TestApp.NOW.minusSeconds(60),
                    TestApp.NOW.plusSeconds(60)))
            .isEqualTo(1);
      }
    } finally {
      for (RedisServer node : nodes) {
        node.close();
      }
    }
  }

  /** Returns how many clients Redis has, besides the {@code redis-cli} asking. */
  private static int clients() throws Exception {
    Matcher m = Pattern.compile("connected_clients:(\\d+)").matcher(redis.cli("info", "clients"));
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1)) - 1;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Runs the Redis server around the class and its application. */
  static final class Redis implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
      redis = RedisServer.start(false);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
      redis.close();
    }
  }
}
