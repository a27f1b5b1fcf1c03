package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

/**
 * Where a policy was written: file, 1-based line and column; {@link #NONE} for policies built in
 * Java.
 *
 * @param file the source name, such as {@code acme.policy}
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record SourceRef(String file, int line, int column) {

  /** The location of a policy that was not written in a file. */
  public static final SourceRef NONE = new SourceRef("", 0, 0);

  /**
   * Checks the components.
   *
   * @param file the source name
   * @param line the 1-based line
   * @param column the 1-based column
   */
  public SourceRef {
    requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  /** {@return whether the location is known} */
  public boolean isKnown() {
    return line > 0;
  }

  /** Returns {@code file:line:column}, or {@code <java>} when unknown. */
  @Override
  public String toString() {
    return isKnown() ? file + ":" + line + ":" + column : "<java>";
  }
}
