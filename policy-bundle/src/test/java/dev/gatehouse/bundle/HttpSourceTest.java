package dev.gatehouse.bundle;

import static dev.gatehouse.bundle.Fixtures.MAIL;
import static dev.gatehouse.bundle.Fixtures.OTHER_KEY;
import static dev.gatehouse.bundle.Fixtures.TRUSTED;
import static dev.gatehouse.bundle.Fixtures.bundle;
import static dev.gatehouse.bundle.Fixtures.entries;
import static dev.gatehouse.bundle.Fixtures.revisionOf;
import static dev.gatehouse.bundle.Fixtures.utf8;
import static dev.gatehouse.bundle.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.Effect;
import dev.gatehouse.engine.PolicySource;
import dev.gatehouse.engine.SourceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Five nodes in one JVM polling a real loopback HTTP server for bundles. */
@Timeout(60)
final class HttpSourceTest {

  private static final Duration INTERVAL = Duration.ofMillis(250);
  private static final int NODES = 5;

  private final List<PolicySource> nodes = new ArrayList<>();
  private BundleServer server;

  @AfterEach
  void stop() {
    nodes.forEach(PolicySource::close);
    if (server != null) {
      server.close();
    }
  }

  private PolicySourceBuilder node() {
    return node(INTERVAL);
  }

  private PolicySourceBuilder node(Duration interval) {
    return PolicySources.http(server.uri(), TRUSTED)
        .pollInterval(interval)
        .jitter(0.2)
        .maxBackoff(interval.multipliedBy(2))
        .requestTimeout(Duration.ofSeconds(2));
  }

  private void startNodes() {
    for (int i = 0; i < NODES; i++) {
      nodes.add(node().start());
    }
  }

