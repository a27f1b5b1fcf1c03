package dev.gatehouse.bundle;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import dev.gatehouse.bundle.internal.BundlePoller;
import dev.gatehouse.bundle.internal.DirectoryWatcher;
import dev.gatehouse.bundle.internal.Fetcher;
import dev.gatehouse.bundle.internal.FileFetcher;
import dev.gatehouse.bundle.internal.HttpFetcher;
import dev.gatehouse.bundle.internal.SourceCore;
import dev.gatehouse.engine.PolicySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Configures and starts a {@link PolicySource}; made by {@link PolicySources}. Every setter checks
 * its argument at once; {@link #start()} leaves the builder reusable.
 */
public final class PolicySourceBuilder {

  enum Kind {
    DIRECTORY,
    FILE,
    HTTP
  }

  private final Kind kind;
  private final @Nullable Path path;
  private final @Nullable URI uri;
  private final @Nullable TrustedKeys keys;
  private Schema schema = Schema.standard();
  private boolean allowRollback;
  private boolean serveWithoutPolicies;
  private @Nullable Path cacheDirectory;
  private Duration pollInterval = Duration.ofSeconds(10);
  private double jitter = 0.2;
  private Duration maxBackoff = Duration.ofMinutes(5);
  private Duration longPoll = Duration.ZERO;
  private Duration requestTimeout = Duration.ofSeconds(10);
  private Duration debounce = Duration.ofMillis(500);
  private @Nullable HttpClient httpClient;
  private Clock clock = Clock.systemUTC();
  private final List<PolicySource.Listener> listeners = new ArrayList<>();

  PolicySourceBuilder(
      Kind kind, @Nullable Path path, @Nullable URI uri, @Nullable TrustedKeys keys) {
    this.kind = kind;
    this.path = path;
    this.uri = uri;
    this.keys = keys;
  }

  /**
   * Sets the schema policies are validated against; the default is the standard one. A bundle built
   * for another schema is refused.
   *
   * @param schema the schema
   * @return this builder
   */
  public PolicySourceBuilder schema(Schema schema) {
    this.schema = requireNonNull(schema, "schema");
    return this;
  }

  /**
   * Accepts a bundle with a revision lower than the running one, to roll back by republishing an
   * old bundle. Without it such a bundle is refused, so a replayed old bundle cannot undo a fix.
   *
   * @return this builder
   */
  public PolicySourceBuilder allowRollback() {
    this.allowRollback = true;
    return this;
  }

  /**
   * Lets {@link #start()} return a source that has no policies yet, so the host starts and every
   * request is denied until a first set loads (state {@code NEVER_LOADED}). Without it, {@link
   * #start()} throws when no set can be loaded.
   *
   * @return this builder
   */
  public PolicySourceBuilder serveWithoutPolicies() {
    this.serveWithoutPolicies = true;
    return this;
  }

  /**
   * Keeps the last accepted bundle in {@code directory}, and starts from it when the server cannot
   * be reached; it is verified again when read. Bundle sources only.
   *
   * @param directory the cache directory, created if missing
   * @return this builder
   */
  public PolicySourceBuilder cacheDirectory(Path directory) {
    this.cacheDirectory = requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Sets how often a bundle source checks for a new bundle; the default is 10 seconds.
   *
   * @param interval the poll interval, at least 10 ms
   * @return this builder
   * @throws IllegalArgumentException if it is shorter than 10 ms
   */
  public PolicySourceBuilder pollInterval(Duration interval) {
    this.pollInterval = atLeast(interval, Duration.ofMillis(10), "poll interval");
    return this;
  }

  /**
   * Sets the random part by which each poll interval is shortened, as a fraction; the default is
   * 0.2. Intervals are only ever shortened, so a node checks at least once per interval.
   *
   * @param fraction the jitter, from 0 to 0.9
   * @return this builder
   * @throws IllegalArgumentException if it is outside 0 to 0.9
   */
  public PolicySourceBuilder jitter(double fraction) {
    if (!(fraction >= 0 && fraction <= 0.9)) {
      throw new IllegalArgumentException("jitter must be from 0 to 0.9, not " + fraction);
    }
    this.jitter = fraction;
    return this;
  }

  /**
   * Sets the longest delay between checks after failures, which double the delay each time; the
   * default is 5 minutes.
   *
   * @param maxBackoff the longest delay, at least the poll interval when started
   * @return this builder
   */
  public PolicySourceBuilder maxBackoff(Duration maxBackoff) {
    this.maxBackoff = atLeast(maxBackoff, Duration.ofMillis(10), "maximum back-off");
    return this;
  }

  /**
   * Asks the server to hold each request up to {@code wait} until the bundle changes ({@code
   * Prefer: wait=N}); a node then asks again as soon as an answer comes. HTTP sources only; the
   * default is no long-polling.
   *
   * @param wait how long the server may hold a request, at least one second
   * @return this builder
   */
  public PolicySourceBuilder longPoll(Duration wait) {
    this.longPoll = atLeast(wait, Duration.ofSeconds(1), "long-poll wait");
    return this;
  }

  /**
   * Sets how long an HTTP request may take, besides the long-poll wait; the default is 10 s.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public PolicySourceBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = atLeast(timeout, Duration.ofMillis(10), "request timeout");
    return this;
  }

  /**
   * Sets how long a watched directory must be quiet before it is read; the default is 500 ms.
   *
   * @param quiet the quiet time
   * @return this builder
   */
  public PolicySourceBuilder debounce(Duration quiet) {
    this.debounce = atLeast(quiet, Duration.ofMillis(10), "debounce");
    return this;
  }

  /**
   * Sets the HTTP client, for TLS settings, a proxy or an authenticator; the default is a client of
   * its own with a 5 second connect timeout.
   *
   * @param client the client
   * @return this builder
   */
  public PolicySourceBuilder httpClient(HttpClient client) {
    this.httpClient = requireNonNull(client, "client");
    return this;
  }

  /**
   * Sets the clock of the status times.
   *
   * @param clock the clock
   * @return this builder
   */
  public PolicySourceBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Adds a listener told of every swap and failure, the first load included.
   *
   * @param listener the listener
   * @return this builder
   */
  public PolicySourceBuilder listener(PolicySource.Listener listener) {
    listeners.add(requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Loads the first set and starts checking for new ones in the background.
   *
   * @return the running source; close it to stop checking
   * @throws IllegalStateException if no set could be loaded (the message says why) and {@link
   *     #serveWithoutPolicies()} was not asked for, or an option does not fit this kind of source
   * @throws UncheckedIOException if a watched directory cannot be watched
   */
  public PolicySource start() {
    checkOptions();
    SourceCore core = new SourceCore(describe(), schema, allowRollback, clock, listeners);
    if (kind == Kind.DIRECTORY) {
      return startDirectory(core);
    }
    Fetcher fetcher =
        kind == Kind.FILE
            ? new FileFetcher(requireNonNull(path))
            : new HttpFetcher(client(), requireNonNull(uri), requestTimeout, longPoll);
    BundlePoller poller =
        new BundlePoller(
            core,
            fetcher,
            requireNonNull(keys),
            cacheDirectory,
            new BundlePoller.Timing(pollInterval, jitter, maxBackoff, longPoll));
    poller.loadCache();
    poller.checkNow();
    requireLoaded(core, poller);
    poller.startPolling();
    return poller;
  }

  private PolicySource startDirectory(SourceCore core) {
    DirectoryWatcher watcher;
    try {
      watcher = new DirectoryWatcher(core, requireNonNull(path), debounce);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch `" + path + "`: " + e.getMessage(), e);
    }
    // A directory being written at start-up is read again once it has been quiet.
    for (int attempt = 0; attempt < 10 && !watcher.loadNow(); attempt++) {
      try {
        Thread.sleep(debounce.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    requireLoaded(core, watcher);
    watcher.startWatching();
    return watcher;
  }

  private void requireLoaded(SourceCore core, PolicySource source) {
    if (core.loaded() || serveWithoutPolicies) {
      return;
    }
    source.close();
    String cache =
        kind == Kind.DIRECTORY
            ? ""
            : cacheDirectory == null
                ? "; no cache directory is configured"
                : "; no usable cached bundle in `" + cacheDirectory + "`";
    throw new IllegalStateException(
        "no policies to serve from "
            + describe()
            + ": "
            + core.status().error().orElse("nothing loaded")
            + cache);
  }

  private void checkOptions() {
    if (kind == Kind.DIRECTORY && cacheDirectory != null) {
      throw new IllegalStateException("a watched directory needs no cache directory");
    }
    if (kind != Kind.HTTP && (!longPoll.isZero() || httpClient != null)) {
      throw new IllegalStateException("long-polling and an HTTP client are for HTTP sources only");
    }
    if (maxBackoff.compareTo(pollInterval) < 0) {
      throw new IllegalStateException(
          "the maximum back-off "
              + maxBackoff
              + " is shorter than the poll interval "
              + pollInterval);
    }
  }

  private HttpClient client() {
    if (httpClient != null) {
      return httpClient;
    }
    httpClient =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return httpClient;
  }

  private String describe() {
    return kind == Kind.HTTP ? "`" + uri + "`" : "`" + path + "`";
  }

  private static Duration atLeast(Duration value, Duration least, String what) {
    if (requireNonNull(value, what).compareTo(least) < 0) {
      throw new IllegalArgumentException(what + " must be at least " + least + ", not " + value);
    }
    return value;
  }
}
