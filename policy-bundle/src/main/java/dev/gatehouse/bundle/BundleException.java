package dev.gatehouse.bundle;

/**
 * A bundle was refused: it is malformed, does not match its manifest, is not signed by a trusted
 * key, or is otherwise unfit to run. The message says why, in one line.
 */
public final class BundleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates a refusal.
   *
   * @param message why the bundle was refused
   */
  public BundleException(String message) {
    super(message);
  }

  /**
   * Creates a refusal with its cause.
   *
   * @param message why the bundle was refused
   * @param cause the underlying failure
   */
  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
