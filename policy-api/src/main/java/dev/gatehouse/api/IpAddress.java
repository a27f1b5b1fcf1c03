package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.text.Printable;
import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address, held as one 128-bit number so that the engine compares addresses with
 * two {@code long} comparisons and no allocation.
 *
 * <p>IPv4 addresses live in the IPv4-mapped block {@code ::ffff:0:0/96}, so {@code
 * ::ffff:203.0.113.9} and {@code 203.0.113.9} are the same address and fall in the same networks.
 * Parsing is strict: one plain address, no prefix, mask, zone, range or wildcard, and none of the
 * historical {@code inet_aton} forms such as {@code 10.1} or octal segments.
 */
public final class IpAddress implements Comparable<IpAddress> {

  /** The high 64 bits of the IPv4-mapped block {@code ::ffff:0:0/96}. */
  static final long MAPPED_HI = 0L;

  /** The bits 64..95 of the IPv4-mapped block, shifted into place. */
  static final long MAPPED_LO = 0x0000_ffff_0000_0000L;

  private static final IPAddressStringParameters STRICT =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowAll(false)
          .allowPrefix(false)
          .allowMask(false)
          .allowSingleSegment(false)
          .allowWildcardedSeparator(false)
          .allow_inet_aton(false)
          .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
          .getIPv4AddressParametersBuilder()
          .allowLeadingZeros(false)
          .getParentBuilder()
          .getIPv6AddressParametersBuilder()
          .allowZone(false)
          .getParentBuilder()
          .toParams();

  /** The longest address text: eight groups with an IPv4 tail, as in {@code ffff:...:1.2.3.4}. */
  private static final int MAX_TEXT = 45;

  private static final String LIBRARY_PREFIX = "IP Address error:";

  private final long hi;
  private final long lo;

  private IpAddress(long hi, long lo) {
    this.hi = hi;
    this.lo = lo;
  }

  /**
   * Parses one IPv4 or IPv6 address.
   *
   * <p>The text is the address and nothing else: no blank, control character or other space around
   * or inside it (a value that only looks like an address is refused, not cleaned), and no leading
   * zero in any IPv4 part, also not in the IPv4 tail of an IPv6 address such as {@code
   * ::ffff:010.0.0.1}. The common forms are read without allocating anything but the address.
   *
   * @param text the text to parse
   * @return the address
   * @throws IllegalArgumentException if {@code text} is not a single valid address; the message
   *     says what is wrong with it
   */
  public static IpAddress parse(String text) {
    requireNonNull(text, "text");
    // The common forms are read without the library's intermediate objects; the library decides
    // (and words the rejection of) everything else.
    IpAddress address = IpAddressText.parse(text);
    return address != null ? address : parseWithLibrary(text);
  }

  /** Parses {@code text} with the IPAddress library alone: the parser of record. */
  static IpAddress parseWithLibrary(String text) {
    String problem = textProblem(text);
    if (problem != null) {
      throw new IllegalArgumentException(
          "malformed IP address `" + Printable.escape(text, MAX_TEXT) + "`: " + problem);
    }
    IPAddress address;
    try {
      address = new IPAddressString(text, STRICT).toAddress();
    } catch (AddressStringException e) {
      throw new IllegalArgumentException(
          "malformed IP address `" + text + "`: " + lowerFirst(e.getMessage()), e);
    }
    return fromBytes(address.getBytes());
  }

  /**
   * Returns what keeps {@code text} from being an address before the library sees it, or null: the
   * library would pass over some characters (a trailing NUL), and accepts leading zeros in the IPv4
   * tail of an IPv6 address.
   */
  private static @Nullable String textProblem(String text) {
    if (text.length() > MAX_TEXT) {
      return "longer than " + MAX_TEXT + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // Other printable ASCII characters are left to the library, which names them.
      if (c <= 0x20 || c >= 0x7f) {
        return String.format("unexpected character U+%04X at position %d", (int) c, i + 1);
      }
    }
    int colon = text.lastIndexOf(':');
    if (colon >= 0 && text.indexOf('.', colon) >= 0) {
      // The IPv4 tail of an IPv6 address, held to the rule for plain IPv4 addresses.
      int start = colon + 1;
      while (start <= text.length()) {
        int end = text.indexOf('.', start);
        end = end < 0 ? text.length() : end;
        if (end - start > 1 && text.charAt(start) == '0') {
          return "leading zero in `"
              + text.substring(start, end)
              + "` of the embedded IPv4 address";
        }
        start = end + 1;
      }
    }
    return null;
  }

