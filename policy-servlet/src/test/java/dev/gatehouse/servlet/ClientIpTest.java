package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.IpAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How the client address is found from the peer and the forwarding headers. */
final class ClientIpTest {

  private static final List<String> PROXIES = List.of("10.0.0.0/8", "2001:db8:ffff::/48");
  private static final ClientIp XFF = ClientIp.trusting(PROXIES, ClientIp.Header.X_FORWARDED_FOR);
  private static final ClientIp FWD = ClientIp.trusting(PROXIES, ClientIp.Header.FORWARDED);

  /** Peer, X-Forwarded-For field values, expected client ("" for none). */
  static Stream<Arguments> xForwardedFor() {
    return Stream.of(
        Arguments.of("198.51.100.7", List.of("203.0.113.9"), "198.51.100.7"),
        Arguments.of("10.0.0.1", List.of(), "10.0.0.1"),
        Arguments.of("10.0.0.1", List.of("203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("192.0.2.1, 203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("203.0.113.9, 10.0.0.2, 10.0.0.3"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("192.0.2.1", "203.0.113.9, 10.0.0.2"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("10.0.0.5, 10.0.0.2"), "10.0.0.5"),
        Arguments.of("10.0.0.1", List.of("2001:db8::1"), "2001:db8::1"),
        Arguments.of("10.0.0.1", List.of("[2001:db8::1]:4711"), "2001:db8::1"),
        Arguments.of("10.0.0.1", List.of("203.0.113.9:51000"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("::ffff:203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("  203.0.113.9  "), "203.0.113.9"),
        Arguments.of("2001:db8:ffff::2", List.of("203.0.113.9"), "203.0.113.9"),
        Arguments.of("[2001:db8:ffff::2]", List.of("203.0.113.9"), "203.0.113.9"),
        Arguments.of("0:0:0:0:0:0:0:1", List.of("203.0.113.9"), "::1"),
        Arguments.of("::ffff:10.0.0.1", List.of("203.0.113.9"), "203.0.113.9"),
        Arguments.of("fe80::1%2", List.of("203.0.113.9"), "fe80::1"),
        Arguments.of("10.0.0.1", List.of("unknown"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9, unknown"), ""),
        Arguments.of("10.0.0.1", List.of("unknown, 203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("_hidden"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.999"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9, "), ""),
        Arguments.of("10.0.0.1", List.of(""), ""),
        Arguments.of("10.0.0.1", List.of("example.com"), ""),
        Arguments.of("10.0.0.1", List.of("10.1"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9/24"), ""),
        Arguments.of("10.0.0.1", List.of("fe80::1%eth0"), ""),
        Arguments.of("10.0.0.1", List.of("[203.0.113.9]"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9:http"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9:123456"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9:65535"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("203.0.113.9:65536"), ""),
        Arguments.of("10.0.0.1", List.of("[2001:db8::1]:99999"), ""),
        Arguments.of("10.0.0.1", List.of("\t203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("203.0.113.5\u0000"), ""),
        Arguments.of("10.0.0.1", List.of("\u2003203.0.113.5"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.5\u00a0"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.5\u0085"), ""),
        Arguments.of("10.0.0.1", List.of("203.0.\u200b113.5"), ""),
        Arguments.of("10.0.0.1", List.of("::ffff:010.0.0.1"), ""),
        Arguments.of("not-an-ip", List.of("203.0.113.9"), ""));
  }

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For {1} -> `{2}`")
  @MethodSource
  void xForwardedFor(String peer, List<String> fields, String expected) {
    assertThat(XFF.resolve(peer, fields)).isEqualTo(address(expected));
  }

  /** Peer, Forwarded field values, expected client ("" for none). */
  static Stream<Arguments> forwarded() {
    return Stream.of(
        Arguments.of("198.51.100.7", List.of("for=203.0.113.9"), "198.51.100.7"),
        Arguments.of("10.0.0.1", List.of("for=203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("For=203.0.113.9;proto=https;by=10.0.0.1"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=\"[2001:db8::1]:4711\""), "2001:db8::1"),
        Arguments.of("10.0.0.1", List.of("for=\"[2001:db8::1]\""), "2001:db8::1"),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.9:4711\""), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.9\""), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=192.0.2.1, for=203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=192.0.2.1", "for=203.0.113.9"), "203.0.113.9"),
        Arguments.of(
            "10.0.0.1", List.of("for=203.0.113.9, for=\"[2001:db8:ffff::9]\""), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=\"[2001:db8::1]:_port\""), "2001:db8::1"),
        Arguments.of("10.0.0.1", List.of("proto=\"a,b\";for=203.0.113.9"), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=unknown"), ""),
        Arguments.of("10.0.0.1", List.of("for=_hidden"), ""),
        Arguments.of("10.0.0.1", List.of("for=\"_hidden\""), ""),
        Arguments.of("10.0.0.1", List.of("for=203.0.113.9, for=_gateway"), ""),
        Arguments.of("10.0.0.1", List.of("for=[2001:db8::1]"), ""),
        Arguments.of("10.0.0.1", List.of("for=\"2001:db8::1\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"[2001:db8::1\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.9"), ""),
        Arguments.of("10.0.0.1", List.of("proto=https"), ""),
        Arguments.of("10.0.0.1", List.of("for=203.0.113.9;for=192.0.2.1"), ""),
        Arguments.of("10.0.0.1", List.of("for"), ""),
        Arguments.of("10.0.0.1", List.of("for="), ""),
        Arguments.of("10.0.0.1", List.of("for=\"\""), ""),
        Arguments.of("10.0.0.1", List.of("for=203.0.113.9,"), ""),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.9:65535\""), "203.0.113.9"),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.9:65536\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"[2001:db8::1]:70000\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"[2001:db8::1]:99999\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.5\u0000\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"\u2003203.0.113.5\""), ""),
        Arguments.of("10.0.0.1", List.of("for=\u2003203.0.113.5"), ""),
        Arguments.of("10.0.0.1", List.of("\u2003for=203.0.113.5"), ""),
        Arguments.of("10.0.0.1", List.of("for=\"203.0.113.5 \""), ""),
        Arguments.of("10.0.0.1", List.of("for=\"[::ffff:010.0.0.1]\""), ""),
        Arguments.of("10.0.0.1", List.of("203.0.113.9"), ""));
  }

  @ParameterizedTest(name = "peer {0}, Forwarded {1} -> `{2}`")
  @MethodSource
  void forwarded(String peer, List<String> fields, String expected) {
    assertThat(FWD.resolve(peer, fields)).isEqualTo(address(expected));
  }

  @Test
  void resolve_direct_ignoresHeadersFromAnyPeer() {
    assertThat(ClientIp.direct().resolve("10.0.0.1", List.of("203.0.113.9")))
        .contains(IpAddress.parse("10.0.0.1"));
  }

  @Test
  void resolve_forwardedConfigured_ignoresXForwardedFor() {
    // The configured header alone is read; values given here stand for that header only.
    assertThat(XFF.resolve("10.0.0.1", List.of("for=203.0.113.9"))).isEmpty();
  }

  @Test
  void trusting_malformedCidr_throwsNamingIt() {
    assertThatThrownBy(() -> ClientIp.trusting(List.of("10.0.0.0/33"), ClientIp.Header.FORWARDED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad trusted proxy `10.0.0.0/33`: ");
  }

  @Test
  void toString_trusting_namesHeaderAndProxies() {
    assertThat(FWD.toString())
        .isEqualTo("ClientIp{Forwarded from [10.0.0.0/8, 2001:db8:ffff::/48]}");
  }

  private static Optional<IpAddress> address(String expected) {
    return expected.isEmpty() ? Optional.empty() : Optional.of(IpAddress.parse(expected));
  }
}
