package dev.gatehouse.monitor;

import dev.gatehouse.api.IpAddress;
import java.util.Optional;

/**
 * Resolves a client address to a location; plug in a GeoIP database or use {@link CsvIpLocator}.
 *
 * <p>Implementations must be thread-safe and fast: the monitor calls them when it records an event
 * and when it enriches a request.
 */
@FunctionalInterface
public interface IpLocator {

  /**
   * {@return where {@code ip} is, or empty if unknown}
   *
   * @param ip the client address
   */
  Optional<Location> locate(IpAddress ip);

  /** {@return a locator that knows no address} */
  static IpLocator none() {
    return ip -> Optional.empty();
  }
}
