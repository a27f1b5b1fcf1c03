package dev.gatehouse.servlet;

import dev.gatehouse.api.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits {@code Forwarded} (RFC 7239) and {@code X-Forwarded-For} header values into hops, left
 * (the earliest) to right (the proxy nearest to us).
 *
 * <p>A hop is an address or empty: empty stands for anything that is not one plain address, be it
 * malformed, an obfuscated identifier such as {@code _hidden}, or {@code unknown}. The walk in
 * {@link ClientIp} stops at an empty hop, so no such value ever becomes a client address.
 */
final class ForwardedHeaders {

  private ForwardedHeaders() {}

  /** Returns the hops of {@code X-Forwarded-For} field values, in order. */
  static List<Optional<IpAddress>> xForwardedFor(List<String> fieldValues) {
    List<Optional<IpAddress>> hops = new ArrayList<>();
    for (String field : fieldValues) {
      for (String element : field.split(",", -1)) {
        hops.add(node(stripOws(element), false));
      }
    }
    return hops;
  }

  /** Returns the hops of {@code Forwarded} field values, in order: one per element. */
  static List<Optional<IpAddress>> forwarded(List<String> fieldValues) {
    List<Optional<IpAddress>> hops = new ArrayList<>();
    for (String field : fieldValues) {
      for (String element : splitOutsideQuotes(field, ',')) {
        hops.add(forElement(element));
      }
    }
    return hops;
  }

  /** Returns the address of the {@code for} parameter of one element, if it names one. */
  private static Optional<IpAddress> forElement(String element) {
    Optional<IpAddress> result = Optional.empty();
    boolean seen = false;
    for (String pair : splitOutsideQuotes(element, ';')) {
      String p = stripOws(pair);
      int eq = p.indexOf('=');
      if (eq <= 0) {
        return Optional.empty(); // a parameter without a value: the element is malformed
      }
      if (!stripOws(p.substring(0, eq)).toLowerCase(Locale.ROOT).equals("for")) {
        continue;
      }
      if (seen) {
        return Optional.empty(); // two `for` parameters in one element: which one is true?
      }
      seen = true;
      Optional<String> value = value(stripOws(p.substring(eq + 1)));
      result = value.flatMap(v -> node(v, true));
    }
    return result;
  }

  /** Returns a token as is, or the content of a quoted string; empty if neither. */
  private static Optional<String> value(String raw) {
    if (raw.length() >= 2 && raw.charAt(0) == '"' && raw.charAt(raw.length() - 1) == '"') {
      StringBuilder out = new StringBuilder();
      for (int i = 1; i < raw.length() - 1; i++) {
        char c = raw.charAt(i);
        if (c == '\\' && i + 1 < raw.length() - 1) {
          c = raw.charAt(++i);
        } else if (c == '\\' || c == '"') {
          return Optional.empty();
        }
        out.append(c);
      }
      return Optional.of(out.toString());
    }
    for (int i = 0; i < raw.length(); i++) {
      if (!isTokenChar(raw.charAt(i))) {
        return Optional.empty(); // `[` and `:` are not token characters, so IPv6 must be quoted
      }
    }
    return raw.isEmpty() ? Optional.empty() : Optional.of(raw);
  }

  /**
   * Returns the address of a node: {@code 192.0.2.1}, {@code 192.0.2.1:8080}, {@code [2001:db8::1]}
   * or {@code [2001:db8::1]:4711}; a bare IPv6 address is accepted only in {@code X-Forwarded-For}
   * ({@code forwarded} false), whose writers do not bracket it.
   */
  static Optional<IpAddress> node(String text, boolean forwarded) {
    if (text.isEmpty() || text.charAt(0) == '_' || text.equalsIgnoreCase("unknown")) {
      return Optional.empty();
    }
    if (text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close < 0 || !isPort(text.substring(close + 1))) {
        return Optional.empty();
      }
      String inner = text.substring(1, close);
      // Brackets are for IPv6 only; `[192.0.2.1]` is not a node.
      return inner.indexOf(':') < 0 ? Optional.empty() : IpAddress.tryParse(inner);
    }
    int colon = text.indexOf(':');
    if (colon >= 0 && colon == text.lastIndexOf(':')) {
      // One colon: an IPv4 address and a port.
      String host = text.substring(0, colon);
      return isPort(text.substring(colon)) && host.indexOf('.') >= 0
          ? IpAddress.tryParse(host)
          : Optional.empty();
    }
    if (colon >= 0 && forwarded) {
      return Optional.empty(); // RFC 7239 requires IPv6 in brackets
    }
    return IpAddress.tryParse(text);
  }

  /** Returns whether {@code text} is empty or a colon and a port (digits or an obfuscated port). */
  private static boolean isPort(String text) {
    if (text.isEmpty()) {
      return true;
    }
    if (text.charAt(0) != ':' || text.length() == 1) {
      return false;
    }
    String port = text.substring(1);
    if (port.charAt(0) == '_') {
      return port.chars()
          .skip(1)
          .allMatch(
              c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-');
    }
    return port.length() <= 5
        && port.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(port) <= 65535;
  }

  /**
   * Strips the optional white space of HTTP (spaces and tabs) around a value, and nothing else:
   * {@link String#strip()} would also remove Unicode spaces, and a value padded with them is not an
   * address.
   */
  static String stripOws(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }

  /** Splits at {@code separator} where it is not inside a quoted string. */
  static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
