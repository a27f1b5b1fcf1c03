package dev.gatehouse.engine;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link PolicySource} runs and how its last check went.
 *
 * @param state the state: loaded and well, loaded but failing, or never loaded
 * @param revision the running revision, 0 when never loaded
 * @param since when the running revision was swapped in, or null when never loaded
 * @param lastCheck when the source last checked for a new set, or null before the first check
 * @param lastError the error of the last failed check or refused candidate, or null
 * @param consecutiveFailures failed checks since the last good one
 */
public record SourceStatus(
    State state,
    long revision,
    @Nullable Instant since,
    @Nullable Instant lastCheck,
    @Nullable String lastError,
    int consecutiveFailures) {

  /** The state of a source. */
  public enum State {
    /** A set is running and the last check went well. */
    OK,
    /** A set is running but the last check failed or its candidate was refused. */
    DEGRADED,
    /** No set was ever loaded: the holder denies every request. */
    NEVER_LOADED
  }

  /**
   * Checks the components.
   *
   * @param state the state
   * @param revision the running revision
   * @param since when it was swapped in
   * @param lastCheck when the source last checked
   * @param lastError the last error
   * @param consecutiveFailures failed checks since the last good one
   * @throws IllegalArgumentException if a count or revision is negative
   */
  public SourceStatus {
    requireNonNull(state, "state");
    if (revision < 0 || consecutiveFailures < 0) {
      throw new IllegalArgumentException("negative revision or failure count");
    }
  }

  /**
   * Returns when the running revision was swapped in.
   *
   * @return the time, empty when never loaded
   */
  public Optional<Instant> loadedAt() {
    return Optional.ofNullable(since);
  }

  /**
   * Returns the error of the last failed check.
   *
   * @return the error, empty when the last check went well
   */
  public Optional<String> error() {
    return Optional.ofNullable(lastError);
  }
}
