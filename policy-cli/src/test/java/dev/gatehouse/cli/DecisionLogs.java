package dev.gatehouse.cli;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.decisionlog.AsyncDecisionLogSink;
import dev.gatehouse.decisionlog.DecisionLogFormat;
import dev.gatehouse.decisionlog.DecisionLogger;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

/** Writes a real decision log: the example policies deciding a few requests, masked. */
final class DecisionLogs {

  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private DecisionLogs() {}

  /**
   * Writes the log of four decisions to {@code file}: two PERMITs for {@code u-1} on mail, a DENY
   * for {@code u-2} on payroll from outside the office, and a CHALLENGE for the sysadmin {@code
   * u-3} on mail; addresses cut to /24, and {@code masked} attributes written as {@code ***}.
   */
  static Path write(Path file, String... masked) throws IOException {
    PolicyEngineHolder holder =
        new PolicyEngineHolder(PolicyEngine.compile(PolicyDsl.loadOrThrow(Path.of(Cli.ACME))));
    AsyncDecisionLogSink sink =
        AsyncDecisionLogSink.toWriter(
            Files.newBufferedWriter(file, StandardCharsets.UTF_8),
            DecisionLogFormat.builder().mask(masked).build(),
            100);
    DecisionLogger log =
        DecisionLogger.builder(holder, sink).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    log.evaluate(request(holder, "u-1", "mail", "203.0.113.9", "staff"));
    log.evaluate(request(holder, "u-1", "mail", "203.0.113.9", "staff"));
    log.evaluate(request(holder, "u-2", "payroll", "198.51.100.99", "staff"));
    log.evaluate(request(holder, "u-3", "mail", "203.0.113.10", "sysadmin"));
    sink.close();
    return file;
  }

  private static AccessRequest request(
      PolicyEngineHolder holder, String user, String app, String ip, String role) {
    return AccessRequest.builder(holder.current().schema())
        .set("user.id", user)
        .set("user.email", user + "@example.com")
        .set("user.employment", "employee")
        .set("user.department", "Sales")
        .set("user.roles", Set.of(role))
        .set("app", app)
        .set("request.action", "access")
        .set("request.ip", ip)
        .set("request.time", NOW)
        .set("auth.methods", Set.of("password"))
        .set("auth.time", NOW)
        .set("location.country", "FR")
        .set("user.country", "FR")
        .set("risk.level", "low")
        .build();
  }
}
