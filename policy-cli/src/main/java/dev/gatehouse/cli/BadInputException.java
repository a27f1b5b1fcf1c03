package dev.gatehouse.cli;

import java.util.List;

/**
 * An input file the command cannot use: its message is the one line shown to the user, and the
 * command exits with {@link ExitCode#USAGE}. It may hold several problems of one file, a line each.
 */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable list of strings; never serialized in practice
  private final List<String> lines;

  /**
   * Creates the exception.
   *
   * @param message one lowercase line naming the file, the field and the problem
   */
  BadInputException(String message) {
    this(List.of(message));
  }

  /**
   * Creates the exception for several problems found at once.
   *
   * @param messages one lowercase line each, in the order found; at least one
   */
  BadInputException(List<String> messages) {
    super(String.join("\n", messages), null, false, false);
    this.lines = List.copyOf(messages);
  }

  /** Returns the problems, one line each. */
  List<String> lines() {
    return lines;
  }
}
