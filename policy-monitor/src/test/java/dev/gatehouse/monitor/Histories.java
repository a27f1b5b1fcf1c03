package dev.gatehouse.monitor;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Scripted sign-in histories over a small geography: Paris, Berlin and Tokyo networks, and a
 * blocklisted network that the locator does not know.
 */
final class Histories {

  static final String PARIS = "203.0.113.10";
  static final String PARIS_OTHER = "203.0.113.99";
  static final String BERLIN = "2001:db8:10::5";
  static final String TOKYO = "198.51.100.20";
  static final String BLOCKED = "192.0.2.9";
  static final Instant DAY_ONE = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant DAY_ELEVEN = DAY_ONE.plus(Duration.ofDays(10));

  static final CsvIpLocator LOCATOR =
      CsvIpLocator.parse(
          "geo.csv",
          List.of(
              "# network, country, latitude, longitude",
              "203.0.113.0/24,FR,48.86,2.35",
              "2001:db8:10::/48,DE,52.52,13.40",
              "198.51.100.0/24,JP,35.68,139.69"));

  private Histories() {}

  static SignInMonitor monitor() {
    return SignInMonitor.builder()
        .locator(LOCATOR)
        .blocklist(List.of(IpNetwork.parse("192.0.2.0/24")))
        .build();
  }

  static SignInMonitor monitor(SignInStore store) {
    return SignInMonitor.builder()
        .store(store)
        .locator(LOCATOR)
        .blocklist(List.of(IpNetwork.parse("192.0.2.0/24")))
        .build();
  }

  /**
   * Teaches the monitor regular users: alice signs in at 09:00 on laptop-a, from Tokyo on days one
   * to three and from Paris on days four to ten; bob at 12:00 and dave at 13:00 from Paris.
   */
  static void regularUsers(SignInMonitor monitor) {
    for (int day = 0; day < 10; day++) {
      Instant midnight = DAY_ONE.plus(Duration.ofDays(day));
      String aliceIp = day < 3 ? TOKYO : PARIS;
      monitor.record(
          event(
              "alice",
              midnight.plus(Duration.ofHours(9)),
              aliceIp,
              "laptop-a",
              SignInEvent.Outcome.SUCCESS));
      monitor.record(
          event(
              "bob",
              midnight.plus(Duration.ofHours(12)),
              PARIS,
              "laptop-b",
              SignInEvent.Outcome.SUCCESS));
      monitor.record(
          event(
              "dave",
              midnight.plus(Duration.ofHours(13)),
              PARIS,
              "laptop-d",
              SignInEvent.Outcome.SUCCESS));
    }
  }

  static SignInEvent event(
      String user, Instant time, String ip, String device, SignInEvent.Outcome outcome) {
    String country = LOCATOR.locate(IpAddress.parse(ip)).map(Location::country).orElse(null);
    return new SignInEvent(
        user, time, IpAddress.parse(ip), country, device, "macos", outcome, List.of(), List.of());
  }

  static AccessRequest signIn(String user, Instant time, String ip, String device) {
    AccessRequest.Builder b =
        AccessRequest.builder(Schema.standard())
            .set("user.id", user)
            .set("request.action", "signin")
            .set("request.ip", ip)
            .set("request.time", time)
            .set("device.id", device)
            .set("device.platform", "macos")
            .set("auth.methods", Set.of("password"))
            .set("auth.time", time);
    LOCATOR.locate(IpAddress.parse(ip)).ifPresent(l -> b.set("location.country", l.country()));
    return b.build();
  }

  static Instant dayEleven(int hour, int minute) {
    return DAY_ELEVEN.plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(minute));
  }
}
