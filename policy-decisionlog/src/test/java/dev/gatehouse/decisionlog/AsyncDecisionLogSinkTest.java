package dev.gatehouse.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The asynchronous sink in front of a writer that stalls. */
final class AsyncDecisionLogSinkTest {

  private final PolicyEngineHolder holder =
      new PolicyEngineHolder(
          PolicyEngine.compile(PolicyDsl.parseOrThrow("p", DecisionLoggerTest.POLICIES)));

  @Test
  void accept_writerStalledAndQueueFull_dropsAndCountsWithoutBlocking() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> lines = new CopyOnWriteArrayList<>();
    AsyncDecisionLogSink sink =
        AsyncDecisionLogSink.create(
            DecisionLogFormat.defaults(),
            line -> {
              entered.countDown();
              await(release);
              lines.add(line);
            },
            2);
    DecisionLogger logger = DecisionLogger.builder(holder, sink).build();

    logger.evaluate(DecisionLoggerTest.request("u-0", "mail", "203.0.113.9", "staff"));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (int i = 1; i < 10; i++) {
            logger.evaluate(DecisionLoggerTest.request("u-" + i, "mail", "203.0.113.9", "staff"));
          }
        });

    assertThat(sink.dropped()).isEqualTo(7);
    assertThat(sink.queued()).isEqualTo(2);
    release.countDown();
    sink.close();
    assertThat(lines).hasSize(3);
    assertThat(sink.written()).isEqualTo(3);
    assertThat(lines.get(0)).contains("\"u-0\"");
  }

  @Test
  void close_recordsQueued_allWrittenAsJsonLines() throws Exception {
    StringWriter out = new StringWriter();
    AsyncDecisionLogSink sink =
        AsyncDecisionLogSink.toWriter(out, DecisionLogFormat.defaults(), 100);
    DecisionLogger logger = DecisionLogger.builder(holder, sink).build();

    for (int i = 0; i < 5; i++) {
      logger.evaluate(DecisionLoggerTest.request("u-" + i, "crm", "203.0.113.9", "staff"));
    }
    sink.close();

    assertThat(out.toString().split("\n"))
        .hasSize(5)
        .allSatisfy(line -> assertThat(line).startsWith("{\"id\":").endsWith("}"))
        .allSatisfy(line -> assertThat(line).contains("\"effect\":\"deny\""));
    assertThat(sink.dropped()).isZero();
  }

  @Test
  void accept_afterClose_droppedAndCounted() throws Exception {
    AsyncDecisionLogSink sink =
        AsyncDecisionLogSink.create(DecisionLogFormat.defaults(), line -> {}, 10);
    DecisionLogger logger = DecisionLogger.builder(holder, sink).build();
    sink.close();

    logger.evaluate(DecisionLoggerTest.request("u-1", "crm", "203.0.113.9", "staff"));

    assertThat(sink.dropped()).isEqualTo(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
