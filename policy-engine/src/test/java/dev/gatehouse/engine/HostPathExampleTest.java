package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.SortedStringSet;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.PolicySet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The README's "Building requests fast" example decides as the name setters' request does. */
final class HostPathExampleTest {

  private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private static CompiledPolicies policies() {
    return PolicyEngine.compile(
        PolicySet.builder(Schema.standard())
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
            .build());
  }

  @Test
  void handlesOnReusedBuilder_decideAsNamesDo() {
    CompiledPolicies policies = policies();
    Schema schema = policies.schema();
    Attribute userId = schema.attributeOrThrow("user.id");
    Attribute roles = schema.attributeOrThrow("user.roles");
    Attribute app = schema.attributeOrThrow("app");
    Attribute action = schema.attributeOrThrow("request.action");
    Attribute ip = schema.attributeOrThrow("request.ip");
    Attribute time = schema.attributeOrThrow("request.time");
    AccessRequest.Builder builder = AccessRequest.builder(schema);
    SortedStringSet userRoles = SortedStringSet.copyOf(List.of("sysadmin", "dba"));

    for (String address : List.of("203.0.113.9", "2001:db8::1", "::ffff:10.1.2.3")) {
      AccessRequest fast =
          builder
              .reset()
              .set(userId, "u-1")
              .set(roles, userRoles)
              .set(app, "mail")
              .set(action, "access")
              .set(ip, address)
              .set(time, NOW)
              .build();
      AccessRequest byName =
          AccessRequest.builder(schema)
              .set("user.id", "u-1")
              .set("user.roles", Set.of("dba", "sysadmin"))
              .set("app", "mail")
              .set("request.action", "access")
              .set("request.ip", address)
              .set("request.time", NOW)
              .build();

      Decision decision = policies.evaluate(fast);

      assertThat(fast).isEqualTo(byName);
      assertThat(decision).isEqualTo(policies.evaluate(byName));
    }
  }

  @Test
  void builderResetToTheSession_decidesAsNamesDo() {
    CompiledPolicies policies = policies();
    Schema schema = policies.schema();
    Attribute userId = schema.attributeOrThrow("user.id");
    Attribute department = schema.attributeOrThrow("user.department");
    Attribute roles = schema.attributeOrThrow("user.roles");
    Attribute methods = schema.attributeOrThrow("auth.methods");
    Attribute authTime = schema.attributeOrThrow("auth.time");
    Attribute app = schema.attributeOrThrow("app");
    Attribute action = schema.attributeOrThrow("request.action");
    Attribute ip = schema.attributeOrThrow("request.ip");
    Attribute time = schema.attributeOrThrow("request.time");
    AccessRequest.Builder builder = AccessRequest.builder(schema);
    SortedStringSet userRoles = SortedStringSet.copyOf(List.of("sysadmin", "dba"));
    Instant signedIn = NOW.minus(Duration.ofHours(1));
    AccessRequest session =
        AccessRequest.builder(schema)
            .set(userId, "u-1")
            .set(department, "it")
            .set(roles, userRoles)
            .set(methods, Set.of("password", "totp"))
            .set(authTime, signedIn)
            .build();

    for (String address : List.of("203.0.113.9", "2001:db8::1")) {
      for (String appName : List.of("mail", "payroll")) {
        AccessRequest fast =
            builder
                .reset(session)
                .set(app, appName)
                .set(action, "access")
                .set(ip, address)
                .set(time, NOW)
                .build();
        AccessRequest byName =
            AccessRequest.builder(schema)
                .set("user.id", "u-1")
                .set("user.department", "it")
                .set("user.roles", Set.of("dba", "sysadmin"))
                .set("auth.methods", Set.of("totp", "password"))
                .set("auth.time", signedIn)
                .set("app", appName)
                .set("request.action", "access")
                .set("request.ip", address)
                .set("request.time", NOW)
                .build();

        assertThat(fast).isEqualTo(byName);
        assertThat(policies.evaluate(fast)).isEqualTo(policies.evaluate(byName));
      }
    }
    assertThat(session.values()).doesNotContainKeys("app", "request.ip", "request.time");
  }
}
