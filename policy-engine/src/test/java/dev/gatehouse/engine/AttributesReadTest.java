package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link CompiledPolicies#attributesRead()} names everything a decision depends on: a request
 * stripped of every other attribute is decided, entitled and explained as the whole one is.
 */
final class AttributesReadTest {

  private static final List<String> SEMANTICS =
      List.of("app", "request.action", "request.ip", "request.time", "auth.methods", "auth.time");

  @Test
  void attributesRead_namesEveryTestedAttributeAndTheSemantics_inSlotOrder() {
    CompiledPolicies policies =
        PolicyEngine.compile(
            PolicySet.builder(Schema.standard())
                .add(
                    AssignPolicy.builder("sales-crm")
                        .grant("crm", "user")
                        .when(Condition.eq("user.department", "Sales"))
                        .build())
                .add(
                    RestrictPolicy.builder("trial-risk")
                        .apps("crm")
                        .allow(Network.inline("10.0.0.0/8"))
                        .when(Condition.compare("risk.level", Operator.GE, "high"))
                        .reportOnly()
                        .build())
                .add(
                    DelegatePolicy.builder("helpdesk")
                        .to(Condition.contains("user.roles", "helpdesk"))
                        .allow("user.reset_mfa")
                        .on(Condition.eq("target.department", "Sales"))
                        .build())
                .build());
    Schema schema = policies.schema();

    List<Attribute> read = policies.attributesRead();

    assertThat(read)
        .extracting(Attribute::name)
        .containsExactlyInAnyOrder(
            "user.department",
            "risk.level",
            "user.roles",
            "target.department",
            "app",
            "request.action",
            "request.ip",
            "request.time",
            "auth.methods",
            "auth.time");
    assertThat(read).isSortedAccordingTo(Comparator.comparingInt(Attribute::slot));
    assertThat(read).allSatisfy(a -> assertThat(schema.attribute(a.slot())).isSameAs(a));
    assertThat(read).extracting(Attribute::name).doesNotContain("user.id", "device.id");
  }

  @Test
  void requestHoldingOnlyWhatIsRead_decidesAsTheWholeRequest() {
    int stripped = 0;
    int compared = 0;
    for (long seed = 1; seed <= 200; seed++) {
      RandomPolicies random = new RandomPolicies(seed);
      CompiledPolicies policies = PolicyEngine.compile(random.policySet(1 + (int) (seed % 6)));
      Set<Attribute> read = Set.copyOf(policies.attributesRead());
      assertThat(read).extracting(Attribute::name).containsAll(SEMANTICS);
      for (int i = 0; i < 40; i++) {
        AccessRequest whole = random.request();
        AccessRequest.Builder only = whole.toBuilder();
        boolean dropped = false;
        for (Attribute a : whole.schema().attributes()) {
          if (!read.contains(a) && whole.has(a.slot())) {
            only.clear(a);
            dropped = true;
          }
        }
        AccessRequest request = only.build();
        // Twice each: the second answer may be the shared decision of the first.
        for (int repeat = 0; repeat < 2; repeat++) {
          assertThat(policies.evaluate(request)).isEqualTo(policies.evaluate(whole));
        }
        assertThat(List.copyOf(policies.entitlements(request)))
            .isEqualTo(List.copyOf(policies.entitlements(whole)));
        assertThat(policies.explain(request)).isEqualTo(policies.explain(whole));
        stripped += dropped ? 1 : 0;
        compared++;
      }
    }
    // Guards the generator: most requests must lose something, or this proves little.
    assertThat(compared).isEqualTo(8_000);
    assertThat(stripped).isGreaterThan(compared / 2);
  }
}
