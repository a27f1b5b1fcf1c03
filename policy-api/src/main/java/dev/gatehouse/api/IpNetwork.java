package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.text.Printable;

/**
 * A CIDR block of IPv4 or IPv6 addresses, such as {@code 203.0.113.0/24} or {@code
 * 2001:db8:10::/48}; a bare address is a block of one.
 *
 * <p>Like {@link IpAddress}, a block is held in the 128-bit space: an IPv4 {@code /n} is the
 * IPv4-mapped {@code /(96+n)}, so an IPv4-mapped IPv6 client falls in the IPv4 block.
 */
public final class IpNetwork {

  private final IpAddress first;
  private final int prefixLength;

  private IpNetwork(IpAddress first, int prefixLength) {
    this.first = first;
    this.prefixLength = prefixLength;
  }

  /**
   * Parses a CIDR block or a single address.
   *
   * @param text the text to parse
   * @return the block
   * @throws IllegalArgumentException if the address is malformed, the prefix length is out of range
   *     for the address family, or host bits are set (the message names the block meant)
   */
  public static IpNetwork parse(String text) {
    requireNonNull(text, "text");
    // No strip(): a block with blanks or other spaces around it is refused like an address.
    String s = text;
    int slash = s.indexOf('/');
    IpAddress address = IpAddress.parse(slash < 0 ? s : s.substring(0, slash));
    int max = s.indexOf(':') < 0 ? 32 : 128;
    if (slash < 0) {
      return new IpNetwork(address, 128);
    }
    String digits = s.substring(slash + 1);
    // ASCII digits only, and at most three, so that "+8", "08x" or a huge number never reach
    // parseInt.
    if (digits.isEmpty()
        || digits.length() > 3
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(
          "malformed prefix length `"
              + Printable.escape(digits, 8)
              + "` in `"
              + Printable.escape(text, 64)
              + "`: expected 0.."
              + max);
    }
    int prefix = Integer.parseInt(digits);
    if (prefix > max) {
      throw new IllegalArgumentException(
          "prefix length "
              + prefix
              + " is out of range in `"
              + text
              + "`: "
              + (max == 32 ? "an IPv4" : "an IPv6")
              + " prefix is at most "
              + max);
    }
    int prefix128 = max == 32 ? 96 + prefix : prefix;
    IpNetwork network = new IpNetwork(mask(address, prefix128), prefix128);
    if (!network.first.equals(address)) {
      throw new IllegalArgumentException(
          "`" + text + "` has host bits set; did you mean `" + network + "`?");
    }
    return network;
  }

  /**
   * {@return the block of length {@code prefixLength} (in the 128-bit space) holding {@code ip}}
   *
   * @param ip the address
   * @param prefixLength the prefix length, 0..128
   */
  public static IpNetwork containing(IpAddress ip, int prefixLength) {
    if (prefixLength < 0 || prefixLength > 128) {
      throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0..128");
    }
    return new IpNetwork(mask(ip, prefixLength), prefixLength);
  }

  private static IpAddress mask(IpAddress ip, int prefix) {
    return IpAddress.of128(ip.hi() & hiMask(prefix), ip.lo() & loMask(prefix));
  }

  private static long hiMask(int prefix) {
    return prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
  }

  private static long loMask(int prefix) {
    return prefix <= 64 ? 0 : -1L << (128 - prefix);
  }

  /** {@return the lowest address of the block} */
  public IpAddress first() {
    return first;
  }

  /** {@return the highest address of the block} */
  public IpAddress last() {
    return IpAddress.of128(first.hi() | ~hiMask(prefixLength), first.lo() | ~loMask(prefixLength));
  }

  /** {@return the prefix length in the 128-bit space (an IPv4 {@code /24} is 120)} */
  public int prefixLength128() {
    return prefixLength;
  }

  /** {@return whether this is a block of IPv4 addresses} */
  public boolean isIpv4() {
    return prefixLength >= 96 && first.isIpv4();
  }

  /** {@return the prefix length as written: 0..32 for IPv4, 0..128 for IPv6} */
  public int prefixLength() {
    return isIpv4() ? prefixLength - 96 : prefixLength;
  }

  /**
   * {@return whether {@code ip} lies in this block}
   *
   * @param ip the address
   */
  public boolean contains(IpAddress ip) {
    return (ip.hi() & hiMask(prefixLength)) == first.hi()
        && (ip.lo() & loMask(prefixLength)) == first.lo();
  }

  /**
   * {@return whether every address of {@code other} lies in this block}
   *
   * @param other the other block
   */
  public boolean contains(IpNetwork other) {
    return other.prefixLength >= prefixLength && contains(other.first);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpNetwork n && prefixLength == n.prefixLength && first.equals(n.first);
  }

  @Override
  public int hashCode() {
    return first.hashCode() * 31 + prefixLength;
  }

  /** Returns the block in CIDR notation, {@code a.b.c.d/n} for IPv4. */
  @Override
  public String toString() {
    return first + "/" + prefixLength();
  }
}
