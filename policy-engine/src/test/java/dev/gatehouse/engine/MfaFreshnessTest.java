package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code require mfa ... within D} against every pair of times a request can hold. */
final class MfaFreshnessTest {

  private static final Duration WITHIN = Duration.ofMinutes(15);
  private static final PolicySet SET =
      PolicySet.builder(Schema.standard())
          .add(AssignPolicy.builder("mail").grant("mail", "user").build())
          .add(AuthenticatePolicy.builder("strong").requireMfa(WITHIN, Factor.TOTP).build())
          .build();
  private static final CompiledPolicies COMPILED = PolicyEngine.compile(SET);
  private static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(SET);
  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final long SKEW = PolicyEngine.DEFAULT_CLOCK_SKEW.toMillis();

  private static AccessRequest request(long requestTime, long authTime) {
    return AccessRequest.builder(Schema.standard())
        .set("request.action", "access")
        .set("app", "mail")
        .set("auth.methods", Set.of("totp"))
        .set("request.time", Instant.ofEpochMilli(requestTime))
        .set("auth.time", Instant.ofEpochMilli(authTime))
        .build();
  }

  private static Effect compiled(long requestTime, long authTime) {
    Decision d = COMPILED.evaluate(request(requestTime, authTime));
    assertThat(REFERENCE.evaluate(request(requestTime, authTime))).isEqualTo(d);
    return d.effect();
  }

  @Test
  void evaluate_authTimeAnHourInTheFuture_challenges() {
    long now = NOW.toEpochMilli();
    assertThat(compiled(now, now + Duration.ofHours(1).toMillis())).isEqualTo(Effect.CHALLENGE);
  }

  @Test
  void evaluate_authTimeWithinClockSkew_permits() {
    long now = NOW.toEpochMilli();
    assertThat(compiled(now, now + SKEW)).isEqualTo(Effect.PERMIT);
    assertThat(compiled(now, now + SKEW + 1)).isEqualTo(Effect.CHALLENGE);
    assertThat(compiled(now, now - WITHIN.toMillis())).isEqualTo(Effect.PERMIT);
    assertThat(compiled(now, now - WITHIN.toMillis() - 1)).isEqualTo(Effect.CHALLENGE);
  }

  @Test
  void evaluate_authTimeAtTheEndsOfTheRange_neverOverflowsIntoFresh() {
    // A plain subtraction wraps both of these to a small or negative age.
    assertThat(compiled(NOW.toEpochMilli(), Long.MIN_VALUE)).isEqualTo(Effect.CHALLENGE);
    assertThat(compiled(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(Effect.CHALLENGE);
    assertThat(compiled(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(Effect.CHALLENGE);
    assertThat(compiled(-2, Long.MAX_VALUE)).isEqualTo(Effect.CHALLENGE);
  }

  @Test
  void compile_withZeroClockSkew_refusesAnyFutureAuthentication() {
    CompiledPolicies strict = PolicyEngine.compile(SET, Duration.ZERO);
    ReferenceEvaluator reference = new ReferenceEvaluator(SET, Duration.ZERO);
    long now = NOW.toEpochMilli();
    assertThat(strict.evaluate(request(now, now + 1)).effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(reference.evaluate(request(now, now + 1)).effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(strict.evaluate(request(now, now)).effect()).isEqualTo(Effect.PERMIT);
    assertThat(strict.clockSkew()).isZero();
    assertThat(COMPILED.withClockSkew(Duration.ZERO).evaluate(request(now, now + 1)).effect())
        .isEqualTo(Effect.CHALLENGE);
  }

  @Test
  void explain_withZeroClockSkew_judgesFreshnessAsTheDecisionDoes() {
    CompiledPolicies strict = PolicyEngine.compile(SET, Duration.ZERO);
    long now = NOW.toEpochMilli();

    Explanation explanation = strict.explain(request(now, now + 60_000));

    assertThat(explanation.decision().effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(explanation.text()).contains("within 15m: failed");
  }

  @Test
  void compile_negativeClockSkew_isRefused() {
    assertThatThrownBy(() -> PolicyEngine.compile(SET, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock skew PT-1S is negative");
  }

  @Property(tries = 2000)
  void evaluate_anyPairOfTimes_challengesExactlyOutsideSkewAndWithin(
      @ForAll("times") long requestTime, @ForAll("times") long authTime) {
    BigInteger gap = BigInteger.valueOf(requestTime).subtract(BigInteger.valueOf(authTime));
    boolean fresh =
        gap.compareTo(BigInteger.valueOf(-SKEW)) >= 0
            && gap.compareTo(BigInteger.valueOf(WITHIN.toMillis())) <= 0;
    assertThat(compiled(requestTime, authTime))
        .as("request.time %d, auth.time %d", requestTime, authTime)
        .isEqualTo(fresh ? Effect.PERMIT : Effect.CHALLENGE);
  }

  @Provide
  Arbitrary<Long> times() {
    long now = NOW.toEpochMilli();
    return Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.of(
            Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, -1L, 0L, 1L),
        Arbitraries.longs().between(now - 2 * WITHIN.toMillis(), now + 2 * SKEW),
        Arbitraries.longs().between(Long.MAX_VALUE - 2 * WITHIN.toMillis(), Long.MAX_VALUE),
        Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 2 * WITHIN.toMillis()));
  }
}
