package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A hook sees every request before the policies do and learns how each sign-in went. */
final class GatehouseFilterHookTest {

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

  private final List<String> signIns = new CopyOnWriteArrayList<>();

  private EvaluationHook lowRisk() {
    return EvaluationHook.of(
        request -> request.toBuilder().set("risk.level", "low").build(),
        (request, decision) ->
            signIns.add(
                request.value("user.id").orElseThrow()
                    + " "
                    + request.value("risk.level").orElseThrow()
                    + " "
                    + decision.effect()));
  }

  @Test
  void doFilter_hookEnriches_policiesSeeWhatItAdded() throws Exception {
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).hook(lowRisk()).build())) {
      HttpResponse<String> response = get(server.uri("/signin"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(signIns).containsExactly("ann low " + Effect.PERMIT);
    }
  }

  @Test
  void doFilter_requestToAnApp_isEnrichedButNotReportedAsSignIn() throws Exception {
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).hook(lowRisk()).build())) {
      HttpResponse<String> response = get(server.uri("/mail/inbox"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(signIns).isEmpty();
    }
  }

  @Test
  void doFilter_hookThrows_403RequestInvalidAndNoSignInReported() throws Exception {
    EvaluationHook broken =
        EvaluationHook.of(
            request -> {
              throw new IllegalStateException("history store at redis://10.1.2.3 is down");
            },
            (request, decision) -> signIns.add("reported"));
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).hook(broken).build())) {
      HttpResponse<String> response = get(server.uri("/signin"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .contains("\"reasons\":[\"request_invalid\"]")
          .doesNotContain("redis", "IllegalState");
      assertThat(signIns).isEmpty();
    }
  }

  @Test
  void doFilter_hookReturnsNoRequest_403RequestInvalid() throws Exception {
    EvaluationHook empty = EvaluationHook.of(request -> null, (request, decision) -> {});
    try (JettyHarness server =
        JettyHarness.start(TestPolicies.filter(HOLDER).hook(empty).build())) {
      HttpResponse<String> response = get(server.uri("/signin"), "X-Test-User", "ann");

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("\"reasons\":[\"request_invalid\"]");
    }
  }

  @Test
  void of_nullFunction_throwsNamingIt() {
    assertThatNullPointerException()
        .isThrownBy(() -> EvaluationHook.of(null, (request, decision) -> {}))
        .withMessage("enrich");
    assertThatNullPointerException()
        .isThrownBy(() -> EvaluationHook.of(request -> request, null))
        .withMessage("signInDecided");
  }
}
