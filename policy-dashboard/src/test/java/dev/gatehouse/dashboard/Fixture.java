package dev.gatehouse.dashboard;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.servlet.GatehouseFilter;
import dev.gatehouse.servlet.SubjectResolver;
import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A dashboard on a real Jetty on 127.0.0.1, over generated sign-ins of users in two departments,
 * governed by delegations to an auditor (everything), a Sales lead (Sales users only) and nobody
 * else. The host's sign-in (here a test filter) puts the administrator in the request by the cookie
 * or header {@code test-admin}.
 */
final class Fixture implements AutoCloseable {

  static final String POLICIES =
      """
      delegate "sign-in-auditors" {
        to user.roles contains "auditor"
        allow [signins.*]
        on target.department != "Executive"
      }

      delegate "policy-auditors" {
        to user.roles contains "auditor"
        allow [policies.*]
      }

      delegate "sales-lead" {
        to user.roles contains "sales-lead"
        allow [signins.view]
        on target.department == "Sales"
      }

      authenticate "block-tor" report-only {
        when request.ip in [192.0.2.0/24]
        block
      }

      authenticate "risky-sign-in" report-only {
        when risk.level >= medium
        require mfa [webauthn] within 15m
      }
      """;

  static final Map<String, Map<String, Object>> ADMINS =
      Map.of(
          "auditor-1", Map.of("user.roles", List.of("auditor"), "user.department", "Security"),
          "sales-1", Map.of("user.roles", List.of("sales-lead"), "user.department", "Sales"),
          "nobody-1", Map.of("user.roles", List.of("intern"), "user.department", "Sales"));

  static final String ADMIN = "test-admin";

  /** A header the host's sign-in copies into the filter's auth time attribute (epoch seconds). */
  static final String AUTH_TIME = "test-auth-time";

  static final Instant START = Instant.parse("2026-11-28T00:00:00Z");

  final List<SignInEvent> events;
  final PolicyEngineHolder holder;
  final SignInDashboard dashboard;
  final Server server;
  final String base;

  private Fixture(List<SignInEvent> events, UserDirectory directory) throws Exception {
    this.events = events;
    this.holder =
        new PolicyEngineHolder(
            PolicyEngine.compile(PolicyDsl.parseOrThrow("dashboard.policy", POLICIES)));
    this.dashboard =
        SignInDashboard.builder(events)
            .governedBy(holder)
            .showPolicies(holder)
            .users(directory)
            .build();
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(
        new FilterHolder(signIn()), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(dashboard), "/admin/sign-ins/*");
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(context);
    server.start();
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    base = "http://127.0.0.1:" + port + "/admin/sign-ins/";
  }

  /** Starts the dashboard over {@link #events(int, int, long)} of the given size. */
  static Fixture start(int events, int users) throws Exception {
    return new Fixture(events(events, users, 42), Fixture::directory);
  }

  /** Sales for even-numbered users, Finance for the others. */
  static Map<String, ?> directory(String userId) {
    if (ADMINS.containsKey(userId)) {
      return ADMINS.get(userId);
    }
    int n = Integer.parseInt(userId.substring(userId.indexOf('-') + 1));
    return Map.of("user.department", n % 2 == 0 ? "Sales" : "Finance");
  }

  static boolean isSales(String userId) {
    return "Sales".equals(directory(userId).get("user.department"));
  }

  /**
   * Returns {@code n} sign-ins of {@code users} users over two days: mostly successes from a home
   * country and a usual device, some failures bursts from a few addresses (IPv4 and IPv6), some
   * challenges, and sign-ins from a blocked range.
   */
  static List<SignInEvent> events(int n, int users, long seed) {
    Random r = new Random(seed);
    String[] countries = {"FR", "BE", "DE", "US", "BR", "JP"};
    String[] platforms = {"windows", "macos", "ios", "android", "linux"};
    List<SignInEvent> out = new ArrayList<>(n);
    long span = 2L * 24 * 3600 * 1000;
    for (int i = 0; i < n; i++) {
      int u = r.nextInt(users);
      Instant time = START.plusMillis((long) (r.nextDouble() * span));
      int roll = r.nextInt(100);
      SignInEvent.Outcome outcome;
      List<ReasonCode> reasons = List.of();
      List<String> policies = List.of();
      IpAddress ip = IpAddress.parse("203.0." + (u % 250) + "." + (1 + u % 200));
      String country = countries[u % 3];
      if (roll < 70) {
        outcome = SignInEvent.Outcome.SUCCESS;
      } else if (roll < 82) {
        outcome = SignInEvent.Outcome.FAILED_CREDENTIALS;
        int attacker = r.nextInt(8);
        ip =
            attacker < 4
                ? IpAddress.parse("198.51.100." + (10 + attacker))
                : IpAddress.parse("2001:db8:" + attacker + "::" + (1 + r.nextInt(50)));
        country = countries[3 + attacker % 3];
      } else if (roll < 90) {
        outcome = SignInEvent.Outcome.CHALLENGE_PASSED;
        policies = List.of("admins-strong");
      } else if (roll < 96) {
        outcome = SignInEvent.Outcome.CHALLENGED;
        reasons = List.of(ReasonCode.MFA_REQUIRED);
        policies = List.of("admins-strong");
      } else {
        outcome = SignInEvent.Outcome.DENIED;
        reasons = List.of(ReasonCode.NETWORK_NOT_ALLOWED);
        policies = List.of("payroll-from-office");
        ip = IpAddress.parse("192.0.2." + (1 + r.nextInt(200)));
        country = null;
      }
      out.add(
          new SignInEvent(
              "u-" + u,
              time,
              ip,
              country,
              "d-" + u + "-" + (r.nextInt(10) == 0 ? 2 : 1),
              platforms[u % platforms.length],
              outcome,
              reasons,
              policies));
    }
    return out;
  }

  /** The host's sign-in: the administrator named by the cookie or header, with their roles. */
  private static Filter signIn() {
    return (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      String admin = http.getHeader(ADMIN);
      if (admin == null && http.getCookies() != null) {
        for (Cookie c : http.getCookies()) {
          if (c.getName().equals(ADMIN)) {
            admin = c.getValue();
          }
        }
      }
      if (admin != null && ADMINS.containsKey(admin)) {
        Map<String, Object> subject = new java.util.HashMap<>(ADMINS.get(admin));
        subject.put("user.id", admin);
        http.setAttribute(SubjectResolver.SUBJECT_ATTRIBUTE, subject);
      }
      String authTime = http.getHeader(AUTH_TIME);
      if (authTime != null) {
        http.setAttribute(GatehouseFilter.AUTH_TIME_ATTRIBUTE, Long.parseLong(authTime));
      }
      chain.doFilter(request, response);
    };
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
