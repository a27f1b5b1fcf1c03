package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.dsl.internal.Frontend;

/**
 * Writes policy text in the canonical layout: one declaration or clause per line, two-space indent,
 * single spaces around operators, a blank line between declarations (consecutive {@code network}
 * and {@code condition} lines stay together). Comments are kept, each on its own line before what
 * follows it. Formatting is idempotent, and the formatted text parses to the same policy set as the
 * original.
 *
 * <pre>{@code
 * String tidy = PolicyFormatter.format("acme.policy", Files.readString(path));
 * }</pre>
 */
public final class PolicyFormatter {

  private PolicyFormatter() {}

  /**
   * Returns {@code text} in the canonical layout. Only the syntax must be valid: names and types
   * are not checked, so a file with such errors can still be tidied.
   *
   * @param sourceName the name shown in diagnostics
   * @param text the policy text
   * @return the formatted text
   * @throws PolicySyntaxException carrying every syntax error, if there is one
   */
  public static String format(String sourceName, String text) {
    return Frontend.format(requireNonNull(sourceName, "sourceName"), requireNonNull(text, "text"));
  }
}
