package dev.gatehouse.monitor;

import static dev.gatehouse.monitor.Histories.BERLIN;
import static dev.gatehouse.monitor.Histories.BLOCKED;
import static dev.gatehouse.monitor.Histories.PARIS;
import static dev.gatehouse.monitor.Histories.PARIS_OTHER;
import static dev.gatehouse.monitor.Histories.TOKYO;
import static dev.gatehouse.monitor.Histories.dayEleven;
import static dev.gatehouse.monitor.Histories.event;
import static dev.gatehouse.monitor.Histories.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Schema;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class SignInMonitorTest {

  private SignInMonitor monitor;

  @BeforeEach
  void setUp() {
    monitor = Histories.monitor();
    Histories.regularUsers(monitor);
  }

  @Test
  void assess_quietRegularUser_noSignalAndLevelNone() {
    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 5), PARIS, "laptop-a"));

    assertThat(risk.signals()).isEmpty();
    assertThat(risk.score()).isZero();
    assertThat(risk.level()).isEqualTo(RiskLevel.NONE);
    assertThat(risk.deviceKnown()).isTrue();
  }

  @Test
  void assess_bruteForceBurst_userFailuresAndLevelHigh() {
    for (int i = 0; i < 6; i++) {
      monitor.record(
          event(
              "alice",
              dayEleven(8, 50 + i),
              PARIS_OTHER,
              "laptop-a",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 0), PARIS_OTHER, "laptop-a"));

    assertThat(risk.signals()).extracting(RiskSignal::name).containsExactly("user_failures");
    assertThat(risk.signals().get(0).explanation())
        .isEqualTo("6 failed sign-ins for this user in the last 15m");
    assertThat(risk.score()).isEqualTo(50);
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void assess_failuresOutsideWindow_noSignal() {
    for (int i = 0; i < 6; i++) {
      monitor.record(
          event(
              "alice", dayEleven(8, i), PARIS, "laptop-a", SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    assertThat(monitor.assess(signIn("alice", dayEleven(9, 0), PARIS, "laptop-a")).signals())
        .isEmpty();
  }

  @Test
  void assess_credentialStuffingFromOneAddress_ipFailuresAndLevelHigh() {
    for (int i = 0; i < 25; i++) {
      monitor.record(
          event(
              "victim-" + i,
              dayEleven(11, 50).plusSeconds(20 * i),
              PARIS_OTHER,
              "script",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("bob", dayEleven(12, 0), PARIS_OTHER, "laptop-b"));

    assertThat(risk.signals())
        .extracting(RiskSignal::explanation)
        .containsExactly("25 failed sign-ins from `203.0.113.99` in the last 15m");
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void assess_newDevice_newDeviceSignalAndLevelLow() {
    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 20), PARIS, "phone-x"));

    assertThat(risk.signals())
        .extracting(RiskSignal::explanation)
        .containsExactly("device `phone-x` was never used in a trusted sign-in by this user");
    assertThat(risk.score()).isEqualTo(20);
    assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
    assertThat(risk.deviceKnown()).isFalse();
  }

  @Test
  void assess_newCountry_newCountrySignalAndLevelMedium() {
    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 0), BERLIN, "laptop-a"));

    assertThat(risk.signals())
        .extracting(RiskSignal::explanation)
        .containsExactly("country `DE` was never seen in a trusted sign-in by this user");
    assertThat(risk.score()).isEqualTo(30);
    assertThat(risk.level()).isEqualTo(RiskLevel.MEDIUM);
  }

  @Test
  void assess_impossibleTravel_travelSignalAndLevelHigh() {
    monitor.record(event("alice", dayEleven(9, 0), PARIS, "laptop-a", SignInEvent.Outcome.SUCCESS));

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(10, 0), TOKYO, "laptop-a"));

    assertThat(risk.signals()).extracting(RiskSignal::name).containsExactly("impossible_travel");
    assertThat(risk.signals().get(0).explanation())
        .matches(
            "97\\d\\d km from `FR` in 1h since the last trusted sign-in needs 97\\d\\d km/h"
                + " \\(limit 900\\)");
    assertThat(risk.score()).isEqualTo(60);
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void assess_flightLongEnough_noTravelSignal() {
    monitor.record(event("alice", dayEleven(9, 0), PARIS, "laptop-a", SignInEvent.Outcome.SUCCESS));

    RiskAssessment risk =
        monitor.assess(
            signIn("alice", dayEleven(9, 0).plus(Duration.ofHours(14)), TOKYO, "laptop-a"));

    assertThat(risk.has(SignalKind.IMPOSSIBLE_TRAVEL)).isFalse();
  }

  @Test
  void assess_unusualHour_hourSignalAndLevelLow() {
    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(3, 0), PARIS, "laptop-a"));

    assertThat(risk.signals())
        .extracting(RiskSignal::explanation)
        .containsExactly("sign-in at hour 03 (Z), when this user never signs in");
    assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
  }

  @Test
  void assess_hourNextToUsualOne_noHourSignal() {
    assertThat(monitor.assess(signIn("alice", dayEleven(10, 30), PARIS, "laptop-a")).signals())
        .isEmpty();
  }

  @Test
  void assess_blocklistedAddress_blockedSignalAndLevelCritical() {
    RiskAssessment risk = monitor.assess(signIn("dave", dayEleven(13, 0), BLOCKED, "laptop-d"));

    assertThat(risk.signals())
        .extracting(RiskSignal::explanation)
        .containsExactly("`192.0.2.9` is in blocklisted network `192.0.2.0/24`");
    assertThat(risk.score()).isEqualTo(80);
    assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
  }

  @Test
  void assess_newUserInLearningPeriod_noSignalButDeviceUnknown() {
    RiskAssessment risk = monitor.assess(signIn("carol", dayEleven(3, 0), TOKYO, "phone-c"));

    assertThat(risk.signals()).isEmpty();
    assertThat(risk.deviceKnown()).isFalse();
  }

  @Test
  void assess_noLearningPeriod_unknownUserGetsNewDeviceAndCountry() {
    SignInMonitor eager =
        SignInMonitor.builder().locator(Histories.LOCATOR).learningSignIns(0).build();

    RiskAssessment risk = eager.assess(signIn("carol", dayEleven(9, 0), TOKYO, "phone-c"));

    assertThat(risk.signals())
        .extracting(RiskSignal::name)
        .containsExactly("new_device", "new_country", "unusual_hour");
    assertThat(risk.level()).isEqualTo(RiskLevel.HIGH);
  }

  @Test
  void assess_failedAttemptsFromNewDevice_deviceStaysUnknown() {
    monitor.record(
        event("alice", dayEleven(9, 0), PARIS, "stolen", SignInEvent.Outcome.FAILED_CREDENTIALS));
    monitor.record(event("alice", dayEleven(9, 1), PARIS, "stolen", SignInEvent.Outcome.DENIED));

    assertThat(monitor.assess(signIn("alice", dayEleven(9, 2), PARIS, "stolen")).deviceKnown())
        .isFalse();
  }

  @Test
  void assess_severalSignals_scoreCappedAt100() {
    monitor.record(event("alice", dayEleven(9, 0), PARIS, "laptop-a", SignInEvent.Outcome.SUCCESS));
    for (int i = 0; i < 5; i++) {
      monitor.record(
          event("alice", dayEleven(9, 1 + i), TOKYO, "x", SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("alice", dayEleven(9, 10), TOKYO, "phone-x"));

    assertThat(risk.signals())
        .extracting(RiskSignal::name)
        .containsExactly("user_failures", "new_device", "impossible_travel");
    assertThat(risk.score()).isEqualTo(100);
    assertThat(risk.level()).isEqualTo(RiskLevel.CRITICAL);
  }

  @Test
  void enrich_newDevice_setsRiskAndDeviceKnown() {
    AccessRequest enriched = monitor.enrich(signIn("alice", dayEleven(9, 20), PARIS, "phone-x"));

    assertThat(enriched.value("risk.score")).contains(20L);
    assertThat(enriched.value("risk.level")).contains("low");
    assertThat(enriched.value("device.known")).contains(false);
  }

  @Test
  void enrich_requestWithoutUserOrDevice_setsRiskOnly() {
    AccessRequest request =
        AccessRequest.builder(Schema.standard())
            .set("request.ip", BLOCKED)
            .set("request.time", dayEleven(9, 0))
            .build();

    AccessRequest enriched = monitor.enrich(request);

    assertThat(enriched.value("risk.level")).contains("critical");
    assertThat(enriched.has("device.known")).isFalse();
  }

  @Test
  void enrich_requestWithoutTime_usesClock() {
    Instant now = dayEleven(3, 0);
    SignInMonitor clocked =
        SignInMonitor.builder().clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).build();
    Histories.regularUsers(clocked);
    AccessRequest request =
        AccessRequest.builder(Schema.standard())
            .set("user.id", "alice")
            .set("request.ip", PARIS)
            .build();

    assertThat(clocked.assess(request).signals())
        .extracting(RiskSignal::name)
        .containsExactly("unusual_hour");
  }

  @Test
  void profile_afterHistory_remembersDevicesCountriesAndLastSighting() {
    UserProfile alice = monitor.profile("alice").orElseThrow();

    assertThat(alice.trustedSignIns()).isEqualTo(10);
    assertThat(alice.knowsCountry("JP")).isTrue();
    assertThat(alice.knowsCountry("FR")).isTrue();
    assertThat(alice.hourMask()).isEqualTo(1 << 9);
    assertThat(alice.lastTrusted().orElseThrow().location().country()).isEqualTo("FR");
    assertThat(alice.history()).hasSize(10);
  }

  @Test
  void build_badSettings_namesEveryOne() {
    assertThatThrownBy(
            () ->
                SignInMonitor.builder()
                    .failureWindow(Duration.ZERO)
                    .failureThresholds(0, 40)
                    .learningSignIns(-1)
                    .travel(-5, Double.NaN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "failure window PT0S is not positive; user failure threshold 0 is below 1; address"
                + " failure threshold 40 exceeds the 32 failure times kept per key; learning"
                + " sign-ins -1 is negative; travel speed -5.0 km/h is not a positive number;"
                + " travel distance NaN km is not a number at least 0");
  }

  @Test
  void build_storeAndLimits_rejected() {
    SignInStore store = SignInStore.inMemory(MemoryLimits.defaults(), java.time.ZoneOffset.UTC);

    assertThatThrownBy(
            () ->
                SignInMonitor.builder().store(store).memoryLimits(MemoryLimits.defaults()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("set either a store or memory limits, not both");
  }

  @Test
  void assess_requestTimeAtTheEndsOfTheRange_countsFailuresWithoutOverflow() {
    Instant first = Instant.ofEpochMilli(Long.MIN_VALUE);
    for (int i = 0; i < 6; i++) {
      monitor.record(
          event(
              "alice",
              first.plusSeconds(i),
              PARIS,
              "laptop-a",
              SignInEvent.Outcome.FAILED_CREDENTIALS));
    }

    RiskAssessment risk = monitor.assess(signIn("alice", first.plusSeconds(10), PARIS, "laptop-a"));

    assertThat(risk.signals()).extracting(RiskSignal::name).contains("user_failures");
  }

  @Test
  void assess_trustedSignInAtTheStartOfTheRange_noTravelAcrossTheWholeRange() {
    monitor.record(
        event(
            "alice",
            Instant.ofEpochMilli(Long.MIN_VALUE),
            PARIS,
            "laptop-a",
            SignInEvent.Outcome.SUCCESS));

    RiskAssessment risk =
        monitor.assess(signIn("alice", Instant.ofEpochMilli(Long.MAX_VALUE), TOKYO, "laptop-a"));

    assertThat(risk.signals()).extracting(RiskSignal::name).doesNotContain("impossible_travel");
  }
}
