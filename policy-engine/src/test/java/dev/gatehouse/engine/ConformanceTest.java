package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.ConformanceVectors.Case;
import dev.gatehouse.engine.ConformanceVectors.Expected;
import dev.gatehouse.engine.ConformanceVectors.Item;
import dev.gatehouse.engine.ConformanceVectors.Vector;
import dev.gatehouse.engine.reference.ReferenceEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared conformance vectors ({@code conformance/*.tests.json}) on the compiled engine and
 * on the reference interpreter: one dynamic test per case and evaluator.
 */
final class ConformanceTest {

  private static final Map<String, String> ALIASES =
      Map.of("action", "request.action", "ip", "request.ip", "time", "request.time");

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
              () -> check(c, compiled.evaluate(request(set.schema(), c.request())))));
      tests.add(
          dynamicTest(
              "reference: " + c.name(),
              () -> check(c, reference.evaluate(request(set.schema(), c.request())))));
    }
    return dynamicContainer(file.getFileName().toString(), tests.stream());
  }

  private static void check(Case c, Decision decision) {
    assertThat(diff(c.expect(), decision))
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
    assertThatThrownBy(() -> request(Schema.standard(), json))
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
    Decision decision = PolicyEngine.compile(set).evaluate(request(set.schema(), c.request()));
    assertThat(diff(changed, decision))
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

  /**
   * Builds the request a case gives, as {@code gatehouse eval} reads request JSON: a nested object
   * maps its fields to {@code name.field}, {@code action}, {@code ip} and {@code time} stand for
   * the {@code request.*} attributes, and any other field is the attribute of that name.
   */
  static AccessRequest request(Schema schema, JsonNode json) {
    AccessRequest.Builder b = AccessRequest.builder(schema);
    json.properties()
        .forEach(
            field -> {
              if (field.getValue().isObject()) {
                field
                    .getValue()
                    .properties()
                    .forEach(
                        inner ->
                            set(
                                schema,
                                b,
                                field.getKey() + "." + inner.getKey(),
                                inner.getValue()));
              } else {
                set(
                    schema,
                    b,
                    ALIASES.getOrDefault(field.getKey(), field.getKey()),
                    field.getValue());
              }
            });
    return b.build();
  }

  private static void set(Schema schema, AccessRequest.Builder b, String name, JsonNode value) {
    Attribute a =
        schema
            .attribute(name)
            .orElseThrow(() -> new IllegalArgumentException("unknown attribute `" + name + "`"));
    AttributeType.Kind kind = a.type().kind();
    if (kind == AttributeType.Kind.INT && value.isIntegralNumber() && value.canConvertToLong()) {
      b.set(name, value.longValue());
    } else if (kind == AttributeType.Kind.BOOL && value.isBoolean()) {
      b.set(name, value.booleanValue());
    } else if (kind == AttributeType.Kind.SET && value.isArray()) {
      List<String> elements = new ArrayList<>();
      for (JsonNode e : value) {
        elements.add(textOf(name, e));
      }
      b.set(name, elements);
    } else if (kind != AttributeType.Kind.INT
        && kind != AttributeType.Kind.BOOL
        && kind != AttributeType.Kind.SET) {
      b.set(name, textOf(name, value));
    } else {
      throw new IllegalArgumentException("`" + name + "` is " + a.type() + ", not " + value);
    }
  }

  private static String textOf(String name, JsonNode value) {
    if (!value.isTextual()) {
      throw new IllegalArgumentException("`" + name + "` needs a string, not " + value);
    }
    return value.textValue();
  }

  /**
   * Returns the differences between what a case expects and a decision, as {@code gatehouse test}
   * prints them: a {@code -} line with the expected part and a {@code +} line with the actual one.
   */
  static List<String> diff(Expected expect, Decision actual) {
    List<String> lines = new ArrayList<>();
    if (expect.effect() != actual.effect()) {
      pair(lines, "effect", expect.effect().name(), actual.effect().name());
    }
    List<String> roles = expect.roles();
    if (roles != null && !sorted(roles).equals(sorted(actual.roles()))) {
      pair(lines, "roles", sorted(roles).toString(), sorted(actual.roles()).toString());
    }
    compare(
        lines,
        "reasons",
        expect.reasons(),
        actual.reasons(),
        ConformanceTest::matches,
        ConformanceTest::show);
    compare(
        lines,
        "requirements",
        expect.requirements(),
        actual.requirements(),
        ConformanceTest::matches,
        ConformanceTest::show);
    compare(
        lines,
        "reportOnly",
        expect.reportOnly(),
        actual.reportOnly(),
        ConformanceTest::matches,
        r -> r.policy() + " " + r.effect());
    return lines;
  }

  /**
   * Adds a diff unless every expected item matches a distinct actual one and none is left over;
   * items naming more fields are matched first, so a looser one never takes what a stricter needs.
   */
  private static <T> void compare(
      List<String> lines,
      String what,
      @Nullable List<Item> expected,
      List<T> actual,
      BiPredicate<Item, T> matches,
      Function<T, String> show) {
    if (expected == null) {
      return;
    }
    List<T> left = new ArrayList<>(actual);
    List<Item> strictFirst = new ArrayList<>(expected);
    strictFirst.sort(Comparator.comparingInt(ConformanceTest::looseness));
    boolean ok = expected.size() == actual.size();
    for (Item e : strictFirst) {
      int i = 0;
      while (i < left.size() && !matches.test(e, left.get(i))) {
        i++;
      }
      if (i == left.size()) {
        ok = false;
        break;
      }
      left.remove(i);
    }
    if (!ok) {
      pair(lines, what, joined(expected, ConformanceTest::show), joined(actual, show));
    }
  }

  private static int looseness(Item e) {
    return (e.policy() == null ? 1 : 0)
        + (e.factors() == null ? 1 : 0)
        + (e.within() == null ? 1 : 0);
  }

  private static boolean matches(Item e, Reason r) {
    return e.key().equals(r.code().id()) && (e.policy() == null || e.policy().equals(r.policy()));
  }

  private static boolean matches(Item e, Requirement r) {
    return e.key().equals(r.policy())
        && (e.factors() == null || sorted(e.factors()).equals(sorted(factors(r))))
        && (e.within() == null
            || r.kind() == Requirement.Kind.MFA && e.within().equals(r.within()));
  }

  private static boolean matches(Item e, ReportOnlyOutcome r) {
    return e.key().equals(r.policy()) && e.effect() == r.effect();
  }

  /** An SSO requirement's one factor is {@code sso}, as {@code gatehouse test} shows it. */
  private static List<String> factors(Requirement r) {
    return r.kind() == Requirement.Kind.SSO
        ? List.of(Factor.SSO.id())
        : r.factors().stream().map(Factor::id).toList();
  }

  private static String show(Item e) {
    return e.key()
        + (e.policy() == null ? "" : " [" + e.policy() + "]")
        + (e.factors() == null ? "" : " " + sorted(e.factors()))
        + (e.within() == null ? "" : " within " + e.within())
        + (e.effect() == null ? "" : " " + e.effect());
  }

  private static String show(Reason r) {
    return r.code().id() + (r.policy().isEmpty() ? "" : " [" + r.policy() + "]");
  }

  private static String show(Requirement r) {
    return r.policy()
        + " "
        + sorted(factors(r))
        + (r.kind() == Requirement.Kind.MFA ? " within " + r.within() : "");
  }

  private static <T> String joined(List<T> items, Function<T, String> show) {
    return items.stream().map(show).sorted().toList().toString();
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static void pair(List<String> lines, String what, String expected, String actual) {
    lines.add("- " + what + ": " + expected);
    lines.add("+ " + what + ": " + actual);
  }
}
