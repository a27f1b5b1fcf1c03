package dev.gatehouse.bench.peers;

/**
 * An engine answering a {@link Question} about requests of the benchmark workload: Gatehouse
 * itself, its reference interpreter, or a peer library fed a translation of the same policies.
 *
 * <p>A request starts as a {@link HostRequest}, the strings and lists a host holds, and is
 * {@linkplain #prepare prepared} into the engine's own input (a Gatehouse {@code AccessRequest}, a
 * CEL activation, jCasbin's request values, a SAPL subscription, a Cedar request and entities).
 * {@code PeerBenchmark} times {@link #decide} alone on prepared inputs, and {@link #prepare} then
 * {@link #decide} end to end.
 */
public interface Peer {

  /** {@return the engine's name as the results show it} */
  String name();

  /** {@return the question the engine answers} */
  Question question();

  /**
   * Translates a host's request into the engine's input, as a host would on every call.
   *
   * @param request a request of the workload, as the host holds it
   * @return the engine's input for it
   */
  Object prepare(HostRequest request);

  /**
   * Decides a prepared request.
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
