package dev.gatehouse.engine;

/**
 * A snapshot of the shared-decision cache of one {@link CompiledPolicies}: requests that reach the
 * same outcome get one shared {@link dev.gatehouse.api.Decision}, found in a bounded table.
 *
 * <p>Only the slow path counts: a lookup that finds its decision writes nothing, so there is no hit
 * count here. Hits are the evaluations that reached the table minus {@link #misses()}; a host that
 * counts its evaluations (as {@code MeteredEngine} in {@code policy-metrics} does) can derive them.
 * A decision that depends on more than the outcome (a request lacking an attribute, an app the
 * policies do not name) is never stored, so every such request is a miss.
 *
 * @param misses lookups that found no shared decision, so the decision was combined afresh
 * @param evictions shared decisions replaced because every slot they could take was taken
 * @param size shared decisions held now
 * @param capacity slots in the table
 */
public record SharedDecisionStats(long misses, long evictions, int size, int capacity) {

  /**
   * Checks the counts.
   *
   * @param misses lookups that found nothing
   * @param evictions decisions replaced
   * @param size decisions held
   * @param capacity slots
   * @throws IllegalArgumentException if a count is negative or {@code size} exceeds {@code
   *     capacity}
   */
  public SharedDecisionStats {
    if (misses < 0 || evictions < 0 || size < 0 || size > capacity) {
      throw new IllegalArgumentException(
          "bad shared-decision counts: misses "
              + misses
              + ", evictions "
              + evictions
              + ", size "
              + size
              + " of "
              + capacity);
    }
  }
}
