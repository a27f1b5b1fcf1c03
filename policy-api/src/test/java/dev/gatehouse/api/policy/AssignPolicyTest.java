package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AssignPolicyTest {

  @Test
  void build_withoutWhen_appliesAlwaysAndIsEnforced() {
    AssignPolicy policy = AssignPolicy.builder("everyone-mail").grant("mail", "user").build();

    assertThat(policy.id()).isEqualTo("everyone-mail");
    assertThat(policy.kind()).isEqualTo("assign");
    assertThat(policy.grants()).containsExactly(new Grant("mail", "user"));
    assertThat(policy.when()).isEqualTo(Condition.ALWAYS);
    assertThat(policy.reportOnly()).isFalse();
    assertThat(policy.source()).isEqualTo(SourceRef.NONE);
  }

  @Test
  void build_allParts_keepsThem() {
    Condition finance = Condition.in("user.department", "Finance", "Accounting");
    SourceRef source = new SourceRef("acme.policy", 12, 1);

    AssignPolicy policy =
        AssignPolicy.builder("finance-books")
            .grant("books", "accountant")
            .grant("ledger", "viewer")
            .when(finance)
            .reportOnly()
            .source(source)
            .build();

    assertThat(policy.grants())
        .containsExactly(new Grant("books", "accountant"), new Grant("ledger", "viewer"));
    assertThat(policy.when()).isEqualTo(finance);
    assertThat(policy.reportOnly()).isTrue();
    assertThat(policy.source()).hasToString("acme.policy:12:1");
  }

  @Test
  void build_noGrant_throwsNamingPolicy() {
    AssignPolicy.Builder builder = AssignPolicy.builder("empty");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("assign `empty` grants no app");
  }

  @Test
  void grant_emptyRole_throws() {
    AssignPolicy.Builder builder = AssignPolicy.builder("p");

    assertThatThrownBy(() -> builder.grant("mail", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a grant needs a non-empty app and role");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "quote\"d", "tab\there", "é"})
  void builder_invalidId_throwsWithRule(String id) {
    assertThatThrownBy(() -> AssignPolicy.builder(id))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid policy id `"
                + id
                + "`: use 1 to 200 letters, digits, `-`, `_`, `.`, `:` or `/`");
  }

  @Test
  void builder_idOf201Characters_throws() {
    assertThatThrownBy(() -> AssignPolicy.builder("a".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid policy id `aaa");
    assertThat(AssignPolicy.builder("a".repeat(200)).grant("m", "r").build().id()).hasSize(200);
  }

  @Test
  void builder_idWithAllowedPunctuation_isAccepted() {
    assertThat(AssignPolicy.builder("hr/eu:finance-books_2.0").grant("m", "r").build().id())
        .isEqualTo("hr/eu:finance-books_2.0");
  }

  @Test
  void build_builderReused_earlierPolicyUnchanged() {
    AssignPolicy.Builder builder = AssignPolicy.builder("p").grant("mail", "user");
    AssignPolicy first = builder.build();

    AssignPolicy second = builder.grant("books", "viewer").build();

    assertThat(first.grants()).hasSize(1);
    assertThat(second.grants()).hasSize(2);
  }

  @Test
  void grants_areCopiedAndUnmodifiable() {
    List<Grant> grants = new ArrayList<>(List.of(new Grant("mail", "user")));
    AssignPolicy policy = new AssignPolicy("p", grants, Condition.ALWAYS, false, SourceRef.NONE);

    grants.clear();

    assertThat(policy.grants()).hasSize(1);
    assertThatThrownBy(() -> policy.grants().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameParts_areEqual() {
    AssignPolicy a = AssignPolicy.builder("p").grant("mail", "user").build();

    assertThat(a)
        .isEqualTo(AssignPolicy.builder("p").grant("mail", "user").build())
        .hasSameHashCodeAs(AssignPolicy.builder("p").grant("mail", "user").build())
        .isNotEqualTo(AssignPolicy.builder("p").grant("mail", "user").reportOnly().build());
    assertThat(new Grant("books", "accountant")).hasToString("app \"books\" role \"accountant\"");
  }

  @Test
  void sourceRef_unknown_printsJava() {
    assertThat(SourceRef.NONE).hasToString("<java>");
    assertThat(SourceRef.NONE.isKnown()).isFalse();
    assertThatThrownBy(() -> new SourceRef("a.policy", -1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative position -1:0");
  }
}
