package dev.gatehouse.bundle.internal;

import dev.gatehouse.bundle.Bundle;
import dev.gatehouse.bundle.BundleException;
import dev.gatehouse.bundle.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source that fetches a bundle now and then, on one daemon thread: every interval, shortened by a
 * random part of up to {@code jitter} so that nodes do not all ask at once; after failures the
 * delay doubles up to {@code maxBackoff}. The last accepted bundle is kept in the cache directory,
 * if there is one, so a node can start while the server is away.
 */
public final class BundlePoller extends RunningSource {

  private static final Logger LOG = LoggerFactory.getLogger(BundlePoller.class);
  private static final String CACHE_FILE = "last-good.bundle";

  /** How often and how eagerly to poll. */
  public record Timing(Duration interval, double jitter, Duration maxBackoff, Duration longPoll) {}

  private final Fetcher fetcher;
  private final TrustedKeys keys;
  private final @Nullable Path cacheDirectory;
  private final Timing timing;
  private final ScheduledExecutorService executor;
  private volatile boolean closed;

  /** Creates a poller; nothing is fetched until {@link #checkNow()} or {@link #startPolling()}. */
  public BundlePoller(
      SourceCore core,
      Fetcher fetcher,
      TrustedKeys keys,
      @Nullable Path cacheDirectory,
      Timing timing) {
    super(core);
    this.fetcher = fetcher;
    this.keys = keys;
    this.cacheDirectory = cacheDirectory;
    this.timing = timing;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "gatehouse-source " + fetcher.describe());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Loads the cached bundle, verified like any other, if there is one. */
  public void loadCache() {
    if (cacheDirectory == null || !Files.isRegularFile(cacheDirectory.resolve(CACHE_FILE))) {
      return;
    }
    Path file = cacheDirectory.resolve(CACHE_FILE);
    try {
      core.offer(Bundle.read(Files.readAllBytes(file), keys));
    } catch (IOException | BundleException e) {
      core.fail("the cached bundle `" + file + "` is refused: " + e.getMessage());
    }
  }

  /** Fetches the bundle once and offers it; every failure is recorded, none thrown. */
  public void checkNow() {
    try {
      Optional<byte[]> fetched = fetcher.fetch();
      if (fetched.isEmpty()) {
        core.checked();
        return;
      }
      Bundle bundle = Bundle.read(fetched.get(), keys);
      SourceCore.Outcome outcome = core.offer(bundle);
      if (outcome != SourceCore.Outcome.REFUSED) {
        fetcher.accepted();
      }
      if (outcome == SourceCore.Outcome.SWAPPED) {
        cache(bundle);
      }
    } catch (BundleException e) {
      core.fail("the bundle from " + fetcher.describe() + " is refused: " + e.getMessage());
    } catch (IOException e) {
      if (!closed) {
        // A fetch cut short by close() is no failure of the server.
        core.fail(e.getMessage() == null ? "cannot fetch " + fetcher.describe() : e.getMessage());
      }
    } catch (RuntimeException e) {
      // A bug must not stop the polling nor pass for a good check.
      core.fail("checking " + fetcher.describe() + " failed: " + e);
    }
  }

  private void cache(Bundle bundle) {
    if (cacheDirectory == null) {
      return;
    }
    try {
      Files.createDirectories(cacheDirectory);
      Path temporary = Files.createTempFile(cacheDirectory, ".last-good", ".tmp");
      Files.write(temporary, bundle.bytes());
      Files.move(
          temporary,
          cacheDirectory.resolve(CACHE_FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // The bundle runs anyway; only a later start without the server would miss it.
      LOG.warn(
          "cannot cache revision {} in `{}`: {}",
          bundle.revision(),
          cacheDirectory,
          e.getMessage());
    }
  }

  /** Starts polling on the poller's thread. */
  public void startPolling() {
    // A long-polling node waits at the server, not here.
    schedule(nextDelayMillis(timing.longPoll().toNanos()));
  }

  private void schedule(long delayMillis) {
    if (closed) {
      return;
    }
    try {
      executor.schedule(this::poll, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed meanwhile.
    }
  }

  private void poll() {
    long started = System.nanoTime();
    checkNow();
    schedule(nextDelayMillis(System.nanoTime() - started));
  }

  private long nextDelayMillis(long lastCheckNanos) {
    int failures = core.failures();
    long longPoll = timing.longPoll().toNanos();
    if (failures == 0 && longPoll > 0 && lastCheckNanos >= longPoll / 2) {
      // The server held the request until something changed or its wait ran out: ask again now.
      return 0;
    }
    long base = timing.interval().toMillis();
    if (failures > 0) {
      base = Math.min(timing.maxBackoff().toMillis(), base << Math.min(failures - 1, 20));
    }
    return (long) (base * (1 - timing.jitter() * ThreadLocalRandom.current().nextDouble()));
  }

  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "PolicySource{" + fetcher.describe() + ", " + core.status().state() + "}";
  }
}
