package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;

/**
 * An engine answering a {@link Question} about requests of the benchmark workload: Gatehouse
 * itself, its reference interpreter, or a peer library fed a translation of the same policies.
 *
 * <p>A request is first {@linkplain #prepare prepared} into the engine's own input (a CEL
 * activation, jCasbin's request values, a SAPL subscription), outside the timed region, so every
 * engine is timed on the decision alone.
 */
public interface Peer {

  /** {@return the engine's name as the results show it} */
  String name();

  /** {@return the question the engine answers} */
  Question question();

  /**
   * Translates a request into the engine's input.
   *
   * @param request a complete request of the workload
   * @return the engine's input for it
   */
  Object prepare(AccessRequest request);

  /**
   * Decides a prepared request; this is what the benchmark times.
   *
   * @param prepared what {@link #prepare} returned
   * @return the engine's own result
   */
  Object decide(Object prepared);

  /**
   * Returns the answer to {@link #question()} held in a result of {@link #decide}.
   *
   * @param decided what {@link #decide} returned
   * @return the answer, compared with {@link Question#of} by {@link CrossCheck}
   */
  Object answer(Object decided);
}
