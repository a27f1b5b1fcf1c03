package dev.gatehouse.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CsvIpLocatorTest {

  private static final CsvIpLocator LOCATOR =
      CsvIpLocator.parse(
          "geo.csv",
          List.of(
              "# a comment",
              "",
              "10.0.0.0/8,US,37.77,-122.42",
              "10.1.0.0/16,CA",
              "10.1.2.0/24,MX,19.43,-99.13",
              "2001:db8::/32,JP,35.68,139.69",
              "::ffff:0:0/96,ZZ"));

  @ParameterizedTest
  @CsvSource({
    "10.9.9.9, US",
    "10.1.9.9, CA",
    "10.1.2.3, MX",
    "2001:db8:1::1, JP",
    "11.0.0.1, ZZ",
  })
  void locate_nestedNetworks_longestPrefixWins(String ip, String country) {
    assertThat(LOCATOR.locate(IpAddress.parse(ip))).map(Location::country).contains(country);
  }

  @Test
  void locate_unknownAddress_empty() {
    assertThat(LOCATOR.locate(IpAddress.parse("2001:db9::1"))).isEmpty();
  }

  @Test
  void locate_withCoordinates_keepsThem() {
    Location location = LOCATOR.locate(IpAddress.parse("10.1.2.3")).orElseThrow();

    assertThat(location.latitude()).isEqualTo(19.43);
    assertThat(location.longitude()).isEqualTo(-99.13);
    assertThat(LOCATOR.locate(IpAddress.parse("10.1.3.3")).orElseThrow().hasCoordinates())
        .isFalse();
  }

  @Test
  void parse_badLines_reportsEveryOneWithItsLine() {
    assertThatThrownBy(
            () ->
                CsvIpLocator.parse(
                    "geo.csv",
                    List.of(
                        "10.0.0.0/8,US",
                        "10.0.0.0/33,US",
                        "10.0.0.0/8,usa",
                        "10.0.0.0/8,US,x,1",
                        "10.0.0.0/8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("geo.csv:2: ")
        .hasMessageContaining(
            "\ngeo.csv:3: country `usa` is not an ISO 3166 alpha-2 code such as" + " `FR`\n")
        .hasMessageContaining("\ngeo.csv:4: coordinate `x` is not a number\n")
        .hasMessageEndingWith(
            "\ngeo.csv:5: expected `network,country` or"
                + " `network,country,latitude,longitude`, got 1 fields");
  }

  @Test
  void load_file_readsIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("geo.csv");
    Files.writeString(file, "203.0.113.0/24,FR,48.86,2.35\n");

    CsvIpLocator locator = CsvIpLocator.load(file);

    assertThat(locator.size()).isEqualTo(1);
    assertThat(locator.locate(IpAddress.parse("203.0.113.1")))
        .map(Location::country)
        .contains("FR");
  }

  @Test
  void distanceKm_parisToTokyo_about9700() {
    Location paris = new Location("FR", 48.86, 2.35);
    Location tokyo = new Location("JP", 35.68, 139.69);

    assertThat(paris.distanceKm(tokyo)).isBetween(9_700.0, 9_730.0);
    assertThat(paris.distanceKm(paris)).isZero();
  }

  @Test
  void location_oneCoordinateMissing_rejected() {
    assertThatThrownBy(() -> new Location("FR", 48.86, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latitude and longitude must both be known or unknown");
  }
}
