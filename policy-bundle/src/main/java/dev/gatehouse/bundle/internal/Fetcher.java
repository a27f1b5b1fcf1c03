package dev.gatehouse.bundle.internal;

import java.io.IOException;
import java.util.Optional;

/** Fetches the current bundle from where it is published. */
public interface Fetcher {

  /**
   * Fetches the bundle.
   *
   * @return its bytes, or empty when it has not changed since the last accepted fetch
   * @throws IOException if it cannot be fetched; the message says why, in one line
   */
  Optional<byte[]> fetch() throws IOException;

  /** Tells the fetcher its last fetched bundle was accepted, so it may ask for changes only. */
  void accepted();

  /** Names what is fetched, such as {@code `https://policies/acme.bundle`}. */
  String describe();
}
