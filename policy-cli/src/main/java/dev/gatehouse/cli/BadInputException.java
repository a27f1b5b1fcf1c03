package dev.gatehouse.cli;

/**
 * An input file the command cannot use: its message is the one line shown to the user, and the
 * command exits with {@link ExitCode#USAGE}.
 */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one lowercase line naming the file, the field and the problem
   */
  BadInputException(String message) {
    super(message, null, false, false);
  }
}
