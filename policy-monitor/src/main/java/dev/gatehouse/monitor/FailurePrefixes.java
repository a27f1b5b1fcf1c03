package dev.gatehouse.monitor;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The networks over which failed sign-ins are counted besides the exact address: an attacker who
 * holds an IPv6 /64 has 2^64 addresses to rotate through, so counting per address alone never
 * reaches a threshold.
 *
 * <p>Defaults ({@link #defaults()}): IPv6 by /64, IPv4 by exact address only (a /24 is often one
 * office or carrier NAT, where many honest users share the network; turn it on with {@code
 * FailurePrefixes.of(24, 64)}).
 *
 * @param ipv4 the IPv4 prefix length, 32 for none beyond the address
 * @param ipv6 the IPv6 prefix length, 128 for none beyond the address
 */
public record FailurePrefixes(int ipv4, int ipv6) {

  /**
   * Checks both lengths at once.
   *
   * @param ipv4 the IPv4 prefix length, 8 to 32
   * @param ipv6 the IPv6 prefix length, 16 to 128
   * @throws IllegalArgumentException naming every length out of range
   */
  public FailurePrefixes {
    List<String> problems = new ArrayList<>();
    if (ipv4 < 8 || ipv4 > 32) {
      problems.add("ipv4 prefix length " + ipv4 + " is not in 8..32");
    }
    if (ipv6 < 16 || ipv6 > 128) {
      problems.add("ipv6 prefix length " + ipv6 + " is not in 16..128");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * Returns the prefixes for {@code ipv4} and {@code ipv6} lengths.
   *
   * @param ipv4 the IPv4 prefix length, 8 to 32
   * @param ipv6 the IPv6 prefix length, 16 to 128
   * @return the prefixes
   * @throws IllegalArgumentException naming every length out of range
   */
  public static FailurePrefixes of(int ipv4, int ipv6) {
    return new FailurePrefixes(ipv4, ipv6);
  }

  /**
   * Returns the defaults: IPv6 by /64, IPv4 by exact address.
   *
   * @return the defaults
   */
  public static FailurePrefixes defaults() {
    return new FailurePrefixes(32, 64);
  }

  /**
   * Returns the network over which failures from {@code ip} are counted, or empty if only the exact
   * address counts for its family.
   *
   * @param ip the client address
   * @return the network containing {@code ip}, or empty
   */
  public Optional<IpNetwork> networkOf(IpAddress ip) {
    // IpNetwork counts lengths in the 128-bit space, where IPv4 sits under ::ffff:0:0/96.
    int length = ip.isIpv4() ? 96 + ipv4 : ipv6;
    return length == 128 ? Optional.empty() : Optional.of(IpNetwork.containing(ip, length));
  }
}
