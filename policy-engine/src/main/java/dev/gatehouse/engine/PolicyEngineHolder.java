package dev.gatehouse.engine;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.text.Printable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the running {@link CompiledPolicies} and replaces them at run time: a new set is compiled
 * aside and swapped in with one atomic reference write. Evaluations in flight finish on the set
 * they started with; a set that fails to load or compile never replaces the running one.
 *
 * <pre>{@code
 * PolicyEngineHolder holder = new PolicyEngineHolder(PolicyEngine.compile(initial));
 * holder.addListener((old, now) -> log.info("policies now {}", now));
 * holder.reload(() -> PolicyDsl.loadOrThrow(dir));  // keeps the old set if loading fails
 * Decision d = holder.evaluate(request);
 * }</pre>
 */
public final class PolicyEngineHolder {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyEngineHolder.class);

  /** The most characters of a failed load's message written to the log. */
  private static final int MAX_LOGGED_MESSAGE = 2000;

  /** Told of each swap, after it happened, on the thread that swapped. */
  @FunctionalInterface
  public interface SwapListener {
    /**
     * Called with the set that was replaced and the one now running.
     *
     * @param previous the policies replaced
     * @param current the policies now running
     */
    void swapped(CompiledPolicies previous, CompiledPolicies current);
  }

  private final AtomicReference<CompiledPolicies> current;
  private final List<SwapListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates a holder running {@code initial}.
   *
   * @param initial the policies to run first
   */
  public PolicyEngineHolder(CompiledPolicies initial) {
    this.current = new AtomicReference<>(requireNonNull(initial, "initial"));
  }

  /**
   * Returns the running policies; hold on to them to evaluate several requests on one set.
   *
   * @return the running policies
   */
  public CompiledPolicies current() {
    return current.get();
  }

  /**
   * Decides {@code request} on the running policies.
   *
   * @param request the request
   * @return the decision
   */
  public Decision evaluate(AccessRequest request) {
    return current.get().evaluate(request);
  }

  /**
   * Adds a listener told of every later swap.
   *
   * @param listener the listener
   */
  public void addListener(SwapListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   */
  public void removeListener(SwapListener listener) {
    listeners.remove(listener);
  }

  /**
   * Compiles {@code set} aside, with the running policies' clock skew, and swaps it in.
   *
   * @param set the new policy set
   * @return the policies now running
   */
  public CompiledPolicies swap(PolicySet set) {
    return install(PolicyEngine.compile(requireNonNull(set, "set"), current().clockSkew()));
  }

  /**
   * Loads a set with {@code loader}, compiles it with the running policies' clock skew and swaps it
   * in. If loading or compiling throws, the running set stays and the exception propagates to the
   * caller.
   *
   * @param loader loads the new set, for example by parsing policy files
   * @return the policies now running
   */
  public CompiledPolicies reload(Supplier<PolicySet> loader) {
    requireNonNull(loader, "loader");
    CompiledPolicies next;
    try {
      next =
          PolicyEngine.compile(requireNonNull(loader.get(), "loaded set"), current().clockSkew());
    } catch (RuntimeException e) {
      // One bounded line whatever the failure says: the message may quote the rejected text.
      LOG.warn(
          "policy reload failed; keeping the running set: {}",
          Printable.escape(String.valueOf(e.getMessage()), MAX_LOGGED_MESSAGE));
      throw e;
    }
    return install(next);
  }

  private CompiledPolicies install(CompiledPolicies next) {
    CompiledPolicies previous = current.getAndSet(next);
    LOG.info(
        "swapped policy set: {} -> {} policies",
        previous.policySet().policies().size(),
        next.policySet().policies().size());
    for (SwapListener listener : listeners) {
      try {
        listener.swapped(previous, next);
      } catch (RuntimeException e) {
        // A failing listener must not undo the swap nor keep others from hearing of it.
        LOG.warn("swap listener failed", e);
      }
    }
    return next;
  }
}