  /**
   * {@return the address {@code text} denotes, or empty if it is not a valid address}
   *
   * @param text the text to parse
   */
  public static Optional<IpAddress> tryParse(String text) {
    IpAddress address = IpAddressText.parse(requireNonNull(text, "text"));
    if (address != null) {
      return Optional.of(address);
    }
    try {
      return Optional.of(parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * {@return whether {@code text} is a valid IPv4 or IPv6 address}
   *
   * @param text the text to parse
   */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /**
   * {@return the address with the given 4 (IPv4) or 16 (IPv6) network-order bytes}
   *
   * @param bytes the address bytes in network order
   * @throws IllegalArgumentException if the array has another length
   */
  public static IpAddress fromBytes(byte[] bytes) {
    if (bytes.length == 4) {
      long v4 =
          ((bytes[0] & 0xffL) << 24)
              | ((bytes[1] & 0xffL) << 16)
              | ((bytes[2] & 0xffL) << 8)
              | (bytes[3] & 0xffL);
      return new IpAddress(MAPPED_HI, MAPPED_LO | v4);
    }
    if (bytes.length == 16) {
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 8; i++) {
        hi = (hi << 8) | (bytes[i] & 0xffL);
        lo = (lo << 8) | (bytes[i + 8] & 0xffL);
      }
      return new IpAddress(hi, lo);
    }
    throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
  }

  /**
   * {@return the address whose 128-bit value is {@code hi:lo}}
   *
   * @param hi the high 64 bits
   * @param lo the low 64 bits
   */
  public static IpAddress of128(long hi, long lo) {
    return new IpAddress(hi, lo);
  }

  /** {@return the high 64 bits of the 128-bit value (IPv4 addresses are IPv4-mapped)} */
  public long hi() {
    return hi;
  }

  /** {@return the low 64 bits of the 128-bit value} */
  public long lo() {
    return lo;
  }

  /** {@return whether this is an IPv4 address (written either way)} */
  public boolean isIpv4() {
    return hi == MAPPED_HI && (lo & 0xffff_ffff_0000_0000L) == MAPPED_LO;
  }

  @Override
  public int compareTo(IpAddress o) {
    int c = Long.compareUnsigned(hi, o.hi);
    return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpAddress a && hi == a.hi && lo == a.lo;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(hi) * 31 + Long.hashCode(lo);
  }

  /** Returns the address in its canonical text form: dotted for IPv4, RFC 5952 for IPv6. */
  @Override
  public String toString() {
    if (isIpv4()) {
      return ((lo >>> 24) & 0xff)
          + "."
          + ((lo >>> 16) & 0xff)
          + "."
          + ((lo >>> 8) & 0xff)
          + "."
          + (lo & 0xff);
    }
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (hi >>> (56 - 8 * i));
      bytes[i + 8] = (byte) (lo >>> (56 - 8 * i));
    }
    return new IPv6Address(bytes).toCanonicalString();
  }

  private static String lowerFirst(String message) {
    String m = message == null ? "not an address" : message.strip();
    // The library writes "<text> IP Address error: <detail>"; the text is already in our message.
    int marker = m.indexOf(LIBRARY_PREFIX);
    if (marker >= 0) {
      m = m.substring(marker + LIBRARY_PREFIX.length()).strip();
    }
    if (m.endsWith(".")) {
      m = m.substring(0, m.length() - 1);
    }
    // Leave acronyms such as "IPv4" or "CIDR" alone.
    if (m.length() < 2 || Character.isUpperCase(m.charAt(1))) {
      return m;
    }
    return Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }
}
