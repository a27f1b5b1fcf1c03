package dev.gatehouse.servlet;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * What the filter does around each evaluation besides evaluating: it may add attributes to the
 * request before, and it learns how each sign-in was decided after.
 *
 * <p>The interface speaks only of {@link AccessRequest} and {@link Decision}, so the filter needs
 * nothing of whatever fills it in. Sign-in monitoring is the case it was made for, wired with two
 * method references of the monitor's own API:
 *
 * <pre>{@code
 * SignInMonitor monitor = SignInMonitor.builder().build();
 * GatehouseFilter filter = GatehouseFilter.builder(holder)
 *     .signin("/login")
 *     .hook(EvaluationHook.of(monitor::enrich, monitor::record))
 *     .build();
 * }</pre>
 *
 * <p>Both methods run on the request's thread and must be thread-safe. A failure in {@link #enrich}
 * refuses the request ({@code request_invalid}), like any failure before the decision: a hook can
 * take access away but never grant it.
 */
public interface EvaluationHook {

  /**
   * Returns the request to evaluate instead of {@code request}, typically with more attributes set.
   * Called for every request the filter evaluates.
   *
   * @param request the request built from the HTTP request
   * @return the request to evaluate
   */
  AccessRequest enrich(AccessRequest request);

  /**
   * Learns the decision on a request to the sign-in endpoint, before the filter answers it.
   *
   * @param request the request that was evaluated, as {@link #enrich} returned it
   * @param decision the decision on it
   */
  void signInDecided(AccessRequest request, Decision decision);

  /**
   * Returns a hook made of two functions.
   *
   * @param enrich what {@link #enrich} does
   * @param signInDecided what {@link #signInDecided} does
   * @return the hook
   */
  static EvaluationHook of(
      UnaryOperator<AccessRequest> enrich, BiConsumer<AccessRequest, Decision> signInDecided) {
    requireNonNull(enrich, "enrich");
    requireNonNull(signInDecided, "signInDecided");
    return new EvaluationHook() {
      @Override
      public AccessRequest enrich(AccessRequest request) {
        return requireNonNull(enrich.apply(request), "the hook returned no request");
      }

      @Override
      public void signInDecided(AccessRequest request, Decision decision) {
        signInDecided.accept(request, decision);
      }
    };
  }
}
