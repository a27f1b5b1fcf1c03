package dev.gatehouse.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NetworkTableTest {

  private static final Network WIDE = Network.of("wide", "10.0.0.0/8", "2001:db8::/32");
  private static final Network NARROW = Network.of("narrow", "10.1.2.0/24", "10.1.2.128/25");
  private static final Network HOST = Network.of("host", "10.1.2.200", "2001:db8::1");
  private static final Network ALL_V6 = Network.of("all", "::/0");
  private static final Network TOP =
      Network.of("top", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff0/124");
  private static final NetworkTable TABLE =
      NetworkTable.of(List.of(WIDE, NARROW, HOST, ALL_V6, TOP, WIDE));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
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
        "::                     | all"
      })
  void containing_address_returnsEveryNetworkHoldingIt(String ip, String expected) {
    int[] ids = TABLE.containing(IpAddress.parse(ip));
    List<String> names =
        java.util.Arrays.stream(ids)
            .mapToObj(
                id ->
                    List.of(WIDE, NARROW, HOST, ALL_V6, TOP).stream()
                        .filter(n -> TABLE.id(n) == id)
                        .findFirst()
                        .orElseThrow()
                        .name())
            .sorted()
            .toList();
    assertThat(String.join(", ", names)).isEqualTo(expected);
  }

  @Test
  void containing_randomNetworks_matchesScanOfEveryBlock() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      List<Network> networks = new ArrayList<>();
      List<IpAddress> probes =
          new ArrayList<>(List.of(IpAddress.of128(0, 0), IpAddress.of128(-1L, -1L)));
      for (int n = random.nextInt(6); n > 0; n--) {
        List<IpNetwork> blocks = new ArrayList<>();
        for (int b = 1 + random.nextInt(3); b > 0; b--) {
          // Few high halves, so that blocks nest and overlap; both signs of each half.
          long hi = HIGH_HALVES[random.nextInt(HIGH_HALVES.length)];
          long lo =
              random.nextBoolean()
                  ? random.nextLong()
                  : 0x0000_ffff_0a00_0000L | random.nextInt(1 << 12);
          IpNetwork block =
              IpNetwork.containing(
                  IpAddress.of128(hi, lo),
                  random.nextInt(4) == 0 ? 64 + random.nextInt(8) : 116 + random.nextInt(13));
          blocks.add(block);
          probes.add(block.first());
          probes.add(block.last());
          probes.add(step(block.first(), -1));
          probes.add(step(block.last(), 1));
        }
        networks.add(new Network("n" + networks.size(), blocks));
      }
      NetworkTable table = NetworkTable.of(networks);
      for (IpAddress ip : probes) {
        int[] expected =
            networks.stream()
                .filter(n -> n.blocks().stream().anyMatch(b -> b.contains(ip)))
                .mapToInt(table::id)
                .sorted()
                .toArray();
        assertThat(table.containing(ip)).as("%s in %s", ip, networks).containsExactly(expected);
      }
    }
  }

  private static final long[] HIGH_HALVES = {0, 0x2001_0db8_0000_0000L, Long.MIN_VALUE, -1L};

  /** The address {@code delta} (±1) away, wrapping at the ends of the space. */
  private static IpAddress step(IpAddress ip, int delta) {
    long lo = ip.lo() + delta;
    long carry = delta > 0 ? (lo == 0 ? 1 : 0) : (ip.lo() == 0 ? -1 : 0);
    return IpAddress.of128(ip.hi() + carry, lo);
  }

  @ParameterizedTest
  @CsvSource({"'1,3,5', '2,4', false", "'1,3,5', '5', true", "'', '1', false", "'2', '1,2', true"})
  void intersects_sortedArrays_findsSharedElement(String a, String b, boolean expected) {
    assertThat(NetworkTable.intersects(ints(a), ints(b))).isEqualTo(expected);
  }

  private static int[] ints(String csv) {
    return csv.isEmpty()
        ? new int[0]
        : java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }
}
