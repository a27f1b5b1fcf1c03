package dev.gatehouse.engine;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The reference example policies of the language specification, built with the Java builders. */
final class Acme {

  static final Schema SCHEMA =
      Schema.builder()
          .declare("user.cost_center", AttributeType.STRING)
          .declare("user.clearance", AttributeType.INT)
          .build();
  static final Network OFFICE = Network.of("office", "203.0.113.0/24", "2001:db8:10::/48");
  static final Network VPN = Network.of("vpn", "198.51.100.7");
  static final Network TOR = Network.of("tor_exits", "192.0.2.0/24");
  static final Condition.Named FINANCE =
      new Condition.Named("finance", Condition.in("user.department", "Finance", "Accounting"));
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private Acme() {}

  static PolicySet policies() {
    return PolicySet.builder(SCHEMA)
        .network(OFFICE)
        .network(VPN)
        .network(TOR)
        .condition("finance", FINANCE.body())
        .add(
            AssignPolicy.builder("finance-books")
                .grant("books", "accountant")
                .when(Condition.and(FINANCE, Condition.in("user.country", "FR", "BE")))
                .build())
        .add(
            AssignPolicy.builder("everyone-mail")
                .grant("mail", "user")
                .when(Condition.ne("user.employment", "contractor"))
                .build())
        .add(
            RestrictPolicy.builder("payroll-from-office")
                .apps("payroll", "books")
                .allow(OFFICE, VPN)
                .when(Condition.not(Condition.contains("user.roles", "auditor")))
                .build())
        .add(
            AuthenticatePolicy.builder("admins-strong")
                .when(
                    Condition.or(
                        Condition.contains("user.roles", "sysadmin"),
                        Condition.eq("user.department", "Payroll")))
                .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP)
                .build())
        .add(
            AuthenticatePolicy.builder("risky-sign-in")
                .when(Condition.compare("risk.level", Operator.GE, "high"))
                .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                .build())
        .add(
            AuthenticatePolicy.builder("block-tor")
                .reportOnly()
                .when(Condition.inNetwork("request.ip", TOR))
                .block()
                .build())
        .add(
            DelegatePolicy.builder("hr-helpdesk")
                .to(Condition.contains("user.roles", "hr-manager"))
                .allow("user.create", "user.update", "user.reset_mfa")
                .on(Condition.ne("target.department", "Executive"))
                .build())
        .build();
  }

  /** A French finance employee accessing books from the office, with a fresh password. */
  static AccessRequest.Builder financeUser() {
    return AccessRequest.builder(SCHEMA)
        .set("user.id", "u-1")
        .set("user.department", "Finance")
        .set("user.country", "FR")
        .set("user.employment", "employee")
        .set("user.roles", Set.of("accountant"))
        .set("request.action", "access")
        .set("app", "books")
        .set("request.ip", "203.0.113.9")
        .set("request.time", NOW)
        .set("auth.methods", Set.of("password"))
        .set("auth.time", NOW.minusSeconds(600))
        .set("risk.level", "low");
  }
}
