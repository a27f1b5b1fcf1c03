package dev.gatehouse.engine.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interpreter's public view of which policies a request reads and what a condition is. */
final class ReferenceEvaluatorTest {

  private static final PolicySet SET =
      PolicySet.builder(Schema.standard())
          .add(
              AssignPolicy.builder("mail")
                  .grant("mail", "user")
                  .when(Condition.eq("user.department", "Sales"))
                  .build())
          .add(AssignPolicy.builder("books").grant("books", "user").build())
          .add(
              DelegatePolicy.builder("helpdesk")
                  .to(Condition.contains("user.roles", "helpdesk"))
                  .allow("user.*")
                  .build())
          .build();

  private static AccessRequest request(String action, String app) {
    AccessRequest.Builder b =
        AccessRequest.builder(Schema.standard()).set("request.action", action);
    return app == null ? b.build() : b.set("app", app).build();
  }

  @Test
  void considered_accessToOneApp_isThatAppsAssignsOnly() {
    List<Policy> read = new ReferenceEvaluator(SET).considered(request("access", "mail"));

    assertThat(read).extracting(Policy::id).containsExactly("mail");
  }

  @Test
  void considered_adminAction_isTheDelegationsListingIt() {
    ReferenceEvaluator ref = new ReferenceEvaluator(SET);

    assertThat(ref.considered(request("user.update", null)))
        .extracting(Policy::id)
        .containsExactly("helpdesk");
    assertThat(ref.considered(request("group.update", null))).isEmpty();
  }

  @Test
  void condition_missingAttribute_isUnknownAndFalseStillWinsAnAnd() {
    Condition sales = Condition.eq("user.department", "Sales");
    AccessRequest r = request("access", "mail");

    assertThat(ReferenceEvaluator.condition(sales, r)).isEqualTo(Tri.UNKNOWN);
    assertThat(ReferenceEvaluator.condition(Condition.and(sales, Condition.eq("app", "books")), r))
        .isEqualTo(Tri.FALSE);
  }
}