  /** Waits until every node's status passes {@code test}; returns how long it took. */
  private Duration awaitAll(Predicate<SourceStatus> test) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(10);
    while (!nodes.stream().allMatch(n -> test.test(n.status()))) {
      assertThat(System.nanoTime()).as("nodes: %s", statuses()).isLessThan(deadline);
      Thread.sleep(2);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private List<SourceStatus> statuses() {
    List<SourceStatus> all = new ArrayList<>();
    nodes.forEach(n -> all.add(n.status()));
    return all;
  }

  private void assertAllServe(long revision) {
    for (PolicySource node : nodes) {
      assertThat(revisionOf(node.holder().evaluate(MAIL))).isEqualTo(revision);
      assertThat(node.status().revision()).isEqualTo(revision);
    }
  }

  @Test
  void poll_newRevision_reachesAllFiveNodesWithinTwoIntervals() throws Exception {
    // Longer than the other tests' interval, so that a stall of the shared machine is small
    // against it; the bound is the same: two intervals.
    Duration interval = Duration.ofMillis(400);
    server = new BundleServer(bundle(1));
    for (int i = 0; i < NODES; i++) {
      nodes.add(node(interval).start());
    }
    assertAllServe(1);

    List<Duration> took = new ArrayList<>();
    for (long revision = 2; revision <= 4; revision++) {
      long r = revision;
      server.publish(bundle(r));
      took.add(awaitAll(s -> s.revision() == r));
      assertAllServe(r);
    }

    System.out.println(
        "convergence of "
            + NODES
            + " nodes polling every "
            + interval.toMillis()
            + " ms: "
            + took.stream().map(d -> d.toMillis() + " ms").toList());
    assertThat(took).allSatisfy(d -> assertThat(d).isLessThan(interval.multipliedBy(2)));
    assertThat(statuses()).allSatisfy(s -> assertThat(s.state()).isEqualTo(SourceStatus.State.OK));
    int before = server.notModified.get();
    Thread.sleep(interval.multipliedBy(3).toMillis());
    assertThat(server.notModified.get() - before)
        .as("unchanged bundles cost a 304")
        .isGreaterThanOrEqualTo(NODES * 2);
  }

  @Test
  void poll_badBundles_areRefusedByAllNodesWhichKeepServing() throws Exception {
    server = new BundleServer(bundle(2));
    startNodes();
    byte[] good = bundle(3);
    Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
    bad.put("is not a readable zip archive", flipInFile(good));
    bad.put("which is not a trusted key", bundle(3, OTHER_KEY));
    bad.put(
        "the signature names no key id",
        withSignature(good, s -> s.substring(s.indexOf('\n') + 1)));
    bad.put("the bundle is not signed", withoutSignature(good));
    bad.put("revision 1 is older than the running revision 2", bundle(1));
    bad.put("which the manifest does not list", withExtraFile(good));

    for (Map.Entry<String, byte[]> candidate : bad.entrySet()) {
      Instant published = Instant.now();
      server.publish(candidate.getValue());
      awaitAll(
          s ->
              s.state() == SourceStatus.State.DEGRADED
                  && s.consecutiveFailures() >= 2
                  && s.lastCheck().isAfter(published));
      assertThat(statuses())
          .as(candidate.getKey())
          .allSatisfy(s -> assertThat(s.lastError()).contains(candidate.getKey()));
      assertAllServe(2);
    }

    server.publish(good);
    awaitAll(s -> s.revision() == 3 && s.state() == SourceStatus.State.OK);
    assertAllServe(3);
  }

  @Test
  void poll_serverAwayAndBack_keepsServingThenCatchesUp() throws Exception {
    server = new BundleServer(bundle(1));
    startNodes();

    server.stop();
    awaitAll(s -> s.state() == SourceStatus.State.DEGRADED && s.consecutiveFailures() >= 2);
    assertThat(statuses()).allSatisfy(s -> assertThat(s.lastError()).startsWith("cannot reach `"));
    assertAllServe(1);

    server.publish(bundle(2));
    server.restart();
    awaitAll(s -> s.revision() == 2 && s.state() == SourceStatus.State.OK);
    assertAllServe(2);
    assertThat(statuses()).allSatisfy(s -> assertThat(s.consecutiveFailures()).isZero());
  }

  @Test
  void poll_serverFailing_backsOffDoublingUpToTheMaximum() throws Exception {
    server = new BundleServer(bundle(1));
    PolicySource node =
        PolicySources.http(server.uri(), TRUSTED)
            .pollInterval(Duration.ofMillis(50))
            .jitter(0)
            .maxBackoff(Duration.ofMillis(400))
            .start();
    nodes.add(node);

    server.failing = true;
    int before = server.requests.get();
    Thread.sleep(1500);
    int failingRequests = server.requests.get() - before;

    // 50 ms apart without back-off would be about 30 requests; 50, 100, 200, 400, 400... is 6.
    assertThat(failingRequests).isBetween(4, 8);
    assertThat(node.status().lastError()).isEqualTo("`" + server.uri() + "` answered 503");
    assertThat(node.status().consecutiveFailures()).isEqualTo(failingRequests);
    assertThat(revisionOf(node.holder().evaluate(MAIL))).isEqualTo(1);
  }

  @Test
  void evaluate_200ConcurrentEvaluationsDuringSwaps_eachDecidedByOneRevision() throws Exception {
    server = new BundleServer(bundle(1));
    startNodes();
    AtomicBoolean publishing = new AtomicBoolean(true);
    Set<Long> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger mixed = new AtomicInteger();
    AtomicInteger decisions = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(200);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 200; t++) {
      PolicySource node = nodes.get(t % NODES);
      Thread thread =
          new Thread(
              () -> {
                ready.countDown();
                do {
                  long revision = revisionOf(node.holder().evaluate(MAIL));
                  decisions.incrementAndGet();
                  if (revision < 0) {
                    mixed.incrementAndGet();
                  }
                  seen.add(revision);
                  pause();
                } while (publishing.get());
              });
      thread.start();
      threads.add(thread);
    }
    ready.await();
    try {
      for (long revision = 2; revision <= 6; revision++) {
        long r = revision;
        server.publish(bundle(r));
        awaitAll(s -> s.revision() == r);
      }
    } finally {
      publishing.set(false);
      for (Thread thread : threads) {
        thread.join();
      }
    }

    assertThat(mixed.get()).as("decisions mixing two revisions").isZero();
    assertThat(seen)
        .as("revisions deciding, of %s decisions", decisions.get())
        .contains(1L, 6L)
        .hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void start_serverAwayWithCache_startsOnTheCachedBundle(@TempDir Path cache) throws Exception {
    server = new BundleServer(bundle(4));
    nodes.add(node().cacheDirectory(cache).start());
    server.stop();

    PolicySource restarted = node().cacheDirectory(cache).start();
    nodes.add(restarted);

    assertThat(revisionOf(restarted.holder().evaluate(MAIL))).isEqualTo(4);
    assertThat(restarted.status().state()).isEqualTo(SourceStatus.State.DEGRADED);
    assertThat(restarted.status().lastError()).startsWith("cannot reach `" + server.uri() + "`");
  }

  @Test
  void start_serverAwayWithoutCache_refusesToStart() throws Exception {
    server = new BundleServer(bundle(4));
    server.stop();

    assertThatThrownBy(() -> node().start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no policies to serve from `" + server.uri() + "`: cannot reach `")
        .hasMessageEndingWith("; no cache directory is configured");
  }

  @Test
  void start_serveWithoutPolicies_deniesUntilTheFirstBundle() throws Exception {
    server = new BundleServer(bundle(4));
    server.stop();
    PolicySource node = node().serveWithoutPolicies().start();
    nodes.add(node);

    assertThat(node.status().state()).isEqualTo(SourceStatus.State.NEVER_LOADED);
    assertThat(node.holder().evaluate(MAIL).effect()).isEqualTo(Effect.DENY);

    server.restart();
    awaitAll(s -> s.state() == SourceStatus.State.OK);
    assertThat(revisionOf(node.holder().evaluate(MAIL))).isEqualTo(4);
  }

  @Test
  void start_cacheTampered_isRefusedAndTheServerUsed(@TempDir Path cache) throws Exception {
    server = new BundleServer(bundle(4));
    java.nio.file.Files.write(cache.resolve("last-good.bundle"), bundle(9, OTHER_KEY));
    List<String> failures = new ArrayList<>();
    PolicySource node =
        node()
            .cacheDirectory(cache)
            .listener(
                new PolicySource.Listener() {
                  @Override
                  public void failed(String error) {
                    failures.add(error);
                  }
                })
            .start();
    nodes.add(node);

    assertThat(node.status().revision()).isEqualTo(4);
    assertThat(failures)
        .singleElement()
        .asString()
        .startsWith("the cached bundle `" + cache.resolve("last-good.bundle") + "` is refused: ");
  }

  @Test
  void poll_longPoll_deliversFasterThanTheInterval() throws Exception {
    server = new BundleServer(bundle(1));
    for (int i = 0; i < NODES; i++) {
      nodes.add(
          PolicySources.http(server.uri(), TRUSTED)
              .pollInterval(Duration.ofSeconds(20))
              .longPoll(Duration.ofSeconds(5))
              .maxBackoff(Duration.ofSeconds(20))
              .start());
    }
    Thread.sleep(100); // let every node's long poll reach the server

    server.publish(bundle(2));
    Duration took = awaitAll(s -> s.revision() == 2);

    System.out.println("long-poll convergence of " + NODES + " nodes: " + took.toMillis() + " ms");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
  }

  /** Lets 200 evaluating threads share two cores with the pollers and the server. */
  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Flips one bit in the middle of the stored data of `a.policy`, as a bad disk or wire would. */
  private static byte[] flipInFile(byte[] bundle) {
    byte[] name = utf8("a.policy");
    for (int i = 0; i + 30 < bundle.length; i++) {
      if (bundle[i] == 'P'
          && bundle[i + 1] == 'K'
          && bundle[i + 2] == 3
          && bundle[i + 3] == 4
          && java.util.Arrays.equals(bundle, i + 30, i + 30 + name.length, name, 0, name.length)) {
        int data = i + 30 + name.length + u16(bundle, i + 28);
        byte[] flipped = bundle.clone();
        flipped[data + u16(bundle, i + 18) / 2] ^= 0x04;
        return flipped;
      }
    }
    throw new AssertionError("no `a.policy` entry");
  }

  private static int u16(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
  }

  private static byte[] withSignature(byte[] bundle, UnaryOperator<String> edit) {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle));
    String signature = new String(entries.get(1).getValue(), StandardCharsets.UTF_8);
    entries.set(1, Map.entry("gatehouse.sig", utf8(edit.apply(signature))));
    return zip(entries);
  }

  private static byte[] withoutSignature(byte[] bundle) {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle));
    entries.remove(1);
    return zip(entries);
  }

  private static byte[] withExtraFile(byte[] bundle) {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(bundle));
    entries.add(
        Map.entry("open.policy", utf8("assign \"open\" {\n  app \"mail\" role \"admin\"\n}\n")));
    return zip(entries);
  }
}
