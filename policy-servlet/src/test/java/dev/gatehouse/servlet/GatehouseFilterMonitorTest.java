package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInMonitor;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With a monitor, sign-ins are scored from their history before the policies see them. */
final class GatehouseFilterMonitorTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(
          PolicyEngine.compile(
              PolicySet.builder(TestPolicies.standard().schema())
                  .addAll(TestPolicies.standard().policies())
                  .add(
                      AuthenticatePolicy.builder("risky-sign-in")
                          .when(Condition.compare("risk.level", Operator.GE, "high"))
                          .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                          .build())
                  .build()));

  @Test
  void doFilter_signInFromBlocklistedAddress_isChallengedAndRecorded() throws Exception {
    SignInMonitor monitor =
        SignInMonitor.builder()
            .blocklist(List.of(IpNetwork.parse("127.0.0.0/8"), IpNetwork.parse("::1")))
            .build();
    try (JettyHarness server =
        JettyHarness.start(
            TestPolicies.filter(HOLDER)
                .hook(EvaluationHook.of(monitor::enrich, monitor::record))
                .build())) {
      HttpResponse<String> response = get(server.uri("/signin"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
          .contains("insufficient_user_authentication");
      assertThat(monitor.profile("ann")).isPresent();
    }
  }

  @Test
  void doFilter_signInFromOrdinaryAddress_isPermittedAndRecorded() throws Exception {
    SignInMonitor monitor = SignInMonitor.builder().build();
    try (JettyHarness server =
        JettyHarness.start(
            TestPolicies.filter(HOLDER)
                .hook(EvaluationHook.of(monitor::enrich, monitor::record))
                .build())) {
      HttpResponse<String> response = get(server.uri("/signin"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(monitor.profile("ann")).isPresent();
    }
  }

  @Test
  void doFilter_withoutMonitor_riskIsMissingAndFailsClosed() throws Exception {
    // No monitor fills risk.level, so the risk policy applies (unknown) and challenges.
    try (JettyHarness server = JettyHarness.start(TestPolicies.filter(HOLDER).build())) {
      HttpResponse<String> response = get(server.uri("/signin"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(401);
    }
  }
}
