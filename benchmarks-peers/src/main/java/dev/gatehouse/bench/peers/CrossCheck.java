package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.engine.CompiledPolicies;

/**
 * The correctness check every comparison passes before it is timed: the engine must give the answer
 * Gatehouse gives on each request, or the benchmark refuses to run.
 */
public final class CrossCheck {

  private CrossCheck() {}

  /**
   * Checks that {@code peer} answers its question as {@code truth} does on every request, each
   * given to the peer as its {@link HostRequest}, so the peer's translation of the request is
   * checked along with its translation of the policies.
   *
   * @param truth the compiled Gatehouse engine
   * @param peer the engine checked
   * @param requests the requests, typically 10,000
   * @throws IllegalStateException at the first disagreement, naming the engine, the request's
   *     position and the request, the expected and the actual answer
   */
  public static void verify(CompiledPolicies truth, Peer peer, AccessRequest[] requests) {
    for (int i = 0; i < requests.length; i++) {
      Object expected = peer.question().of(truth.evaluate(requests[i]));
      Object actual;
      try {
        actual = peer.answer(peer.decide(peer.prepare(HostRequest.of(requests[i]))));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            disagreement(peer, i, requests, expected, "an exception: " + e), e);
      }
      if (!expected.equals(actual)) {
        throw new IllegalStateException(disagreement(peer, i, requests, expected, actual));
      }
    }
  }

  private static String disagreement(
      Peer peer, int i, AccessRequest[] requests, Object expected, Object actual) {
    return "cross-check failed: `"
        + peer.name()
        + "` answers "
        + peer.question()
        + " differently from gatehouse on request "
        + i
        + " of "
        + requests.length
        + ": expected "
        + expected
        + ", got "
        + actual
        + "; request: "
        + requests[i];
  }
}
