package dev.gatehouse.engine;

/**
 * A source of policies that keeps a {@link PolicyEngineHolder} up to date: it checks for new
 * candidate sets, verifies, parses, validates and compiles each one aside, and swaps it in only
 * when every step passed. A failure at any step keeps the running set and shows in {@link
 * #status()}.
 *
 * <p>Evaluate on {@link #holder()}; until a first set is loaded it runs an empty set, which denies
 * every request (fail closed).
 *
 * <pre>{@code
 * PolicySource source = ...;  // a watched directory, a bundle file or a bundle over HTTP
 * source.addListener(new PolicySource.Listener() {
 *   public void loaded(long revision, CompiledPolicies policies) { ... }
 * });
 * Decision d = source.holder().evaluate(request);
 * }</pre>
 */
public interface PolicySource extends AutoCloseable {

  /** Told of each swap and each refused candidate, on the thread of the source. */
  interface Listener {
    /**
     * Called after {@code policies} of {@code revision} were swapped in.
     *
     * @param revision the revision now running
     * @param policies the policies now running
     */
    default void loaded(long revision, CompiledPolicies policies) {}

    /**
     * Called when a check failed or a candidate was refused; the running set stays.
     *
     * @param error what went wrong, one line
     */
    default void failed(String error) {}
  }

  /**
   * Returns the holder of the running policies.
   *
   * @return the holder this source feeds
   */
  PolicyEngineHolder holder();

  /**
   * Returns what the source runs and how its last check went.
   *
   * @return the status now
   */
  SourceStatus status();

  /**
   * Adds a listener told of every later swap and failure.
   *
   * @param listener the listener
   */
  void addListener(Listener listener);

  /**
   * Removes a listener.
   *
   * @param listener the listener
   */
  void removeListener(Listener listener);

  /** Stops checking for new sets; the holder keeps running the last one. */
  @Override
  void close();
}
