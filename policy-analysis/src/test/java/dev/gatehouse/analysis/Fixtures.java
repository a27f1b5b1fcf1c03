package dev.gatehouse.analysis;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Schema;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The example policies, edits of them, and a directory and history to replay against them. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private static final String[] DEPARTMENTS = {
    "Finance", "Accounting", "Payroll", "Sales", "Executive", "HR"
  };
  private static final String[] COUNTRIES = {"FR", "BE", "DE"};
  private static final String[] EMPLOYMENT = {"employee", "contractor"};
  private static final List<Set<String>> ROLES =
      List.of(Set.of(), Set.of("sysadmin"), Set.of("auditor"), Set.of("hr-manager"));
  private static final String[] APPS = {"books", "mail", "payroll", "crm"};
  private static final String[] IPS = {
    "203.0.113.9", "203.0.113.200", "198.51.100.7", "192.0.2.4", "100.64.1.1"
  };
  private static final List<Set<String>> METHODS =
      List.of(Set.of("password"), Set.of("password", "totp"), Set.of("password", "webauthn"));

  private Fixtures() {}

  /** The text of {@code examples/acme.policy}. */
  static String acmeText() {
    try {
      return Files.readString(Path.of("..", "examples", "acme.policy"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CompiledPolicies compile(String text) {
    return PolicyEngine.compile(PolicyDsl.parseOrThrow("acme.policy", text));
  }

  /** The text with {@code from} replaced once by {@code to}; fails if {@code from} is absent. */
  static String edit(String text, String from, String to) {
    if (!text.contains(from)) {
      throw new IllegalArgumentException("no `" + from + "` in the text");
    }
    return text.replace(from, to);
  }

  /** Every combination of department, country, employment and roles: 144 users. */
  static List<AccessRequest> users(Schema schema) {
    List<AccessRequest> users = new ArrayList<>();
    for (String department : DEPARTMENTS) {
      for (String country : COUNTRIES) {
        for (String employment : EMPLOYMENT) {
          for (Set<String> roles : ROLES) {
            users.add(
                AccessRequest.builder(schema)
                    .set("user.id", "u-" + users.size())
                    .set("user.department", department)
                    .set("user.country", country)
                    .set("user.employment", employment)
                    .set("user.roles", roles)
                    .build());
          }
        }
      }
    }
    return users;
  }

  /** For each user, each app and sign-in, from each address, with each set of factors. */
  static List<AccessRequest> events(List<AccessRequest> users) {
    List<AccessRequest> events = new ArrayList<>();
    for (AccessRequest user : users) {
      for (int a = 0; a <= APPS.length; a++) {
        for (String ip : IPS) {
          for (Set<String> methods : METHODS) {
            AccessRequest.Builder b =
                user.toBuilder()
                    .set("request.ip", ip)
                    .set("request.time", NOW)
                    .set("auth.methods", methods)
                    .set("auth.time", NOW.minusSeconds(600))
                    .set("risk.level", a % 2 == 0 ? "low" : "high");
            if (a == APPS.length) {
              b.set("request.action", "signin");
            } else {
              b.set("request.action", "access").set("app", APPS[a]);
            }
            events.add(b.build());
          }
        }
      }
    }
    return events;
  }
}
