package dev.gatehouse.engine.reference;

/** Kleene's three truth values: a condition over a missing attribute is {@link #UNKNOWN}. */
public enum Tri {
  /** Definitely false. */
  FALSE,
  /** Definitely true. */
  TRUE,
  /** Depends on an attribute the request lacks. */
  UNKNOWN;

  /**
   * Returns the value for a known boolean.
   *
   * @param b the boolean
   * @return TRUE or FALSE
   */
  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /**
   * Kleene conjunction: false wins, then unknown.
   *
   * @param o the other operand
   * @return the conjunction
   */
  public Tri and(Tri o) {
    if (this == FALSE || o == FALSE) {
      return FALSE;
    }
    return this == UNKNOWN || o == UNKNOWN ? UNKNOWN : TRUE;
  }

  /**
   * Kleene disjunction: true wins, then unknown.
   *
   * @param o the other operand
   * @return the disjunction
   */
  public Tri or(Tri o) {
    if (this == TRUE || o == TRUE) {
      return TRUE;
    }
    return this == UNKNOWN || o == UNKNOWN ? UNKNOWN : FALSE;
  }

  /**
   * Kleene negation: unknown stays unknown.
   *
   * @return the negation
   */
  public Tri not() {
    return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
  }
}
