package dev.gatehouse.servlet;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds the address of the client of an HTTP request, trusting forwarding headers only when they
 * come from a configured proxy.
 *
 * <p>The client is the socket peer unless the peer is a trusted proxy. Then the configured header
 * ({@code X-Forwarded-For} by default, or RFC 7239 {@code Forwarded}) is walked from the right:
 * trusted proxies are skipped and the first untrusted address is the client. If every hop is a
 * trusted proxy, the leftmost is the client; if the header is absent, the peer is. Headers sent by
 * an untrusted peer are never read.
 *
 * <p>A hop that is not one plain address ({@code unknown}, an obfuscated {@code _hidden}
 * identifier, a {@code Forwarded} element without {@code for}, or anything malformed) ends the walk
 * with no client address: the request cannot be attributed, and {@link GatehouseFilter} denies it
 * rather than fall back to the proxy's own address, which may well sit in an allowed network.
 *
 * <p>Only one header is read, because a proxy that writes one of them usually passes the other
 * through from the client untouched.
 *
 * <pre>{@code
 * ClientIp clientIp = ClientIp.trusting(List.of("10.0.0.0/8"), ClientIp.Header.FORWARDED);
 * Optional<IpAddress> client = clientIp.resolve(httpRequest);
 * }</pre>
 */
public final class ClientIp {

  /** The forwarding header a trusted proxy writes. */
  public enum Header {
    /** The de facto {@code X-Forwarded-For: client, proxy1}. */
    X_FORWARDED_FOR("X-Forwarded-For"),
    /** RFC 7239 {@code Forwarded: for=client, for=proxy1}. */
    FORWARDED("Forwarded");

    private final String fieldName;

    Header(String fieldName) {
      this.fieldName = fieldName;
    }

    /**
     * Returns the HTTP field name, such as {@code X-Forwarded-For}.
     *
     * @return the HTTP field name
     */
    public String fieldName() {
      return fieldName;
    }
  }

  private static final ClientIp DIRECT = new ClientIp(List.of(), Header.X_FORWARDED_FOR);

  private final List<IpNetwork> trusted;
  private final Header header;

  private ClientIp(List<IpNetwork> trusted, Header header) {
    this.trusted = trusted;
    this.header = header;
  }

  /**
   * Returns a resolver that trusts no proxy: the client is always the socket peer.
   *
   * @return a resolver that trusts no proxy
   */
  public static ClientIp direct() {
    return DIRECT;
  }

  /**
   * Returns a resolver that trusts the proxies in {@code cidrs} to write {@code header}.
   *
   * @param cidrs the trusted proxies, as CIDR blocks or single addresses
   * @param header the header those proxies write
   * @return a resolver that trusts the given proxies
   * @throws IllegalArgumentException if a block is malformed; the message names it
   */
  public static ClientIp trusting(List<String> cidrs, Header header) {
    requireNonNull(cidrs, "cidrs");
    requireNonNull(header, "header");
    List<IpNetwork> networks = new ArrayList<>();
    for (String cidr : cidrs) {
      try {
        networks.add(IpNetwork.parse(requireNonNull(cidr, "trusted proxy")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "bad trusted proxy `" + cidr + "`: " + e.getMessage(), e);
      }
    }
    return new ClientIp(List.copyOf(networks), header);
  }

  /** {@return the trusted proxy blocks} */
  public List<IpNetwork> trustedProxies() {
    return trusted;
  }

  /** {@return the header read from trusted proxies} */
  public Header header() {
    return header;
  }

  /**
   * Returns the client address of {@code request}, or empty if it cannot be determined.
   *
   * @param request the HTTP request
   * @return the client address, or empty if it cannot be determined
   */
  public Optional<IpAddress> resolve(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (peer == null) {
      return Optional.empty();
    }
    return resolve(peer, Collections.list(request.getHeaders(header.fieldName())));
  }

  /**
   * Returns the client address given the socket peer and the values of the configured header, or
   * empty if it cannot be determined.
   *
   * @param peer the socket peer address, as the container reports it
   * @param fieldValues every value of the configured header, in order of arrival
   * @return the client address, or empty if it cannot be determined
   */
  public Optional<IpAddress> resolve(String peer, List<String> fieldValues) {
    Optional<IpAddress> peerAddress = peerAddress(peer);
    if (peerAddress.isEmpty() || !isTrusted(peerAddress.get()) || fieldValues.isEmpty()) {
      return peerAddress;
    }
    List<Optional<IpAddress>> hops =
        header == Header.FORWARDED
            ? ForwardedHeaders.forwarded(fieldValues)
            : ForwardedHeaders.xForwardedFor(fieldValues);
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<IpAddress> hop = hops.get(i);
      if (hop.isEmpty() || !isTrusted(hop.get()) || i == 0) {
        return hop;
      }
    }
    return peerAddress;
  }

  private boolean isTrusted(IpAddress address) {
    for (IpNetwork network : trusted) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Parses the peer as containers write it: bare, bracketed, or with an IPv6 zone. */
  private static Optional<IpAddress> peerAddress(String peer) {
    String text = peer.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    int zone = text.indexOf('%');
    if (zone >= 0 && text.indexOf(':') >= 0) {
      text = text.substring(0, zone);
    }
    return IpAddress.tryParse(text);
  }

  @Override
  public String toString() {
    return trusted.isEmpty()
        ? "ClientIp{direct}"
        : "ClientIp{" + header.fieldName() + " from " + trusted + "}";
  }
}
