package dev.gatehouse.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OutcomesTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 5, 33, 160, 1_000, 5_000})
  void sort_anyLength_ordersEntriesByPolicyIndex(int count) {
    Outcomes outcomes = new Outcomes();
    Random random = new Random(count);
    for (int i = 0; i < count; i++) {
      // Runs of ascending indexes, as several index lists concatenated produce.
      outcomes.add(i % 7 == 0 ? random.nextInt(100_000) : (i * 13) % 100_000, i & 31);
    }
    int[] expected = Arrays.copyOf(outcomes.entries, outcomes.count);
    Arrays.sort(expected);

    outcomes.sort();

    assertThat(Arrays.copyOf(outcomes.entries, outcomes.count)).containsExactly(expected);
  }
}
