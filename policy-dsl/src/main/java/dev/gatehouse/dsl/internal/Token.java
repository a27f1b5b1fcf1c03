package dev.gatehouse.dsl.internal;

/**
 * One token: its kind, its text (the decoded value for strings) and where it is.
 *
 * @param kind the kind
 * @param text the text as written, or the decoded value of a string
 * @param span where it is
 */
record Token(Kind kind, String text, Span span) {

  /** The kinds of token. */
  enum Kind {
    IDENT("a name"),
    STRING("a string"),
    INT("a number"),
    DURATION("a duration"),
    ADDRESS("an address"),
    TIME("a time of day"),
    LBRACE("`{`"),
    RBRACE("`}`"),
    LBRACKET("`[`"),
    RBRACKET("`]`"),
    LPAREN("`(`"),
    RPAREN("`)`"),
    COMMA("`,`"),
    ASSIGN("`=`"),
    COLON("`:`"),
    EQ("`==`"),
    NE("`!=`"),
    LT("`<`"),
    LE("`<=`"),
    GT("`>`"),
    GE("`>=`"),
    MINUS("`-`"),
    STAR("`*`"),
    EOF("end of file");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    String description() {
      return description;
    }
  }

  /** Returns whether this is the identifier {@code word}. */
  boolean is(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  /** Returns the token as a message names it: {@code `when`}, or {@code end of file}. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "string " + new dev.gatehouse.api.policy.Literal.Str(text);
      default -> "`" + text + "`";
    };
  }
}
