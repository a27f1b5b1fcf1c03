package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ConditionCheckerTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .declare("user.clearance", AttributeType.INT)
          .declare("session.length", AttributeType.DURATION)
          .build();
  private static final TimeWindow OFFICE_HOURS =
      new TimeWindow(
          Set.of(DayOfWeek.MONDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneId.of("UTC"));

  static Stream<Arguments> wellTyped() {
    return Stream.of(
            Condition.eq("user.department", "Finance"),
            Condition.compare("user.clearance", Operator.GE, 3),
            Condition.compare("risk.score", Operator.LT, 50),
            Condition.compare("risk.level", Operator.GE, "high"),
            new Condition.Compare("device.managed", Operator.EQ, new Literal.Bool(true)),
            new Condition.Compare(
                "session.length", Operator.LE, new Literal.Dur(Duration.ofHours(1))),
            Condition.in("user.country", "FR", "BE"),
            new Condition.In(
                "risk.level", List.of(new Literal.Symbol("low"), new Literal.Symbol("none"))),
            Condition.contains("user.roles", "sysadmin"),
            new Condition.Contains(
                "auth.methods",
                Condition.Match.ANY,
                List.of(new Literal.Symbol("webauthn"), new Literal.Symbol("totp"))),
            Condition.startsWith("user.email", "admin@"),
            Condition.inNetwork("request.ip", Network.inline("10.0.0.0/8")),
            new Condition.InWindow("request.time", OFFICE_HOURS),
            Condition.ALWAYS)
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wellTyped")
  void check_wellTypedCondition_hasNoProblem(Condition condition) {
    assertThat(ConditionChecker.check(SCHEMA, condition)).isEmpty();
  }

  static Stream<Arguments> illTyped() {
    return Stream.of(
        Arguments.of(
            new Condition.Compare("user.clearance", Operator.GE, new Literal.Str("high")),
            "`user.clearance` is an int, but \"high\" is a string"),
        Arguments.of(
            Condition.compare("risk.level", Operator.GE, "hihg"),
            "`hihg` is not a value of `risk.level`; did you mean `high`?"),
        Arguments.of(
            Condition.compare("risk.level", Operator.GE, 3),
            "`risk.level` is a none < low < medium < high < critical, but 3 is an int"),
        Arguments.of(
            Condition.contains("user.department", "Finance"),
            "`contains` does not apply to `user.department`, which is a string"),
        Arguments.of(
            Condition.contains("auth.methods", "yubikey"),
            "`yubikey` is not a value of `auth.methods`; expected one of password, sso, totp,"
                + " webauthn, push, sms, email_otp, biometric"),
        Arguments.of(
            Condition.eq("user.roles", "admin"),
            "`user.roles` is a set<string>; test it with `contains`"),
        Arguments.of(
            Condition.eq("request.ip", "10.0.0.1"),
            "`request.ip` is an ip; test it with `in` and a network"),
        Arguments.of(
            Condition.eq("request.time", "monday"),
            "`request.time` is a time; test it with `during`"),
        Arguments.of(
            new Condition.Compare("user.department", Operator.LT, new Literal.Str("M")),
            "`<` does not apply to string `user.department`; only `==` and `!=` do"),
        Arguments.of(
            Condition.eq("device.managed", "yes"),
            "`device.managed` is a bool, but \"yes\" is a string"),
        Arguments.of(
            Condition.compare("session.length", Operator.GT, 60),
            "`session.length` is a duration, but 60 is an int"),
        Arguments.of(
            Condition.in("device.managed", "true"),
            "`in [...]` does not apply to `device.managed`, which is a bool"),
        Arguments.of(
            new Condition.In("user.country", List.of(new Literal.Str("FR"), new Literal.Int(3))),
            "`user.country` is a string, but 3 is an int"),
        Arguments.of(
            Condition.endsWith("risk.score", "0"),
            "`ends_with` does not apply to `risk.score`, which is an int 0..100"),
        Arguments.of(
            Condition.inNetwork("user.id", Network.inline("10.0.0.0/8")),
            "`in network` does not apply to `user.id`, which is a string"),
        Arguments.of(
            new Condition.InWindow("auth.methods", OFFICE_HOURS),
            "`during` does not apply to `auth.methods`, which is a set<factor>"),
        Arguments.of(
            Condition.eq("user.departmnet", "x"),
            "unknown attribute `user.departmnet`; did you mean `user.department`?"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("illTyped")
  void check_illTypedCondition_reportsProblem(Condition condition, String problem) {
    assertThat(ConditionChecker.check(SCHEMA, condition)).containsExactly(problem);
    assertThat(ConditionChecker.checkLeaf(SCHEMA, (Condition.Leaf) condition).message())
        .isEqualTo(problem);
  }

  @Test
  void check_nestedProblems_reportsEachLeaf() {
    Condition condition =
        Condition.or(
            Condition.and(Condition.eq("user.departmnet", "x"), Condition.eq("app", "mail")),
            Condition.not(Condition.contains("app", "mail")));

    assertThat(ConditionChecker.check(SCHEMA, condition))
        .containsExactly(
            "unknown attribute `user.departmnet`; did you mean `user.department`?",
            "`contains` does not apply to `app`, which is a string");
  }

  @Test
  void checkLeaf_unknownSymbol_namesKindAttributeAndConstant() {
    Condition.Leaf leaf =
        new Condition.Compare("risk.level", Operator.GE, new Literal.Symbol("hi"));

    ConditionProblem problem = ConditionChecker.checkLeaf(SCHEMA, leaf);

    assertThat(problem.kind()).isEqualTo(ConditionProblem.Kind.UNKNOWN_SYMBOL);
    assertThat(problem.attribute()).isEqualTo("risk.level");
    assertThat(problem.literal()).isEqualTo(new Literal.Symbol("hi"));
  }

  @Test
  void checkLeaf_unknownFactor_isItsOwnKind() {
    Condition.Leaf leaf = (Condition.Leaf) Condition.contains("auth.methods", "pasword");

    ConditionProblem problem = ConditionChecker.checkLeaf(SCHEMA, leaf);

    assertThat(problem.kind()).isEqualTo(ConditionProblem.Kind.UNKNOWN_FACTOR);
    assertThat(problem.literal()).isEqualTo(new Literal.Str("pasword"));
  }

  @Test
  void checkLeaf_constantOfAnotherType_isMismatchNamingTheConstant() {
    Condition.Leaf leaf =
        new Condition.In("user.country", List.of(new Literal.Str("FR"), new Literal.Int(3)));

    ConditionProblem problem = ConditionChecker.checkLeaf(SCHEMA, leaf);

    assertThat(problem.kind()).isEqualTo(ConditionProblem.Kind.TYPE_MISMATCH);
    assertThat(problem.literal()).isEqualTo(new Literal.Int(3));
  }

  @Test
  void checkLeaf_unknownAttribute_hasNoConstant() {
    ConditionProblem problem =
        ConditionChecker.checkLeaf(SCHEMA, (Condition.Leaf) Condition.eq("user.departmnet", "x"));

    assertThat(problem.kind()).isEqualTo(ConditionProblem.Kind.UNKNOWN_ATTRIBUTE);
    assertThat(problem.attribute()).isEqualTo("user.departmnet");
    assertThat(problem.literal()).isNull();
  }
}
