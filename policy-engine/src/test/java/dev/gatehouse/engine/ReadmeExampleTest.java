package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.PolicySet;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Java example of the README, as written there, with the outcome its comment promises. */
final class ReadmeExampleTest {

  @Test
  void readmeExample_sysadminWithPasswordOnly_isChallenged() {
    Schema schema = Schema.standard();
    PolicySet set =
        PolicySet.builder(schema)
            .add(
                AssignPolicy.builder("everyone-mail")
                    .grant("mail", "user")
                    .when(Condition.ne("user.employment", "contractor"))
                    .build())
            .add(
                AuthenticatePolicy.builder("admins-strong")
                    .when(Condition.contains("user.roles", "sysadmin"))
                    .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP)
                    .build())
            .build();

    CompiledPolicies policies = PolicyEngine.compile(set);

    AccessRequest request =
        AccessRequest.builder(policies.schema())
            .set("user.id", "u-1")
            .set("user.employment", "employee")
            .set("user.roles", Set.of("sysadmin"))
            .set("request.action", "access")
            .set("app", "mail")
            .set("request.ip", "203.0.113.9")
            .set("request.time", Instant.now())
            .set("auth.methods", Set.of("password"))
            .set("auth.time", Instant.now())
            .build();

    Decision decision = policies.evaluate(request);

    assertThat(decision.effect()).isEqualTo(Effect.CHALLENGE);
    assertThat(decision.requirements())
        .hasToString("[mfa [totp, webauthn] within 8h [admins-strong]]");
    assertThat(decision.roles()).containsExactly("user");
    assertThat(policies.explain(request).text()).contains("require mfa [webauthn, totp] within 8h");
  }
}
