package dev.gatehouse.dsl;

/**
 * The stable code of each kind of diagnostic, shown in brackets: {@code error[unknown-attribute]}.
 * Codes never change meaning; tools may match on them.
 */
public enum DiagnosticCode {
  /** A character that starts no token, such as {@code !} or {@code $}. */
  UNEXPECTED_CHARACTER("unexpected-character"),
  /** A string literal without its closing quote on the same line. */
  UNTERMINATED_STRING("unterminated-string"),
  /** A backslash escape the language does not define. */
  BAD_ESCAPE("bad-escape"),
  /** A token where the grammar expects something else. */
  UNEXPECTED_TOKEN("unexpected-token"),
  /** An integer that does not fit in 64 bits. */
  INVALID_NUMBER("invalid-number"),
  /** A duration with an unknown unit, or too large. */
  INVALID_DURATION("invalid-duration"),
  /** A time window with a bad day, time of day or time zone. */
  INVALID_TIME_WINDOW("invalid-time-window"),
  /** A malformed address, an out-of-range prefix, or a block with host bits set. */
  INVALID_CIDR("invalid-cidr"),
  /** A policy id with characters the model does not accept. */
  INVALID_POLICY_ID("invalid-policy-id"),
  /** An admin action that is not a dotted name or wildcard. */
  INVALID_ACTION("invalid-action"),
  /** A schema attribute name that is not a dotted lowercase name. */
  INVALID_ATTRIBUTE_NAME("invalid-attribute-name"),
  /** A schema type the language does not know. */
  UNKNOWN_TYPE("unknown-type"),
  /** A source larger than the size limit. */
  FILE_TOO_LARGE("file-too-large"),
  /** Expressions nested deeper than the depth limit. */
  NESTING_TOO_DEEP("nesting-too-deep"),
  /** A list longer than the length limit. */
  LIST_TOO_LONG("list-too-long"),
  /** An app, role or other name that must not be empty but is. */
  EMPTY_NAME("empty-name"),
  /** A list that must not be empty but is. */
  EMPTY_LIST("empty-list"),
  /** An attribute the schema does not declare. */
  UNKNOWN_ATTRIBUTE("unknown-attribute"),
  /** A network name that no {@code network} declares. */
  UNKNOWN_NETWORK("unknown-network"),
  /** A condition name that no {@code condition} declares. */
  UNKNOWN_CONDITION("unknown-condition"),
  /** A condition used where a network is expected. */
  NOT_A_NETWORK("not-a-network"),
  /** Named conditions that refer to each other in a cycle. */
  CONDITION_CYCLE("condition-cycle"),
  /** A symbol that is not a value of the attribute's type. */
  UNKNOWN_SYMBOL("unknown-symbol"),
  /** A factor name that is not an authentication factor. */
  UNKNOWN_FACTOR("unknown-factor"),
  /** An operator or constant that does not fit the attribute's type. */
  TYPE_MISMATCH("type-mismatch"),
  /** An attribute used as a condition without a test. */
  MISSING_TEST("missing-test"),
  /** Two policies with one id, in one file or across files. */
  DUPLICATE_POLICY_ID("duplicate-policy-id"),
  /** Two networks or two conditions with one name. */
  DUPLICATE_NAME("duplicate-name"),
  /** An attribute declared twice in {@code schema} blocks. */
  DUPLICATE_ATTRIBUTE("duplicate-attribute"),
  /** An attribute declared with another type than it already has. */
  REDECLARED_ATTRIBUTE("redeclared-attribute"),
  /** A policy without a clause its kind requires. */
  MISSING_CLAUSE("missing-clause"),
  /** Clauses that cannot appear together, such as {@code block} and {@code require}. */
  CONFLICTING_CLAUSES("conflicting-clauses"),
  /** A clause that may appear once, written twice. */
  DUPLICATE_CLAUSE("duplicate-clause"),
  /** Warning: an {@code assign} without {@code when} applies to everyone. */
  ASSIGN_WITHOUT_WHEN("assign-without-when"),
  /** Warning: a network in a list lies wholly inside another of the same list. */
  NETWORK_SUBSET("network-subset"),
  /** Warning: a policy whose condition can never hold. */
  NEVER_MATCHES("never-matches"),
  /** More diagnostics in one source than are shown; says how many were left out. */
  TOO_MANY_DIAGNOSTICS("too-many-diagnostics"),
  /** A bidirectional control character (U+202A to U+202E, U+2066 to U+2069) anywhere. */
  BIDI_CONTROL("bidi-control"),
  /**
   * U+0085, U+2028 or U+2029, which some editors show as a line break and the language does not.
   */
  UNICODE_LINE_BREAK("unicode-line-break"),
  /** A file whose bytes are not UTF-8 text. */
  INVALID_ENCODING("invalid-encoding"),
  /** Warning: a source that declares nothing, so it enforces nothing. */
  NO_DECLARATIONS("no-declarations"),
  /** A condition whose expansion, named conditions written out at each use, is too large. */
  CONDITION_TOO_LARGE("condition-too-large"),
  /** Warning: an IPv6 block that holds {@code ::ffff:0:0/96} and so admits all of IPv4. */
  NETWORK_COVERS_IPV4("network-covers-ipv4"),
  /** Warning: an app in {@code apps [...]} that no {@code assign} grants. */
  UNGRANTED_APP("ungranted-app");

  private final String code;

  DiagnosticCode(String code) {
    this.code = code;
  }

  /** {@return the code as shown in diagnostics, such as {@code unknown-attribute}} */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
