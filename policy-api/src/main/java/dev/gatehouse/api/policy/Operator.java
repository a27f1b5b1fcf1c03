package dev.gatehouse.api.policy;

/** A comparison operator of the policy language. */
public enum Operator {
  /** {@code ==}. */
  EQ("=="),
  /** {@code !=}. */
  NE("!="),
  /** {@code <}. */
  LT("<"),
  /** {@code <=}. */
  LE("<="),
  /** {@code >}. */
  GT(">"),
  /** {@code >=}. */
  GE(">=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  /** {@return the operator as written, such as {@code >=}} */
  public String symbol() {
    return symbol;
  }

  /** {@return whether this is an ordering ({@code <}, {@code <=}, {@code >}, {@code >=})} */
  public boolean isOrdering() {
    return this != EQ && this != NE;
  }

  /**
   * {@return the outcome of comparing two values whose {@link Long#compare} is {@code c}}
   *
   * @param c the result of comparing the two values
   */
  public boolean test(int c) {
    switch (this) {
      case EQ:
        return c == 0;
      case NE:
        return c != 0;
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case GT:
        return c > 0;
      default:
        return c >= 0;
    }
  }

  @Override
  public String toString() {
    return symbol;
  }
}
