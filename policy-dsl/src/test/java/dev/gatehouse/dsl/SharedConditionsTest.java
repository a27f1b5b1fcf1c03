package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Named conditions that use each other several times: shared, and refused when too large. */
final class SharedConditionsTest {

  /** {@code c0 = ...}, then {@code cN = c(N-1) or c(N-1)}: each level doubles the expansion. */
  private static String doubling(int levels, String when) {
    StringBuilder text = new StringBuilder("condition c0 = user.department == \"Finance\"\n");
    for (int n = 1; n <= levels; n++) {
      text.append("condition c")
          .append(n)
          .append(" = c")
          .append(n - 1)
          .append(" or c")
          .append(n - 1)
          .append('\n');
    }
    return text.append("assign \"books\" {\n  app \"books\" role \"user\"\n  when ")
        .append(when)
        .append("\n}\n")
        .toString();
  }

  @BeforeAll
  static void loadTheParser() {
    // The time limits below are about the work a file causes, not about loading classes.
    PolicyDsl.parse("warm-up.policy", doubling(2, "c2"));
  }

  @Test
  void parse_fortyDoublingLevels_refusedWithinASecond() {
    String text = doubling(40, "c40");
    assertThat(text.length()).isLessThan(1_200);
    ParseResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(1), () -> PolicyDsl.parse("doubling.policy", text));

    // c13 is the first to pass 10,000: it expands to 2^14 - 1 tests and operators.
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.CONDITION_TOO_LARGE);
              assertThat(d.line()).isEqualTo(14);
              assertThat(d.message())
                  .isEqualTo(
                      "condition `c13` expands to more than 10,000 tests and"
                          + " operators with its named conditions written out");
            });
  }

  @Test
  void parse_sharedConditionsWithinTheLimit_accepted() {
    // Linear in the distinct conditions: 8,191 expanded nodes stay far from the limit of time.
    ParseResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> PolicyDsl.parse("doubling.policy", doubling(12, "c12 and c0")));

    assertThat(result.errors()).isEmpty();
    assertThat(result.policySet()).isPresent();
  }

  @Test
  void parse_policyConditionRepeatingLargeNames_refusedAtTheClause() {
    ParseResult result = PolicyDsl.parse("doubling.policy", doubling(12, "c12 and c12"));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.CONDITION_TOO_LARGE);
              assertThat(d.line()).isEqualTo(16);
              assertThat(d.message())
                  .isEqualTo(
                      "the `when` condition expands to more than 10,000 tests"
                          + " and operators with its named conditions written out");
            });
  }

  @Test
  void parse_manyPoliciesEachUsingALargeName_refusedOnceAtTheSetLimit() {
    // 8,191 tests and operators each: the 513th policy takes the set past 4 Mi.
    StringBuilder text = new StringBuilder(doubling(12, "c12"));
    for (int i = 0; i < 600; i++) {
      text.append("assign \"p")
          .append(i)
          .append("\" {\n  app \"books\" role \"user\"\n")
          .append("  when c12\n}\n");
    }

    ParseResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> PolicyDsl.parse("many.policy", text.toString()));

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo(DiagnosticCode.CONDITION_TOO_LARGE);
              assertThat(d.message())
                  .isEqualTo(
                      "with this `when` condition the policies' conditions"
                          + " expand to more than 4,194,304 tests and operators in all");
              assertThat(d.line()).isEqualTo(16 + 4 * 512);
            });
  }
}
