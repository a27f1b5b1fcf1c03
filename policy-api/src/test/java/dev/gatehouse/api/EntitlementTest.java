package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EntitlementTest {

  @Test
  void toString_showsAppRoleAndPolicies() {
    Entitlement entitlement = new Entitlement("books", "accountant", List.of("finance-books"));

    assertThat(entitlement).hasToString("books/accountant [finance-books]");
  }

  @Test
  void policies_areCopiedAndUnmodifiable() {
    List<String> policies = new ArrayList<>(List.of("a"));
    Entitlement entitlement = new Entitlement("mail", "user", policies);

    policies.add("b");

    assertThat(entitlement.policies()).containsExactly("a");
    assertThatThrownBy(() -> entitlement.policies().add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void new_nullRole_throwsNamingIt() {
    assertThatThrownBy(() -> new Entitlement("mail", null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("role");
  }

  @Test
  void equals_sameComponents_areEqual() {
    assertThat(new Entitlement("mail", "user", List.of("a")))
        .isEqualTo(new Entitlement("mail", "user", new ArrayList<>(List.of("a"))))
        .hasSameHashCodeAs(new Entitlement("mail", "user", List.of("a")))
        .isNotEqualTo(new Entitlement("mail", "admin", List.of("a")));
  }
}
