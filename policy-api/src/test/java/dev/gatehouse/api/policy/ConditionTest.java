package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ConditionTest {

  private static final Condition FINANCE = Condition.eq("user.department", "Finance");
  private static final Condition FR = Condition.eq("user.country", "FR");
  private static final Condition AUDITOR = Condition.contains("user.roles", "auditor");

  static Stream<Arguments> written() {
    return Stream.of(
        Arguments.of(FINANCE, "user.department == \"Finance\""),
        Arguments.of(
            Condition.ne("user.employment", "contractor"), "user.employment != \"contractor\""),
        Arguments.of(Condition.compare("user.clearance", Operator.GE, 3), "user.clearance >= 3"),
        Arguments.of(Condition.compare("risk.level", Operator.GE, "high"), "risk.level >= high"),
        Arguments.of(
            Condition.in("user.department", "Finance", "Accounting"),
            "user.department in [\"Finance\", \"Accounting\"]"),
        Arguments.of(AUDITOR, "user.roles contains \"auditor\""),
        Arguments.of(
            Condition.containsAny("user.groups", "a", "b"),
            "user.groups contains any [\"a\", \"b\"]"),
        Arguments.of(
            Condition.containsAll("user.groups", "a", "b"),
            "user.groups contains all [\"a\", \"b\"]"),
        Arguments.of(
            Condition.startsWith("user.email", "admin@"), "user.email starts_with \"admin@\""),
        Arguments.of(
            Condition.endsWith("user.email", "@acme.com"), "user.email ends_with \"@acme.com\""),
        Arguments.of(
            Condition.inNetwork("request.ip", Network.inline("203.0.113.0/24")),
            "request.ip in [203.0.113.0/24]"),
        Arguments.of(
            Condition.inNetwork(
                "request.ip",
                Network.of("office", "203.0.113.0/24"),
                Network.of("vpn", "198.51.100.7")),
            "request.ip in office, vpn"),
        Arguments.of(
            new Condition.InWindow(
                "request.time",
                new TimeWindow(
                    Set.of(DayOfWeek.MONDAY),
                    LocalTime.of(8, 0),
                    LocalTime.of(18, 0),
                    ZoneId.of("Europe/Paris"))),
            "request.time during [mon] 08:00-18:00 in \"Europe/Paris\""),
        Arguments.of(
            Condition.and(FINANCE, FR),
            "user.department == \"Finance\" and user.country == \"FR\""),
        Arguments.of(
            Condition.and(Condition.or(FINANCE, FR), AUDITOR),
            "(user.department == \"Finance\" or user.country == \"FR\")"
                + " and user.roles contains \"auditor\""),
        Arguments.of(
            Condition.or(Condition.and(FINANCE, FR), AUDITOR),
            "(user.department == \"Finance\" and user.country == \"FR\")"
                + " or user.roles contains \"auditor\""),
        Arguments.of(
            Condition.not(Condition.and(FINANCE, FR)),
            "not (user.department == \"Finance\" and user.country == \"FR\")"),
        Arguments.of(Condition.not(AUDITOR), "not user.roles contains \"auditor\""),
        Arguments.of(new Condition.Named("finance", FINANCE), "finance"),
        Arguments.of(Condition.ALWAYS, "always"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("written")
  void toString_writesTheLanguage(Condition condition, String text) {
    assertThat(condition).hasToString(text);
  }

  @Test
  void and_oneOperand_returnsIt() {
    assertThat(Condition.and(FINANCE)).isSameAs(FINANCE);
    assertThat(Condition.or(FINANCE)).isSameAs(FINANCE);
  }

  @Test
  void and_fewerThanTwoOperands_throws() {
    assertThatThrownBy(() -> new Condition.And(List.of(FINANCE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`and` needs at least two operands");
    assertThatThrownBy(() -> new Condition.Or(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`or` needs at least two operands");
  }

  @Test
  void in_noValue_throws() {
    assertThatThrownBy(() -> Condition.in("user.department"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`in` needs at least one value");
  }

  @Test
  void contains_oneWithTwoValues_throws() {
    assertThatThrownBy(
            () ->
                new Condition.Contains(
                    "user.roles", Condition.Match.ONE, List.of(Literal.of("a"), Literal.of("b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`contains` takes one value, not 2");
  }

  @Test
  void containsAny_noValue_throws() {
    assertThatThrownBy(() -> Condition.containsAny("user.roles"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`contains` needs at least one value");
  }

  @Test
  void inNetwork_noNetwork_throws() {
    assertThatThrownBy(() -> Condition.inNetwork("request.ip"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`in network` needs at least one value");
  }

  @Test
  void compare_nullAttribute_throwsNamingIt() {
    assertThatThrownBy(() -> Condition.eq(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("attribute");
  }

  @Test
  void operands_areCopiedAndUnmodifiable() {
    List<Condition> operands = new ArrayList<>(List.of(FINANCE, FR));
    Condition.And and = new Condition.And(operands);

    operands.add(AUDITOR);

    assertThat(and.operands()).containsExactly(FINANCE, FR);
    assertThatThrownBy(() -> and.operands().add(AUDITOR))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameTree_areEqual() {
    Condition a = Condition.and(FINANCE, Condition.not(AUDITOR));
    Condition b =
        Condition.and(
            Condition.eq("user.department", "Finance"),
            Condition.not(Condition.contains("user.roles", "auditor")));

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Condition.or(FINANCE, Condition.not(AUDITOR)));
    assertThat(Condition.ALWAYS).isEqualTo(new Condition.Always());
  }

  @Test
  void operator_test_followsComparison() {
    assertThat(Operator.GE.test(0)).isTrue();
    assertThat(Operator.GT.test(0)).isFalse();
    assertThat(Operator.LT.test(-1)).isTrue();
    assertThat(Operator.LE.test(1)).isFalse();
    assertThat(Operator.EQ.test(0)).isTrue();
    assertThat(Operator.NE.test(0)).isFalse();
    assertThat(Operator.NE.isOrdering()).isFalse();
    assertThat(Operator.LE.isOrdering()).isTrue();
  }
}
