package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PolicySetTest {

  private static final Schema SCHEMA =
      Schema.builder().declare("user.clearance", AttributeType.INT).build();
  private static final Network OFFICE = Network.of("office", "203.0.113.0/24");

  private static PolicySet acme() {
    Condition finance = Condition.in("user.department", "Finance", "Accounting");
    return PolicySet.builder(SCHEMA)
        .network(OFFICE)
        .condition("finance", finance)
        .add(
            AssignPolicy.builder("finance-books")
                .grant("books", "accountant")
                .when(new Condition.Named("finance", finance))
                .build())
        .add(RestrictPolicy.builder("payroll-from-office").apps("payroll").allow(OFFICE).build())
        .add(
            AuthenticatePolicy.builder("risky-sign-in")
                .when(Condition.compare("risk.level", Operator.GE, "high"))
                .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                .build())
        .add(
            DelegatePolicy.builder("hr-helpdesk")
                .to(Condition.contains("user.roles", "hr-manager"))
                .allow("user.*")
                .on(Condition.ne("target.department", "Executive"))
                .build())
        .build();
  }

  @Test
  void build_validPolicies_keepsThemInOrder() {
    PolicySet set = acme();

    assertThat(set.policies())
        .extracting(Policy::id)
        .containsExactly("finance-books", "payroll-from-office", "risky-sign-in", "hr-helpdesk");
    assertThat(set.policies(RestrictPolicy.class))
        .extracting(Policy::id)
        .containsExactly("payroll-from-office");
    assertThat(set.policy("hr-helpdesk")).containsInstanceOf(DelegatePolicy.class);
    assertThat(set.policy("nope")).isEmpty();
    assertThat(set.networks()).containsOnlyKeys("office");
    assertThat(set.conditions()).containsOnlyKeys("finance");
    assertThat(set.schema()).isEqualTo(SCHEMA);
    assertThat(set)
        .hasToString(
            "PolicySet{4 policies: finance-books, payroll-from-office,"
                + " risky-sign-in, hr-helpdesk}");
  }

  @Test
  void build_twice_givesEqualSets() {
    assertThat(acme()).isEqualTo(acme()).hasSameHashCodeAs(acme());
  }

  @Test
  void collections_cannotBeModified() {
    PolicySet set = acme();

    assertThatThrownBy(() -> set.policies().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.networks().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.conditions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.policies(AssignPolicy.class).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void build_builderReused_earlierSetUnchanged() {
    PolicySet.Builder builder =
        PolicySet.builder(SCHEMA).add(AssignPolicy.builder("a").grant("mail", "user").build());
    PolicySet first = builder.build();

    PolicySet second = builder.add(AssignPolicy.builder("b").grant("mail", "user").build()).build();

    assertThat(first.policies()).hasSize(1);
    assertThat(second.policies()).hasSize(2);
  }

  @Test
  void build_manyProblems_reportsEveryOneAtOnce() {
    PolicySet.Builder builder =
        PolicySet.builder(SCHEMA)
            .add(AssignPolicy.builder("dup").grant("mail", "user").build())
            .add(
                AssignPolicy.builder("dup")
                    .grant("books", "user")
                    .source(new SourceRef("b.policy", 4, 1))
                    .build())
            .add(
                AssignPolicy.builder("typo")
                    .grant("mail", "user")
                    .when(Condition.eq("user.departmnet", "Finance"))
                    .build())
            .add(
                AssignPolicy.builder("clearance")
                    .grant("vault", "user")
                    .when(
                        new Condition.Compare(
                            "user.clearance", Operator.GE, new Literal.Str("high")))
                    .build())
            .add(
                AuthenticatePolicy.builder("risky")
                    .when(Condition.compare("risk.level", Operator.GE, "hihg"))
                    .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                    .build())
            .add(
                RestrictPolicy.builder("contains-on-string")
                    .allow(OFFICE)
                    .when(Condition.contains("user.department", "Finance"))
                    .build())
            .add(
                DelegatePolicy.builder("bad-target")
                    .allow("user.*")
                    .to(
                        Condition.and(
                            Condition.eq("user.titel", "Admin"),
                            Condition.contains("user.roles", "admin")))
                    .on(Condition.ne("target.departmnet", "Executive"))
                    .build())
            .condition("ip-prefix", Condition.startsWith("request.ip", "10."));

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            PolicyValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "duplicate policy id `dup` (b.policy:4:1, first at <java>)",
                        "assign `typo`: unknown attribute `user.departmnet`; did you mean"
                            + " `user.department`?",
                        "assign `clearance`: `user.clearance` is an int, but \"high\" is a string",
                        "authenticate `risky`: `hihg` is not a value of `risk.level`; did you mean"
                            + " `high`?",
                        "restrict `contains-on-string`: `contains` does not apply to `user.department`,"
                            + " which is a string",
                        "delegate `bad-target`: unknown attribute `user.titel`; did you mean"
                            + " `user.title`?",
                        "delegate `bad-target`: unknown attribute `target.departmnet`; did you mean"
                            + " `target.department`?",
                        "condition `ip-prefix`: `starts_with` does not apply to `request.ip`, which is"
                            + " an ip"))
        .hasMessageStartingWith(
            "duplicate policy id `dup` (b.policy:4:1, first at <java>)\n"
                + "assign `typo`: unknown attribute `user.departmnet`");
  }

  @Test
  void build_problemInsideNamedCondition_isReported() {
    Condition bad = Condition.compare("risk.score", Operator.GT, "high");
    PolicySet.Builder builder =
        PolicySet.builder(SCHEMA)
            .add(
                AssignPolicy.builder("p")
                    .grant("mail", "user")
                    .when(Condition.not(new Condition.Named("risky", bad)))
                    .build());

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            PolicyValidationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "assign `p`: `risk.score` is an int 0..100, but high is a symbol"));
  }

  @Test
  void network_inline_throws() {
    PolicySet.Builder builder = PolicySet.builder(SCHEMA);

    assertThatThrownBy(() -> builder.network(Network.inline("10.0.0.0/8")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a declared network needs a name: [10.0.0.0/8]");
  }

  @Test
  void problems_areCopiedAndUnmodifiable() {
    PolicyValidationException e = new PolicyValidationException(List.of("one", "two"));

    assertThat(e).hasMessage("one\ntwo");
    assertThatThrownBy(() -> e.problems().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** {@code c0}, then {@code cN = c(N-1) or c(N-1)}, built with the Java builders. */
  private static Condition.Named doubling(int levels) {
    Condition.Named c = new Condition.Named("c0", Condition.eq("user.department", "Finance"));
    for (int n = 1; n <= levels; n++) {
      c = new Condition.Named("c" + n, Condition.or(c, c));
    }
    return c;
  }

  @Test
  void build_fortyDoublingNamedConditions_refusedQuickly() {
    Condition.Named c40 = doubling(40);
    PolicySet.Builder builder =
        PolicySet.builder(SCHEMA)
            .add(AssignPolicy.builder("books").grant("books", "user").when(c40).build());

    assertThatThrownBy(
            () ->
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(1), builder::build))
        .isInstanceOf(PolicyValidationException.class)
        .hasMessageContaining(
            "assign `books`: the condition expands to more than 10,000 tests"
                + " and operators when its named conditions are written out at each use");
  }

  @Test
  void forEachLeaf_sharedNamedConditions_visitsEachBodyOnce() {
    List<Condition> leaves = new java.util.ArrayList<>();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(1), () -> doubling(40).forEachLeaf(leaves::add));

    assertThat(leaves).containsExactly(Condition.eq("user.department", "Finance"));
    Condition.Named shared = doubling(40);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () -> {
          assertThat(shared.hashCode()).isEqualTo("c40".hashCode());
          assertThat(shared).isEqualTo(shared).hasToString("c40");
          assertThat(Condition.or(shared, shared)).hasToString("c40 or c40");
        });
    assertThat(ConditionChecker.expandedSize(doubling(40))).isEqualTo((1L << 41) - 1);
  }

  @Test
  void build_manyPoliciesEachUsingALargeName_refusedAtTheSetLimit() {
    Condition.Named c12 = doubling(12);
    PolicySet.Builder builder = PolicySet.builder(SCHEMA);
    for (int i = 0; i < 520; i++) {
      builder.add(AssignPolicy.builder("p" + i).grant("books", "user").when(c12).build());
    }

    assertThatThrownBy(builder::build)
        .isInstanceOf(PolicyValidationException.class)
        .hasMessageContaining(
            "the policies' conditions expand to more than 4,194,304 tests and"
                + " operators in all when their named conditions are written out at each use");
  }
}
