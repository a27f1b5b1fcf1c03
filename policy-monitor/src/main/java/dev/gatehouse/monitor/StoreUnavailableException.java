package dev.gatehouse.monitor;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a shared {@link SignInStore} cannot answer within its time budget, or cannot be
 * reached; {@link SignInMonitor#enrich} then leaves the risk attributes out of the request, so that
 * the policies that read them fail closed.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, lowercase
   * @param cause the underlying failure, or null
   */
  public StoreUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
