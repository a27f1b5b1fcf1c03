package dev.gatehouse.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account of a decision stays readable and bounded whatever the request holds. */
final class ExplainerTest {

  private static PolicySet rolePolicies(int count) {
    PolicySet.Builder b = PolicySet.builder(Schema.standard());
    for (int i = 0; i < count; i++) {
      b.add(
          AssignPolicy.builder("p" + i)
              .grant("mail", "user")
              .when(Condition.contains("user.roles", "role-" + i))
              .build());
    }
    return b.build();
  }

  private static AccessRequest withRoles(int roles) {
    List<String> names = new ArrayList<>(roles);
    for (int i = 0; i < roles; i++) {
      names.add(String.format("r%07d", i));
    }
    return AccessRequest.builder(Schema.standard())
        .set("request.action", "access")
        .set("app", "mail")
        .set("user.roles", names)
        .build();
  }

  @Test
  void explain_hugeSetValue_showsTenElementsAndCountsTheRest() {
    CompiledPolicies policies = PolicyEngine.compile(rolePolicies(1));

    String text = policies.explain(withRoles(100_000)).text();

    assertThat(text)
        .contains(
            "(user.roles = [r0000000, r0000001, r0000002, r0000003, r0000004,"
                + " r0000005, r0000006, r0000007, r0000008, r0000009, … and 99,990 more])");
    assertThat(text.length()).isLessThan(1_000);
  }

  @Test
  void explain_manyPoliciesAndAHugeSet_staysBounded() {
    CompiledPolicies policies = PolicyEngine.compile(rolePolicies(2_000));

    String text = policies.explain(withRoles(100_000)).text();

    assertThat(text.length()).isLessThan(Explainer.MAX_ACCOUNT_CHARS + 2_000);
    assertThat(text).containsPattern("  … and [0-9,]+ more policies not shown\n$");
  }

  @Test
  void explain_longStringValue_cutShort() {
    PolicySet set =
        PolicySet.builder(Schema.standard())
            .add(
                AssignPolicy.builder("finance")
                    .grant("mail", "user")
                    .when(Condition.eq("user.department", "Finance"))
                    .build())
            .build();
    AccessRequest request =
        AccessRequest.builder(Schema.standard())
            .set("request.action", "access")
            .set("app", "mail")
            .set("user.department", "x".repeat(10_200))
            .build();

    String text = PolicyEngine.compile(set).explain(request).text();

    assertThat(text)
        .contains("(user.department = \"" + "x".repeat(200) + "\" … and 10,000 more characters)");
  }
}
