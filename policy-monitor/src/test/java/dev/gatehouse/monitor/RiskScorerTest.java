package dev.gatehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class RiskScorerTest {

  private static RiskSignal signal(SignalKind kind, int weight) {
    return new RiskSignal(kind, weight, "seen");
  }

  @Test
  void level_defaultThresholds_mapEachBand() {
    RiskScorer scorer = RiskScorer.defaults();

    assertThat(List.of(0, 9, 10, 29, 30, 49, 50, 79, 80, 100))
        .extracting(scorer::level)
        .containsExactly(
            RiskLevel.NONE,
            RiskLevel.NONE,
            RiskLevel.LOW,
            RiskLevel.LOW,
            RiskLevel.MEDIUM,
            RiskLevel.MEDIUM,
            RiskLevel.HIGH,
            RiskLevel.HIGH,
            RiskLevel.CRITICAL,
            RiskLevel.CRITICAL);
  }

  @Test
  void score_weightsAboveHundred_capped() {
    RiskScorer scorer = RiskScorer.defaults();

    assertThat(
            scorer.score(
                List.of(
                    signal(SignalKind.BLOCKED_IP, 80),
                    signal(SignalKind.NEW_DEVICE, 20),
                    signal(SignalKind.UNUSUAL_HOUR, 10))))
        .isEqualTo(100);
    assertThat(scorer.score(List.of())).isZero();
  }

  @Test
  void weight_defaults_matchSignalDefaults() {
    for (SignalKind signal : SignalKind.values()) {
      assertThat(RiskScorer.defaults().weight(signal)).isEqualTo(signal.defaultWeight());
    }
  }

  @Test
  void build_customWeightsAndThresholds_used() {
    RiskScorer scorer =
        RiskScorer.builder().weight(SignalKind.NEW_COUNTRY, 55).thresholds(5, 20, 40, 90).build();

    assertThat(scorer.weight(SignalKind.NEW_COUNTRY)).isEqualTo(55);
    assertThat(scorer.weight(SignalKind.NEW_DEVICE)).isEqualTo(20);
    assertThat(scorer.level(85)).isEqualTo(RiskLevel.HIGH);
    assertThat(scorer.threshold(RiskLevel.CRITICAL)).isEqualTo(90);
  }

  @Test
  void thresholds_notRising_rejectedWithValues() {
    assertThatThrownBy(() -> RiskScorer.builder().thresholds(10, 30, 30, 80))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "thresholds low=10 medium=30 high=30 critical=80 must rise strictly within"
                + " 1..100");
  }

  @Test
  void weight_outOfRange_rejectedWithSignal() {
    assertThatThrownBy(() -> RiskScorer.builder().weight(SignalKind.BLOCKED_IP, 101))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("weight 101 of `blocked_ip` is not in 0..100");
  }

  @Test
  void detect_signalWeightZero_turnedOff() {
    SignInMonitor monitor =
        SignInMonitor.builder()
            .scorer(RiskScorer.builder().weight(SignalKind.BLOCKED_IP, 0).build())
            .blocklist(List.of(dev.gatehouse.api.IpNetwork.parse("192.0.2.0/24")))
            .build();

    RiskAssessment risk =
        monitor.assess(Histories.signIn("eve", Histories.dayEleven(9, 0), Histories.BLOCKED, "d"));

    assertThat(risk.signals()).isEmpty();
    assertThat(risk.level()).isEqualTo(RiskLevel.NONE);
  }
}
