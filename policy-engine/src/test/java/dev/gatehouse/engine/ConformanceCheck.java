package dev.gatehouse.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.Schema;
import dev.gatehouse.engine.conformance.ConformanceVectors.Expected;
import dev.gatehouse.engine.conformance.ConformanceVectors.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a conformance case is run on an evaluator: its request JSON built into an {@link
 * AccessRequest}, and the decision compared with what the case expects, as {@code gatehouse test}
 * compares them.
 */
final class ConformanceCheck {

  private static final Map<String, String> ALIASES =
      Map.of("action", "request.action", "ip", "request.ip", "time", "request.time");

  private ConformanceCheck() {}

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
        ConformanceCheck::matches,
        ConformanceCheck::show);
    compare(
        lines,
        "requirements",
        expect.requirements(),
        actual.requirements(),
        ConformanceCheck::matches,
        ConformanceCheck::show);
    compare(
        lines,
        "reportOnly",
        expect.reportOnly(),
        actual.reportOnly(),
        ConformanceCheck::matches,
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
    strictFirst.sort(Comparator.comparingInt(ConformanceCheck::looseness));
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
      pair(lines, what, joined(expected, ConformanceCheck::show), joined(actual, show));
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
