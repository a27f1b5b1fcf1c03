package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.conformance.ConformanceVectors;
import dev.gatehouse.engine.conformance.ConformanceVectors.Case;
import dev.gatehouse.engine.conformance.ConformanceVectors.Expected;
import dev.gatehouse.engine.conformance.ConformanceVectors.Item;
import dev.gatehouse.engine.conformance.ConformanceVectors.Vector;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared conformance vectors ({@code conformance/*.tests.json}) on the compiled engine and
 * on the reference interpreter: one dynamic test per case and evaluator.
 */
final class ConformanceTest {

  @TestFactory
  Stream<DynamicNode> vectors_compiledAndReference_decideAsExpected() {
    return ConformanceVectors.files().stream().map(ConformanceTest::container);
  }

  private static DynamicNode container(Path file) {
    Vector vector = ConformanceVectors.read(file);
    PolicySet set = PolicyDsl.loadFiles(vector.policies()).orThrow();
    CompiledPolicies compiled = PolicyEngine.compile(set);
    ReferenceEvaluator reference = new ReferenceEvaluator(set);
    List<DynamicNode> tests = new ArrayList<>();
    for (Case c : vector.cases()) {
      tests.add(
          dynamicTest(
              "compiled: " + c.name(),
              () ->
                  check(
                      c, compiled.evaluate(ConformanceCheck.request(set.schema(), c.request())))));
      tests.add(
          dynamicTest(
              "reference: " + c.name(),
              () ->
                  check(
                      c, reference.evaluate(ConformanceCheck.request(set.schema(), c.request())))));
    }
    return dynamicContainer(file.getFileName().toString(), tests.stream());
  }

  private static void check(Case c, Decision decision) {
    assertThat(ConformanceCheck.diff(c.expect(), decision))
        .as("%s: the decision differs from the vector (- expected, + actual)", c.name())
        .isEmpty();
  }

  @Test
  void parse_unknownField_isRejectedNamingIt() {
    assertThatThrownBy(
            () ->
                parse(
                    "{'policies': ['acme.policy'], 'cases': [], 'comment': 'x'}"
                        .replace('\'', '"')))
        .hasMessage("v.tests.json: unknown field `comment`");
    assertThatThrownBy(() -> parse(vector("{'effect': 'DENY', 'matched': []}")))
        .hasMessage("v.tests.json: cases[0] `c`: expect: unknown field `matched`");
  }

  @Test
  void parse_malformedVectors_areRejected() {
    assertThatThrownBy(() -> parse(vector("{'roles': []}")))
        .hasMessage("v.tests.json: cases[0] `c`: expect: missing field `effect`");
    assertThatThrownBy(() -> parse(vector("{'effect': 'deny'}")))
        .hasMessageContaining("unknown effect `deny`");
    assertThatThrownBy(() -> parse(vector("{'effect': 'DENY', 'reasons': ['not_asigned']}")))
        .hasMessage(
            "v.tests.json: cases[0] `c`: expect.reasons[0]: unknown reason code `not_asigned`");
    assertThatThrownBy(
            () ->
                parse(
                    vector(
                        "{'effect': 'CHALLENGE', 'requirements': [{'policy': 'p', 'within': '8 h'}]}")))
        .hasMessageContaining("malformed duration `8 h`");
    assertThatThrownBy(() -> parse("{\"policies\": [\"acme.policy\"], \"cases\": []}"))
        .hasMessage("v.tests.json: `cases` is empty");
    assertThatThrownBy(() -> parse("{\"policies\": [\"nosuch.policy\"], \"cases\": []}"))
        .hasMessage("v.tests.json: `policies`: no policy file `nosuch.policy`");
    assertThatThrownBy(() -> parse("{\"policies\": [\"acme.policy\"], \"cases\": []} []"))
        .hasMessageStartingWith("v.tests.json: malformed JSON");
  }

  @Test
  void request_unknownAttribute_isRejected() throws Exception {
    JsonNode json = new ObjectMapper().readTree("{\"user\": {\"departmnet\": \"x\"}}");
    assertThatThrownBy(() -> ConformanceCheck.request(Schema.standard(), json))
        .hasMessage("unknown attribute `user.departmnet`");
  }

  @Test
  void diff_oneReasonCodeChanged_namesExpectedAndActual() {
    Vector v =
        ConformanceVectors.read(ConformanceVectors.directory().resolve("assignment.tests.json"));
    Case c = v.cases().get(1);
    assertThat(c.expect().reasons())
        .containsExactly(new Item("not_assigned", null, null, null, null));
    Expected changed =
        new Expected(
            c.expect().effect(),
            c.expect().roles(),
            List.of(new Item("not_delegated", null, null, null, null)),
            c.expect().requirements(),
            c.expect().reportOnly());
    PolicySet set = PolicyDsl.loadFiles(v.policies()).orThrow();
    Decision decision =
        PolicyEngine.compile(set).evaluate(ConformanceCheck.request(set.schema(), c.request()));
    assertThat(ConformanceCheck.diff(changed, decision))
        .containsExactly("- reasons: [not_delegated]", "+ reasons: [not_assigned]");
  }

  private static Vector parse(String text) {
    return ConformanceVectors.parse(ConformanceVectors.directory().resolve("v.tests.json"), text);
  }

  /** A vector of one case named {@code c} with an empty request and {@code expect}. */
  private static String vector(String expect) {
    return ("{'policies': ['acme.policy'], 'cases': [{'name': 'c', 'request': {}, 'expect': "
            + expect
            + "}]}")
        .replace('\'', '"');
  }
}
