package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DurationsTest {

  @CsvSource(
      delimiter = '|',
      value = {
        "PT30S    | 30s",
        "PT15M    | 15m",
        "PT90M    | 90m",
        "PT8H     | 8h",
        "PT36H    | 36h",
        "P30D     | 30d",
        "PT24H    | 1d",
        "PT1H30S  | 3630s",
        "PT0S     | 0s",
        "PT1.5S   | 1500ms"
      })
  @ParameterizedTest(name = "{0} -> {1}")
  void format_usesLargestExactUnit(String iso, String written) {
    assertThat(Durations.format(Duration.parse(iso))).isEqualTo(written);
  }
}
