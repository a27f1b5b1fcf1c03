package dev.gatehouse.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class FrameTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 10, 31, 32, 33, 100, 2_000})
  void offer_withRepeats_keepsEachPolicyOnceAcrossEvaluations(int distinct) {
    Frame frame = new Frame(5_000, 4);
    Random random = new Random(distinct);
    for (int evaluation = 0; evaluation < 3; evaluation++) {
      frame.begin();
      TreeSet<Integer> expected = new TreeSet<>();
      while (expected.size() < distinct) {
        int p = random.nextInt(5_000);
        expected.add(p);
        frame.offer(p);
        frame.offer(p);
      }
      for (int p : expected) {
        frame.offer(p);
      }
      int[] got = Arrays.copyOf(frame.candidates, frame.candidateCount);
      Arrays.sort(got);
      assertThat(got).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
      assertThat(expected).allMatch(frame::offered);
      int absent = 0;
      while (expected.contains(absent)) {
        absent++;
      }
      assertThat(frame.offered(absent)).isFalse();
    }
  }
}
