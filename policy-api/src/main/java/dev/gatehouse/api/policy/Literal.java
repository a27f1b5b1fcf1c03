package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.text.Printable;
import java.time.Duration;

/** A constant in a condition: a string, int, bool, duration, or symbol such as {@code high}. */
public sealed interface Literal {

  /** Returns the literal as the policy language writes it. */
  @Override
  String toString();

  /**
   * A string constant.
   *
   * @param value the string
   */
  record Str(String value) implements Literal {
    /**
     * Checks the value.
     *
     * @param value the value
     */
    public Str {
      requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("\"");
      for (int i = 0; i < value.length(); ) {
        int c = value.codePointAt(i);
        i += Character.charCount(c);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          case '\r' -> sb.append("\\r");
          default -> {
            // Written raw, a bidi control or line separator would be refused when read back,
            // and any other invisible character would hide in the text: the escape shows it.
            if (Printable.isUnsafe(c)) {
              sb.append("\\u{").append(Integer.toHexString(c)).append('}');
            } else {
              sb.appendCodePoint(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }
  }

  /**
   * An int constant.
   *
   * @param value the number
   */
  record Int(long value) implements Literal {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /**
   * A bool constant.
   *
   * @param value the truth value
   */
  record Bool(boolean value) implements Literal {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A duration constant, written {@code 15m}, {@code 8h}, {@code 30d}.
   *
   * @param value the duration, positive
   */
  record Dur(Duration value) implements Literal {
    /**
     * Checks the value.
     *
     * @param value the value
     */
    public Dur {
      requireNonNull(value, "value");
      if (value.isNegative()) {
        throw new IllegalArgumentException("negative duration " + value);
      }
    }

    @Override
    public String toString() {
      return Durations.format(value);
    }
  }

  /**
   * A bare symbol: a value of an ordered type such as {@code high}, or a factor such as {@code
   * webauthn}.
   *
   * @param name the symbol
   */
  record Symbol(String name) implements Literal {
    /**
     * Checks the name.
     *
     * @param name the symbol
     */
    public Symbol {
      requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@return a string literal}
   *
   * @param value the value
   */
  static Literal of(String value) {
    return new Str(value);
  }

  /**
   * {@return an int literal}
   *
   * @param value the value
   */
  static Literal of(long value) {
    return new Int(value);
  }
}
