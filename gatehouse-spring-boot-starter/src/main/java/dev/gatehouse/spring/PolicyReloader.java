package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reloads the policies when their files change, checking every {@code gatehouse.reload.interval}. A
 * set that fails to load is logged with its diagnostics and the running set stays; the next change
 * is tried again.
 */
public final class PolicyReloader implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyReloader.class);

  private final PolicyEngineHolder holder;
  private final PolicyLocations locations;
  private final Duration interval;
  private @Nullable ScheduledExecutorService executor;
  private List<String> fingerprint;
  private volatile @Nullable String lastFailure;

  /**
   * Creates a reloader; it watches from the files as they are now.
   *
   * @param holder the holder whose set is replaced
   * @param locations the policy locations
   * @param interval how often the files are checked
   */
  public PolicyReloader(PolicyEngineHolder holder, PolicyLocations locations, Duration interval) {
    this.holder = requireNonNull(holder, "holder");
    this.locations = requireNonNull(locations, "locations");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("reload interval `" + interval + "` is not positive");
    }
    this.interval = interval;
    this.fingerprint = fingerprint();
  }

  /**
   * Reloads now if a file changed since the last check, and says whether a new set runs.
   *
   * @return whether a new set was swapped in
   */
  public synchronized boolean checkNow() {
    List<String> now = fingerprint();
    if (now.equals(fingerprint)) {
      return false;
    }
    fingerprint = now;
    try {
      ParseResult result = locations.load();
      if (result.hasErrors()) {
        fail(result.render());
        return false;
      }
      holder.reload(result::orThrow);
      lastFailure = null;
      return true;
    } catch (RuntimeException e) {
      fail(String.valueOf(e.getMessage()));
      return false;
    }
  }

  /**
   * Returns the diagnostics of the last reload if it failed and none succeeded since.
   *
   * @return the diagnostics of the last failed reload, or empty
   */
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  private void fail(String diagnostics) {
    lastFailure = diagnostics;
    LOG.warn("policy reload failed; keeping the running set:\n{}", diagnostics);
  }

  /** Names, sizes and modification times: a change in any of them triggers a reload. */
  private List<String> fingerprint() {
    List<String> parts = new ArrayList<>();
    try {
      for (Path file : locations.watchedFiles()) {
        parts.add(
            Files.exists(file)
                ? file + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis()
                : file + ":absent");
      }
    } catch (IOException | RuntimeException e) {
      parts.add("unreadable:" + e.getMessage());
    }
    return parts;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gatehouse-policy-reload");
              t.setDaemon(true);
              return t;
            });
    long millis = interval.toMillis();
    ex.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
    executor = ex;
  }

  private void checkQuietly() {
    try {
      checkNow();
    } catch (RuntimeException e) {
      // The schedule must survive anything one check throws.
      LOG.warn("policy reload check failed", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
