package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class IpNetworkTest {

  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.0/24   | 203.0.113.0/24   | 24  | 120 | 203.0.113.0 | 203.0.113.255",
        "10.0.0.0/8       | 10.0.0.0/8       | 8   | 104 | 10.0.0.0    | 10.255.255.255",
        "0.0.0.0/0        | 0.0.0.0/0        | 0   | 96  | 0.0.0.0     | 255.255.255.255",
        "198.51.100.7     | 198.51.100.7/32  | 32  | 128 | 198.51.100.7 | 198.51.100.7",
        "198.51.100.7/32  | 198.51.100.7/32  | 32  | 128 | 198.51.100.7 | 198.51.100.7",
        "2001:db8:10::/48 | 2001:db8:10::/48 | 48  | 48  | 2001:db8:10:: | 2001:db8:10:ffff:ffff:ffff:ffff:ffff",
        "2001:db8::1      | 2001:db8::1/128  | 128 | 128 | 2001:db8::1 | 2001:db8::1",
        "::/0             | ::/0             | 0   | 0   | ::          | ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "::ffff:10.0.0.0/104 | 10.0.0.0/8    | 8   | 104 | 10.0.0.0    | 10.255.255.255"
      })
  @ParameterizedTest(name = "{0}")
  void parse_validBlock_hasBoundsAndPrefix(
      String text, String printed, int prefix, int prefix128, String first, String last) {
    IpNetwork network = IpNetwork.parse(text);

    assertThat(network).hasToString(printed);
    assertThat(network.prefixLength()).isEqualTo(prefix);
    assertThat(network.prefixLength128()).isEqualTo(prefix128);
    assertThat(network.first()).isEqualTo(IpAddress.parse(first));
    assertThat(network.last()).isEqualTo(IpAddress.parse(last));
    assertThat(IpNetwork.parse(printed)).isEqualTo(network).hasSameHashCodeAs(network);
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.0/24   | 203.0.113.0         | true",
        "203.0.113.0/24   | 203.0.113.255       | true",
        "203.0.113.0/24   | 203.0.112.255       | false",
        "203.0.113.0/24   | 203.0.114.0         | false",
        "203.0.113.0/24   | ::ffff:203.0.113.9  | true",
        "203.0.113.0/24   | 2001:db8::1         | false",
        "0.0.0.0/0        | 255.255.255.255     | true",
        "0.0.0.0/0        | ::1                 | false",
        "198.51.100.7     | 198.51.100.7        | true",
        "198.51.100.7     | 198.51.100.8        | false",
        "2001:db8:10::/48 | 2001:db8:10::       | true",
        "2001:db8:10::/48 | 2001:db8:10:ffff:ffff:ffff:ffff:ffff | true",
        "2001:db8:10::/48 | 2001:db8:11::       | false",
        "2001:db8:10::/48 | 2001:db8:f:ffff:ffff:ffff:ffff:ffff | false",
        "::/0             | 10.0.0.1            | true",
        "10.0.0.0/31      | 10.0.0.1            | true",
        "10.0.0.0/31      | 10.0.0.2            | false",
        "2001:db8::/64    | 2001:db8::ffff:ffff:ffff:ffff | true",
        "2001:db8::/65    | 2001:db8::8000:0:0:0 | false"
      })
  @ParameterizedTest(name = "{0} contains {1}: {2}")
  void contains_address_followsBlockBounds(String network, String address, boolean inside) {
    assertThat(IpNetwork.parse(network).contains(IpAddress.parse(address))).isEqualTo(inside);
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.0/33     | prefix length 33 is out of range in `10.0.0.0/33`: an IPv4 prefix is at most 32",
        "::/129          | prefix length 129 is out of range in `::/129`: an IPv6 prefix is at most 128",
        "10.0.0.1/24     | `10.0.0.1/24` has host bits set; did you mean `10.0.0.0/24`?",
        "2001:db8::1/32  | `2001:db8::1/32` has host bits set; did you mean `2001:db8::/32`?",
        "10.0.0.0/       | malformed prefix length `` in `10.0.0.0/`: expected 0..32",
        "10.0.0.0/x      | malformed prefix length `x` in `10.0.0.0/x`: expected 0..32",
        "10.0.0.0/-1     | malformed prefix length `-1` in `10.0.0.0/-1`: expected 0..32",
        "10.0.0.0/+8     | malformed prefix length `+8` in `10.0.0.0/+8`: expected 0..32",
        "10.0.0.0/0008   | malformed prefix length `0008` in `10.0.0.0/0008`: expected 0..32",
        "10.0.0.0/8/8    | malformed prefix length `8/8` in `10.0.0.0/8/8`: expected 0..32",
        "::/x            | malformed prefix length `x` in `::/x`: expected 0..128",
        "10.0.0.0/\u0662\u0664 | malformed prefix length `\u0662\u0664` in `10.0.0.0/\u0662\u0664`: expected 0..32",
        "256.0.0.0/8     | malformed IP address `256.0.0.0`: IPv4 segment too large"
      })
  @ParameterizedTest(name = "{0}")
  void parse_badBlock_throwsSayingWhy(String text, String message) {
    assertThatThrownBy(() -> IpNetwork.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "10.0.0.0/8     | 10.1.0.0/16    | true",
        "10.0.0.0/8     | 10.0.0.0/8     | true",
        "10.0.0.0/8     | 10.255.255.255 | true",
        "10.0.0.0/16    | 10.0.0.0/8     | false",
        "10.0.0.0/8     | 11.0.0.0/16    | false",
        "0.0.0.0/0      | 2001:db8::/32  | false",
        "::/0           | 10.0.0.0/8     | true",
        "2001:db8::/32  | 2001:db8:10::/48 | true",
        "2001:db8::/32  | 2001:db9::/48  | false"
      })
  @ParameterizedTest(name = "{0} contains {1}: {2}")
  void contains_network_onlyWhenWhollyInside(String outer, String inner, boolean inside) {
    assertThat(IpNetwork.parse(outer).contains(IpNetwork.parse(inner))).isEqualTo(inside);
  }

  @Test
  void isIpv4_onlyForBlocksInTheMappedRange() {
    assertThat(IpNetwork.parse("10.0.0.0/8").isIpv4()).isTrue();
    assertThat(IpNetwork.parse("::/0").isIpv4()).isFalse();
    assertThat(IpNetwork.containing(IpAddress.parse("10.0.0.0"), 95).isIpv4()).isFalse();
  }

  @Test
  void containing_masksHostBits() {
    IpNetwork network = IpNetwork.containing(IpAddress.parse("203.0.113.77"), 120);

    assertThat(network).isEqualTo(IpNetwork.parse("203.0.113.0/24"));
  }

  @Test
  void containing_prefixOutOfRange_throws() {
    assertThatThrownBy(() -> IpNetwork.containing(IpAddress.parse("::1"), 129))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefix length 129 is not in 0..128");
  }

  @Test
  void equals_differentPrefix_notEqual() {
    assertThat(IpNetwork.parse("10.0.0.0/8")).isNotEqualTo(IpNetwork.parse("10.0.0.0/9"));
  }
}
