package dev.gatehouse.monitor.maxmind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.RiskAssessment;
import dev.gatehouse.monitor.RiskSignal;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups in MaxMind's published test databases, whose networks are listed beside them. */
final class MaxMindIpLocatorTest {

  private static final String LONDON = "81.2.69.142";
  private static final String CHANGCHUN = "175.16.199.7";
  private static final String TOKYO_V6 = "2001:218::1";

  @TempDir Path dir;

  @Test
  void locate_cityDatabaseIpv4_countryAndCoordinates() throws IOException {
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(copy("GeoLite2-City-Test.mmdb"))) {
      Location london = geo.locate(IpAddress.parse(LONDON)).orElseThrow();

      assertThat(geo.databaseType()).isEqualTo("GeoLite2-City");
      assertThat(london.country()).isEqualTo("GB");
      assertThat(london.latitude()).isCloseTo(51.5142, within(1e-9));
      assertThat(london.longitude()).isCloseTo(-0.0931, within(1e-9));
    }
  }

  @Test
  void locate_cityDatabaseIpv6_countryAndCoordinates() throws IOException {
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(copy("GeoLite2-City-Test.mmdb"))) {
      Location tokyo = geo.locate(IpAddress.parse(TOKYO_V6)).orElseThrow();

      assertThat(tokyo.country()).isEqualTo("JP");
      assertThat(tokyo.latitude()).isCloseTo(35.68536, within(1e-9));
      assertThat(tokyo.longitude()).isCloseTo(139.75309, within(1e-9));
    }
  }

  @Test
  void locate_countryDatabase_countryWithoutCoordinates() throws IOException {
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(copy("GeoLite2-Country-Test.mmdb"))) {
      assertThat(geo.locate(IpAddress.parse(LONDON))).contains(Location.ofCountry("GB"));
      assertThat(geo.locate(IpAddress.parse(TOKYO_V6))).contains(Location.ofCountry("JP"));
    }
  }

  @Test
  void locate_addressNotInDatabase_empty() throws IOException {
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(copy("GeoLite2-City-Test.mmdb"))) {
      assertThat(geo.locate(IpAddress.parse("10.1.2.3"))).isEmpty();
      assertThat(geo.locate(IpAddress.parse("2001:db8::1"))).isEmpty();
    }
  }

  @Test
  void locate_fileReplacedByRename_answersFromNewFile() throws IOException {
    Path live = copy("GeoLite2-Country-Test.mmdb");
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(live).checkEvery(Duration.ZERO)) {
      assertThat(geo.locate(IpAddress.parse(LONDON))).contains(Location.ofCountry("GB"));

      Files.move(
          copy("GeoLite2-City-Test.mmdb"),
          live,
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);

      assertThat(geo.locate(IpAddress.parse(LONDON)).orElseThrow().hasCoordinates()).isTrue();
      assertThat(geo.databaseType()).isEqualTo("GeoLite2-City");
    }
  }

  @Test
  void locate_fileReplacedByDamagedOne_previousDatabaseKeepsAnswering() throws IOException {
    Path live = copy("GeoLite2-City-Test.mmdb");
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(live).checkEvery(Duration.ZERO)) {
      Path broken = dir.resolve("broken.mmdb");
      Files.writeString(broken, "not a database");
      Files.move(broken, live, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

      assertThat(geo.locate(IpAddress.parse(LONDON)).orElseThrow().country()).isEqualTo("GB");
      assertThatThrownBy(geo::reloadIfChanged).isInstanceOf(IOException.class);
    }
  }

  @Test
  void open_asnDatabase_rejected() throws IOException {
    Path asn = copy("GeoLite2-ASN-Test.mmdb");

    assertThatThrownBy(() -> MaxMindIpLocator.open(asn))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("`GeoLite2-ASN`");
  }

  @Test
  void assess_signInsFromLondonThenChangchunAnHourApart_impossibleTravel() throws IOException {
    try (MaxMindIpLocator geo = MaxMindIpLocator.open(copy("GeoLite2-City-Test.mmdb"))) {
      SignInMonitor monitor = SignInMonitor.builder().locator(geo).build();
      Instant nine = Instant.parse("2026-11-11T09:00:00Z");
      monitor.record(
          new SignInEvent(
              "alice",
              nine,
              IpAddress.parse(LONDON),
              "GB",
              "laptop-a",
              "macos",
              SignInEvent.Outcome.SUCCESS,
              List.of(),
              List.of()));

      RiskAssessment risk =
          monitor.assess(signIn("alice", nine.plus(Duration.ofHours(1)), CHANGCHUN));

      assertThat(risk.signals()).extracting(RiskSignal::name).contains("impossible_travel");
      assertThat(risk.signals())
          .filteredOn(s -> s.name().equals("impossible_travel"))
          .extracting(RiskSignal::explanation)
          .singleElement()
          .asString()
          .startsWith("8")
          .contains("from `GB` in 1h");
    }
  }

  private static AccessRequest signIn(String user, Instant time, String ip) {
    return AccessRequest.builder(Schema.standard())
        .set("user.id", user)
        .set("request.action", "signin")
        .set("request.ip", ip)
        .set("request.time", time)
        .set("device.id", "laptop-a")
        .set("device.platform", "macos")
        .set("auth.methods", Set.of("password"))
        .set("auth.time", time)
        .build();
  }

  private Path copy(String name) throws IOException {
    Path target = Files.createTempFile(dir, "geo", ".mmdb");
    try (InputStream in = getClass().getResourceAsStream("/geoip/" + name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }
}
