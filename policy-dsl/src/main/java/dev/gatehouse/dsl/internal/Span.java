package dev.gatehouse.dsl.internal;

/**
 * A range of characters in a source, from {@code start} inclusive to {@code end} exclusive.
 *
 * @param start the offset of the first character
 * @param end the offset after the last character
 */
record Span(int start, int end) {

  /** A span for nodes that were not parsed from text. */
  static final Span NONE = new Span(0, 0);

  Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid span " + start + ".." + end);
    }
  }

  /** Returns the span from the start of this one to the end of {@code other}. */
  Span to(Span other) {
    return new Span(start, Math.max(end, other.end));
  }

  int length() {
    return end - start;
  }
}
