package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.text.JavaEscapes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class IpAddressTest {

  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.9                             | 203.0.113.9            | true",
        "0.0.0.0                                 | 0.0.0.0                | true",
        "255.255.255.255                         | 255.255.255.255        | true",
        "2001:db8::1                             | 2001:db8::1            | false",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1            | false",
        "2001:DB8::A                             | 2001:db8::a            | false",
        "2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1   | false",
        "2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1      | false",
        "::                                      | ::                     | false",
        "::1                                     | ::1                    | false",
        "fe80::                                  | fe80::                 | false",
        "64:ff9b::192.0.2.33                     | 64:ff9b::c000:221      | false",
        "::ffff:203.0.113.9                      | 203.0.113.9            | true",
        "::ffff:cb00:7109                        | 203.0.113.9            | true",
        "0:0:0:0:0:ffff:203.0.113.9              | 203.0.113.9            | true"
      })
  @ParameterizedTest(name = "{0} -> {1}")
  void parse_validAddress_printsCanonicalForm(String text, String canonical, boolean ipv4) {
    IpAddress address = IpAddress.parse(text);

    assertThat(address).hasToString(canonical);
    assertThat(address.isIpv4()).isEqualTo(ipv4);
    assertThat(IpAddress.parse(canonical)).isEqualTo(address);
    assertThat(IpAddress.isValid(text)).isTrue();
    assertThat(IpAddress.tryParse(text)).contains(address);
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "''             | you must specify an address",
        "1.2.3          | options do not allow IPv4 address with less than four segments",
        "256.1.1.1      | IPv4 segment too large",
        "01.2.3.4       | segment value starts with zero",
        "1.2.3.4/24     | CIDR prefix or mask not allowed for this address",
        "fe80::1%eth0   | invalid character number 9",
        "'1.2. 3.4'     | unexpected character U+0020 at position 5",
        "::g            | invalid character number 2"
      })
  @ParameterizedTest(name = "[{0}]")
  void parse_malformedAddress_throwsSayingWhy(String text, String why) {
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed IP address `" + text + "`: " + why);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "1.2.*.4",
        "1.2.3.4-5",
        "1.2.3.4.5",
        "10.1",
        "167772161",
        "0x0a.0.0.1",
        "1:2:3:4:5:6:7:8:9",
        "2001:db8::1::2",
        "::ffff:256.0.0.1",
        "2001:db8::/32",
        "*",
        "a.b.c.d",
        "1.2.3.4 5",
        "fe80::1%1"
      })
  void parse_rejectedForm_throwsNamingText(String text) {
    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed IP address `" + text + "`: ")
        .hasMessageNotContaining("IP Address error");
    assertThat(IpAddress.isValid(text)).isFalse();
    assertThat(IpAddress.tryParse(text)).isEmpty();
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.5\\u0000   | unexpected character U+0000 at position 12",
        "\\u2003203.0.113.5   | unexpected character U+2003 at position 1",
        "10.1.2.3\\u0020      | unexpected character U+0020 at position 9",
        "\\u0020 10.1.2.3     | unexpected character U+0020 at position 1",
        "10.1.2.3\\n          | unexpected character U+000A at position 9",
        "\\t10.1.2.3          | unexpected character U+0009 at position 1",
        "10.1.2.3\\u00a0      | unexpected character U+00A0 at position 9",
        "10.1\\u200b.2.3      | unexpected character U+200B at position 5",
        "2001:db8::\\u00851   | unexpected character U+0085 at position 11",
        "::ffff:10.0.0.\\u0661 | unexpected character U+0661 at position 15",
        "::ffff:010.0.0.1    | leading zero in `010` of the embedded IPv4 address",
        "::ffff:10.0.0.01    | leading zero in `01` of the embedded IPv4 address",
        "::ffff:10.00.0.1    | leading zero in `00` of the embedded IPv4 address",
        "64:ff9b::010.0.0.1  | leading zero in `010` of the embedded IPv4 address"
      })
  @ParameterizedTest(name = "[{0}]")
  void parse_spaceControlOrLeadingZeroInTail_throwsSayingWhich(String escaped, String why) {
    String text = JavaEscapes.unescape(escaped);

    assertThatThrownBy(() -> IpAddress.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "malformed IP address `" + dev.gatehouse.api.text.Printable.escape(text) + "`: " + why);
    assertThat(IpAddress.isValid(text)).isFalse();
  }

  @Test
  void parse_longText_throwsWithBoundedMessage() {
    String text = "1".repeat(100_000);

    assertThatThrownBy(() -> IpAddress.parse(text))
        .hasMessageEndingWith("more characters)`: longer than 45 characters")
        .hasMessageStartingWith("malformed IP address `111");
    assertThatThrownBy(() -> IpAddress.parse(text)).message().hasSizeLessThan(200);
  }

  @Test
  void parse_wildcardAndRange_sayWhy() {
    assertThatThrownBy(() -> IpAddress.parse("1.2.*.4")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> IpAddress.parse("1.2.3.4-5")).hasMessageContaining("range");
  }

  @Test
  void parse_null_throwsNamingParameter() {
    assertThatThrownBy(() -> IpAddress.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  @Test
  void parse_ipv4MappedIpv6_isTheIpv4Address() {
    IpAddress mapped = IpAddress.parse("::ffff:203.0.113.9");
    IpAddress dotted = IpAddress.parse("203.0.113.9");

    assertThat(mapped.hi()).isEqualTo(dotted.hi()).isZero();
    assertThat(mapped.lo()).isEqualTo(dotted.lo()).isEqualTo(0x0000_ffff_cb00_7109L);
    assertThat(mapped).isEqualTo(dotted).hasSameHashCodeAs(dotted);
    assertThat(mapped).hasToString("203.0.113.9");
    assertThat(mapped.compareTo(dotted)).isZero();
  }

  @Test
  void parse_ipv4CompatibleIpv6_isNotIpv4() {
    IpAddress compatible = IpAddress.parse("::203.0.113.9");

    assertThat(compatible).isNotEqualTo(IpAddress.parse("203.0.113.9"));
    assertThat(compatible.isIpv4()).isFalse();
  }

  @Test
  void parse_ipv6_keepsAll128Bits() {
    IpAddress address = IpAddress.parse("2001:db8:1:2:3:4:5:6");

    assertThat(address.hi()).isEqualTo(0x2001_0db8_0001_0002L);
    assertThat(address.lo()).isEqualTo(0x0003_0004_0005_0006L);
    assertThat(IpAddress.of128(address.hi(), address.lo())).isEqualTo(address);
  }

  @Test
  void compareTo_ordersByUnsigned128BitValue() {
    List<IpAddress> expected =
        List.of(
            IpAddress.parse("::"),
            IpAddress.parse("::1"),
            IpAddress.parse("0.0.0.0"),
            IpAddress.parse("10.0.0.1"),
            IpAddress.parse("10.0.0.2"),
            IpAddress.parse("255.255.255.255"),
            IpAddress.parse("2001:db8::1"),
            IpAddress.parse("8000::"),
            IpAddress.parse("ffff::"),
            IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
    List<IpAddress> shuffled = new ArrayList<>(expected);
    Collections.reverse(shuffled);

    Collections.sort(shuffled);

    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void fromBytes_fourBytes_isIpv4() {
    IpAddress address = IpAddress.fromBytes(new byte[] {(byte) 203, 0, 113, 9});

    assertThat(address).isEqualTo(IpAddress.parse("203.0.113.9"));
  }

  @Test
  void fromBytes_otherLength_throws() {
    assertThatThrownBy(() -> IpAddress.fromBytes(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an IP address has 4 or 16 bytes, not 5");
  }

  @Test
  void equals_differentAddresses_notEqual() {
    assertThat(IpAddress.parse("10.0.0.1")).isNotEqualTo(IpAddress.parse("10.0.0.2"));
    assertThat(IpAddress.parse("::1")).isNotEqualTo(IpAddress.parse("0.0.0.1"));
  }
}
