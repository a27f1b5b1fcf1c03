package dev.gatehouse.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.policy.Network;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NetworkTableTest {

  private static final Network WIDE = Network.of("wide", "10.0.0.0/8", "2001:db8::/32");
  private static final Network NARROW = Network.of("narrow", "10.1.2.0/24", "10.1.2.128/25");
  private static final Network HOST = Network.of("host", "10.1.2.200", "2001:db8::1");
  private static final Network ALL_V6 = Network.of("all", "::/0");
  private static final Network TOP = Network.of("top", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124");
  private static final NetworkTable TABLE =
      NetworkTable.of(List.of(WIDE, NARROW, HOST, ALL_V6, TOP, WIDE));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "9.255.255.255          | all",
      "10.0.0.0               | all, wide",
      "10.1.1.255             | all, wide",
      "10.1.2.0               | all, narrow, wide",
      "10.1.2.200             | all, host, narrow, wide",
      "::ffff:10.1.2.200      | all, host, narrow, wide",
      "10.1.2.201             | all, narrow, wide",
      "10.1.2.255             | all, narrow, wide",
      "10.1.3.0               | all, wide",
      "10.255.255.255         | all, wide",
      "11.0.0.0               | all",
      "2001:db8::1            | all, host, wide",
      "2001:db9::             | all",
      "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff | all, top",
      "::                     | all"})
  void containing_address_returnsEveryNetworkHoldingIt(String ip, String expected) {
    int[] ids = TABLE.containing(IpAddress.parse(ip));
    List<String> names = java.util.Arrays.stream(ids)
        .mapToObj(id -> List.of(WIDE, NARROW, HOST, ALL_V6, TOP).stream()
            .filter(n -> TABLE.id(n) == id).findFirst().orElseThrow().name())
        .sorted().toList();
    assertThat(String.join(", ", names)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'1,3,5', '2,4', false", "'1,3,5', '5', true", "'', '1', false", "'2', '1,2', true"})
  void intersects_sortedArrays_findsSharedElement(String a, String b, boolean expected) {
    assertThat(NetworkTable.intersects(ints(a), ints(b))).isEqualTo(expected);
  }

  private static int[] ints(String csv) {
    return csv.isEmpty() ? new int[0]
        : java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
