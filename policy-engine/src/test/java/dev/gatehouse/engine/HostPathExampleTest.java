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

  private final CompiledPolicies policies =
      PolicyEngine.compile(
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

  // The handles as the README resolves them, once.
  private final Schema schema = policies.schema();
  private final Attribute userId = schema.attributeOrThrow("user.id");
  private final Attribute roles = schema.attributeOrThrow("user.roles");
  private final Attribute app = schema.attributeOrThrow("app");
  private final Attribute action = schema.attributeOrThrow("request.action");
  private final Attribute ip = schema.attributeOrThrow("request.ip");
  private final Attribute time = schema.attributeOrThrow("request.time");
  private final AccessRequest.Builder builder = AccessRequest.builder(schema);
  private final SortedStringSet userRoles = SortedStringSet.copyOf(List.of("sysadmin", "dba"));

  @Test
  void handlesOnReusedBuilder_decideAsNamesDo() {

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
    Attribute department = schema.attributeOrThrow("user.department");
    Attribute methods = schema.attributeOrThrow("auth.methods");
    Attribute authTime = schema.attributeOrThrow("auth.time");
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
