package dev.gatehouse.servlet;

import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.time.Duration;

/** The policies the filter tests run against. */
final class TestPolicies {

  static final Network OFFICE = Network.of("office", "203.0.113.0/24", "2001:db8:10::/48");
  static final Network IPV6_LOOPBACK = Network.of("ipv6_loopback", "::1/128");

  private TestPolicies() {}

  /**
   * Everyone gets {@code mail} (report-only block on it) and {@code admin} (MFA within 8h); the
   * payroll department gets {@code payroll} from the office only; {@code six} is reachable from the
   * IPv6 loopback only; nobody gets {@code books}.
   */
  static PolicySet standard() {
    return withMailRole("user");
  }

  /** Like {@link #standard()}, with {@code role} as everyone's mail role. */
  static PolicySet withMailRole(String role) {
    return PolicySet.builder(Schema.standard())
        .network(OFFICE)
        .network(IPV6_LOOPBACK)
        .add(AssignPolicy.builder("everyone-mail").grant("mail", role).build())
        .add(AssignPolicy.builder("everyone-admin").grant("admin", "operator").build())
        .add(AssignPolicy.builder("everyone-six").grant("six", "user").build())
        .add(
            AssignPolicy.builder("payroll-staff")
                .grant("payroll", "clerk")
                .when(Condition.eq("user.department", "Payroll"))
                .build())
        .add(RestrictPolicy.builder("payroll-from-office").apps("payroll").allow(OFFICE).build())
        .add(RestrictPolicy.builder("six-from-ipv6").apps("six").allow(IPV6_LOOPBACK).build())
        .add(
            AuthenticatePolicy.builder("admin-strong")
                .apps("admin")
                .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP)
                .build())
        .add(
            AuthenticatePolicy.builder("mail-blocked-trial")
                .apps("mail")
                .reportOnly()
                .block()
                .build())
        .build();
  }

  /** Nobody gets anything. */
  static PolicySet empty() {
    return PolicySet.builder(Schema.standard()).build();
  }

  /** The filter the integration tests use, over {@code holder}, with these proxies trusted. */
  static GatehouseFilterBuilder filter(dev.gatehouse.engine.PolicyEngineHolder holder) {
    return GatehouseFilter.builder(holder)
        .app("/mail/*", "mail")
        .app("/admin/*", "admin")
        .app("/payroll/*", "payroll")
        .app("/books/*", "books")
        .app("/six/*", "six")
        .signin("/signin")
        .logLevel(System.Logger.Level.INFO);
  }
}
