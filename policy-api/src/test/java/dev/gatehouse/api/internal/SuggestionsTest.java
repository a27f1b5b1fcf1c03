package dev.gatehouse.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SuggestionsTest {

  private static final List<String> NAMES =
      List.of("user.department", "user.roles", "app", "risk.level", "high", "low", "totp");

  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "user.departmnet | user.department",
        "user.deprtment  | user.department",
        "user.role       | user.roles",
        "usr.roles       | user.roles",
        "hihg            | high",
        "ap              | app",
        "apps            | app",
        "topt            | totp",
        "risk.lvl        | risk.level",
        "weather         | -",
        "user.title      | -",
        "app             | -",
        "''              | -",
        "xyz             | -"
      })
  @ParameterizedTest(name = "{0} -> {1}")
  void nearest_findsPlausibleMisspellingOnly(String name, String expected) {
    assertThat(Suggestions.nearest(name, NAMES)).isEqualTo(java.util.Optional.ofNullable(expected));
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "abcd | abdc | 1",
        "abcd | abcd | 0",
        "abcd | abc  | 1",
        "abcd | xbcy | 2",
        "''   | ab   | 2"
      })
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  void distance_countsEditsAndTranspositions(String a, String b, int distance) {
    assertThat(Suggestions.distance(a, b, 10)).isEqualTo(distance);
  }

  @org.junit.jupiter.api.Test
  void nearest_tie_prefersFirstCandidate() {
    assertThat(Suggestions.nearest("lo", List.of("low", "log"))).contains("low");
    assertThat(Suggestions.nearest("lo", List.of("log", "low"))).contains("log");
  }
}
