package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policy reloads under a running server: the next request sees them, none sees a mixture. */
final class GatehouseFilterReloadTest {

  private static final int REQUESTS = 200;
  private static final int CLIENT_THREADS = 16;

  private PolicyEngineHolder holder;
  private JettyHarness server;

  @BeforeEach
  void start() throws Exception {
    holder = new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.standard()));
    server =
        JettyHarness.start(TestPolicies.filter(holder).logLevel(System.Logger.Level.DEBUG).build());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void doFilter_reloadBetweenRequests_nextRequestSeesNewPolicies() throws Exception {
    HttpResponse<String> before = get(server.uri("/mail/inbox"), "X-Test-User", "ann");
    holder.swap(TestPolicies.empty());
    HttpResponse<String> after = get(server.uri("/mail/inbox"), "X-Test-User", "ann");

    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(after.statusCode()).isEqualTo(403);
    assertThat(after.body()).contains("\"reasons\":[\"not_assigned\"]");
  }

  @Test
  void doFilter_concurrentRequestsDuringReloads_eachDecidedByOneSet() throws Exception {
    PolicySet readers = TestPolicies.withMailRole("reader");
    PolicySet writers = TestPolicies.withMailRole("writer");
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger swaps = new AtomicInteger();
    Thread reloader =
        new Thread(
            () -> {
              while (!done.get()) {
                holder.swap(swaps.incrementAndGet() % 2 == 0 ? readers : writers);
              }
            });
    ExecutorService clients = Executors.newFixedThreadPool(CLIENT_THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      responses.add(
          clients.submit(
              () -> {
                go.await();
                return get(server.uri("/mail/inbox"), "X-Test-User", "ann");
              }));
    }
    reloader.start();
    go.countDown();
    List<String> bodies = new ArrayList<>();
    try {
      for (Future<HttpResponse<String>> response : responses) {
        HttpResponse<String> r = response.get(60, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        bodies.add(r.body());
      }
    } finally {
      done.set(true);
      reloader.join(10_000);
      clients.shutdownNow();
    }

    assertThat(bodies)
        .hasSize(REQUESTS)
        .allSatisfy(
            body ->
                assertThat(body)
                    .isIn(
                        "roles=[reader] report_only=[mail-blocked-trial=DENY]",
                        "roles=[writer] report_only=[mail-blocked-trial=DENY]"));
    assertThat(swaps.get()).isGreaterThan(1);
  }
}
