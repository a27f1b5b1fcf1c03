package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values whose string hashes collide ({@code "Aa"} and {@code "BB"}, {@code "AaAa"} and {@code
 * "BBBB"}) are told apart by the indexes and by every string test: a collision may cost a check,
 * never grant access. Pins the behaviour for any index that keys on hashes.
 */
final class HashCollisionTest {

  private static final Schema SCHEMA = Schema.standard();
  private static final PolicySet POLICIES =
      PolicySet.builder(SCHEMA)
          .add(
              AssignPolicy.builder("by-department")
                  .grant("books", "reader")
                  .when(Condition.eq("user.department", "Aa"))
                  .build())
          .add(
              AssignPolicy.builder("by-country")
                  .grant("books", "reader")
                  .when(Condition.in("user.country", "AaAa", "AaBB", "x"))
                  .build())
          .add(
              AssignPolicy.builder("by-role")
                  .grant("books", "reader")
                  .when(Condition.contains("user.roles", "Aa"))
                  .build())
          .add(
              AssignPolicy.builder("by-roles")
                  .grant("books", "reader")
                  .when(Condition.containsAll("user.roles", "AaAa", "AaBB"))
                  .build())
          .build();
  private static final CompiledPolicies ENGINE = PolicyEngine.compile(POLICIES);
  private static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(POLICIES);

  @ParameterizedTest(name = "{0}={1}: {2}")
  @CsvSource({
    "user.department, Aa, by-department",
    "user.department, BB, ",
    "user.country, AaAa, by-country",
    "user.country, BBBB, ",
    "user.country, BBAa, ",
    "user.roles, Aa, by-role",
    "user.roles, BB, ",
    "user.roles, AaAa;AaBB, by-roles",
    "user.roles, AaAa;BBBB, ",
    "user.roles, BBBB;BBAa, ",
  })
  void evaluate_collidingValues_grantOnlyOnEqualValues(
      String attribute, String value, String granting) {
    AccessRequest.Builder b =
        AccessRequest.builder(SCHEMA).set("request.action", "access").set("app", "books");
    if (attribute.equals("user.roles")) {
      b.set(attribute, Set.of(value.split(";")));
    } else {
      b.set(attribute, value);
    }
    AccessRequest request = b.build();
    Decision decision = ENGINE.evaluate(request);
    assertThat(decision).isEqualTo(REFERENCE.evaluate(request));
    if (granting == null) {
      assertThat(decision.effect()).isEqualTo(Effect.DENY);
      assertThat(decision.matched()).isEmpty();
    } else {
      assertThat(decision.effect()).isEqualTo(Effect.PERMIT);
      assertThat(decision.matched()).containsExactly(granting);
    }
  }
}
