package dev.gatehouse.bundle.internal;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.bundle.Bundle;
import dev.gatehouse.dsl.Diagnostic;
import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.PolicySource;
import dev.gatehouse.engine.SourceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a candidate set becomes the running one: checked against the running revision,
 * parsed, validated and compiled aside, then swapped in; any failure keeps the running set and is
 * recorded. Thread-safe; candidates are taken one at a time.
 */
public final class SourceCore {

  private static final Logger LOG = LoggerFactory.getLogger(SourceCore.class);

  /** What became of a candidate. */
  public enum Outcome {
    /** It was swapped in. */
    SWAPPED,
    /** It is the running set already. */
    UNCHANGED,
    /** It was refused; the running set stays. */
    REFUSED
  }

  private final String name;
  private final Schema schema;
  private final boolean allowRollback;
  private final Clock clock;
  private final PolicyEngineHolder holder;
  private final List<PolicySource.Listener> listeners = new CopyOnWriteArrayList<>();

  private long revision;
  private @Nullable String digest;
  private @Nullable Instant since;
  private @Nullable Instant lastCheck;
  private @Nullable String lastError;
  private int failures;

  /** Creates a core whose holder runs an empty set, which denies everything, until a load. */
  public SourceCore(
      String name,
      Schema schema,
      boolean allowRollback,
      Clock clock,
      List<PolicySource.Listener> listeners) {
    this.name = requireNonNull(name, "name");
    this.schema = requireNonNull(schema, "schema");
    this.allowRollback = allowRollback;
    this.clock = requireNonNull(clock, "clock");
    this.listeners.addAll(listeners);
    this.holder = new PolicyEngineHolder(PolicyEngine.compile(PolicySet.builder(schema).build()));
  }

  /** Returns the holder fed by this core. */
  public PolicyEngineHolder holder() {
    return holder;
  }

  /** Returns the listeners, to add to and remove from. */
  public List<PolicySource.Listener> listeners() {
    return listeners;
  }

  /** Returns the running revision, 0 when never loaded. */
  public synchronized long revision() {
    return revision;
  }

  /** Returns whether a set was ever loaded. */
  public synchronized boolean loaded() {
    return digest != null;
  }

  /** Offers a verified bundle; refuses it if it was built for another schema. */
  public Outcome offer(Bundle bundle) {
    if (!bundle.builtFor(schema)) {
      fail("revision " + bundle.revision() + " was built for another schema than this node's");
      return Outcome.REFUSED;
    }
    return offer(bundle.revision(), bundle.digest(), bundle.files());
  }

  /**
   * Offers a candidate set.
   *
   * @param candidate the candidate's revision
   * @param contentDigest identifies the candidate's content
   * @param files the policy text by source name
   */
  public synchronized Outcome offer(
      long candidate, String contentDigest, Map<String, String> files) {
    lastCheck = clock.instant();
    if (contentDigest.equals(digest)) {
      succeeded();
      return Outcome.UNCHANGED;
    }
    if (digest != null && candidate == revision) {
      return refuse("revision " + candidate + " differs from the running revision " + revision);
    }
    if (digest != null && candidate < revision && !allowRollback) {
      return refuse(
          "revision "
              + candidate
              + " is older than the running revision "
              + revision
              + " and rollback is not allowed");
    }
    ParseResult parsed = PolicyDsl.parse(files, schema);
    if (parsed.hasErrors()) {
      List<Diagnostic> errors = parsed.errors();
      return refuse(
          "revision "
              + candidate
              + " is invalid: "
              + errors.get(0)
              + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more errors)" : ""));
    }
    CompiledPolicies now;
    try {
      now = holder.reload(parsed::orThrow);
    } catch (RuntimeException e) {
      return refuse("revision " + candidate + " does not compile: " + e.getMessage());
    }
    revision = candidate;
    digest = contentDigest;
    since = lastCheck;
    succeeded();
    LOG.info(
        "{}: running revision {} ({} policies)",
        name,
        candidate,
        now.policySet().policies().size());
    for (PolicySource.Listener listener : listeners) {
      try {
        listener.loaded(candidate, now);
      } catch (RuntimeException e) {
        LOG.warn("{}: a source listener failed", name, e);
      }
    }
    return Outcome.SWAPPED;
  }

  /** Records a check that found nothing new. */
  public synchronized void checked() {
    lastCheck = clock.instant();
    succeeded();
  }

  private void succeeded() {
    lastError = null;
    failures = 0;
  }

  private Outcome refuse(String error) {
    fail(error);
    return Outcome.REFUSED;
  }

  /** Records a failed check or a refused candidate and tells the listeners. */
  public synchronized void fail(String error) {
    lastCheck = clock.instant();
    lastError = error;
    failures++;
    LOG.warn("{}: {}; keeping revision {}", name, error, revision);
    for (PolicySource.Listener listener : listeners) {
      try {
        listener.failed(error);
      } catch (RuntimeException e) {
        LOG.warn("{}: a source listener failed", name, e);
      }
    }
  }

  /** Returns the consecutive failures so far. */
  public synchronized int failures() {
    return failures;
  }

  /** Returns the status now. */
  public synchronized SourceStatus status() {
    SourceStatus.State state =
        digest == null
            ? SourceStatus.State.NEVER_LOADED
            : lastError == null ? SourceStatus.State.OK : SourceStatus.State.DEGRADED;
    return new SourceStatus(state, revision, since, lastCheck, lastError, failures);
  }

  @Override
  public String toString() {
    return name;
  }
}
