package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.IpNetwork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class NetworkTest {

  @Test
  void of_named_printsName() {
    Network office = Network.of("office", "203.0.113.0/24", "2001:db8:10::/48");

    assertThat(office).hasToString("office");
    assertThat(office.isInline()).isFalse();
    assertThat(office.blocks())
        .containsExactly(IpNetwork.parse("203.0.113.0/24"), IpNetwork.parse("2001:db8:10::/48"));
  }

  @Test
  void inline_printsBlockList() {
    Network inline = Network.inline("10.0.0.0/8", "198.51.100.7");

    assertThat(inline.isInline()).isTrue();
    assertThat(inline).hasToString("[10.0.0.0/8, 198.51.100.7/32]");
  }

  @Test
  void of_noBlock_throwsNamingNetwork() {
    assertThatThrownBy(() -> Network.of("office"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("network `office` has no address block");
    assertThatThrownBy(() -> Network.inline())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("network list has no address block");
  }

  @Test
  void of_malformedBlock_throwsBlockMessage() {
    assertThatThrownBy(() -> Network.of("office", "10.0.0.1/24"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`10.0.0.1/24` has host bits set; did you mean `10.0.0.0/24`?");
  }

  @Test
  void blocks_areCopiedAndUnmodifiable() {
    List<IpNetwork> blocks = new ArrayList<>(List.of(IpNetwork.parse("10.0.0.0/8")));
    Network network = new Network("lan", blocks);

    blocks.add(IpNetwork.parse("192.168.0.0/16"));

    assertThat(network.blocks()).hasSize(1);
    assertThatThrownBy(() -> network.blocks().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameNameAndBlocks_areEqual() {
    assertThat(Network.of("vpn", "198.51.100.7"))
        .isEqualTo(Network.of("vpn", "198.51.100.7/32"))
        .hasSameHashCodeAs(Network.of("vpn", "198.51.100.7/32"))
        .isNotEqualTo(Network.of("vpn2", "198.51.100.7"));
  }
}
