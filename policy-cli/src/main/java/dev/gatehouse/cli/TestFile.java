package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.internal.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A policy test file, read strictly: {@code {"policies": [paths], "cases": [{"name", "request",
 * "expect"}]}}, where policy paths are relative to the test file and {@code expect} holds the
 * {@code effect} and, optionally, {@code roles}, {@code reasons}, {@code requirements} and {@code
 * reportOnly}. Unknown fields are errors.
 *
 * @param file the test file
 * @param policies the policy paths, resolved against the test file's directory
 * @param cases the cases in file order
 */
record TestFile(Path file, List<Path> policies, List<Case> cases) {

  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");

  /** One test case: a request and what its decision must be. */
  record Case(String name, String where, JsonNode request, Expectation expect) {}

  /**
   * What a decision must hold; a null list is not checked.
   *
   * @param effect the effect
   * @param roles the roles, in any order
   * @param reasons the reasons, each a code alone or a code and its policy, in any order
   * @param requirements the unmet requirements, each a policy and optionally factors and within
   * @param reportOnly what report-only policies would have done, in any order
   */
  record Expectation(
      Effect effect,
      @Nullable List<String> roles,
      @Nullable List<Expected> reasons,
      @Nullable List<Expected> requirements,
      @Nullable List<Expected> reportOnly) {}

  /**
   * One expected reason, requirement or report-only outcome: its key (a reason code or policy id)
   * and the further fields the actual one must match, null where not given.
   */
  record Expected(
      String key,
      @Nullable String policy,
      @Nullable List<String> factors,
      @Nullable Duration within,
      @Nullable String effect) {}

  /**
   * Reads a test file from its text.
   *
   * @throws BadInputException naming the file, the place in it and the problem
   */
  static TestFile parse(Path file, String text) {
    String source = file.toString();
    JsonNode root = Json.parse(source, text);
    fields(source, root, Set.of("policies", "cases"), Set.of("policies", "cases"));
    List<Path> policies = new ArrayList<>();
    for (String path : strings(source + ": `policies`", root.get("policies"))) {
      Path resolved = file.resolveSibling(path).normalize();
      if (!Files.exists(resolved)) {
        throw new BadInputException(
            source
                + ": `policies`: no such file or directory `"
                + path
                + "` (`"
                + resolved
                + "`: paths are relative to the test file)");
      }
      policies.add(resolved);
    }
    if (policies.isEmpty()) {
      throw new BadInputException(source + ": `policies` lists no file");
    }
    JsonNode cases = array(source + ": `cases`", root.get("cases"));
    List<Case> list = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      list.add(testCase(source + ": cases[" + i + "]", cases.get(i)));
    }
    return new TestFile(file, policies, list);
  }

  private static Case testCase(String where, JsonNode node) {
    fields(where, node, Set.of("name", "request", "expect"), Set.of("name", "request", "expect"));
    String name = text(where + ": `name`", node.get("name"));
    JsonNode request = node.get("request");
    JsonNode expect = node.get("expect");
    String at = where + " `" + name + "`";
    fields(
        at + ": `expect`",
        expect,
        Set.of("effect", "roles", "reasons", "requirements", "reportOnly"),
        Set.of("effect"));
    return new Case(name, at, request, expectation(at + ": `expect`", expect));
  }

  private static Expectation expectation(String where, JsonNode node) {
    Effect effect = effect(where + ".effect", node.get("effect"));
    List<String> roles = node.has("roles") ? strings(where + ".roles", node.get("roles")) : null;
    return new Expectation(
        effect,
        roles,
        list(where + ".reasons", node.get("reasons"), TestFile::reason),
        list(where + ".requirements", node.get("requirements"), TestFile::requirement),
        list(where + ".reportOnly", node.get("reportOnly"), TestFile::reportOnly));
  }

  private static Effect effect(String where, @Nullable JsonNode node) {
    String text = text(where, node);
    try {
      return Effect.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          where + ": unknown effect `" + text + "`; expected PERMIT, DENY or CHALLENGE");
    }
  }

  private static String code(String where, @Nullable JsonNode node) {
    String code = text(where, node);
    List<String> codes = Arrays.stream(ReasonCode.values()).map(ReasonCode::id).toList();
    if (!codes.contains(code)) {
      throw new BadInputException(
          where
              + ": unknown reason code `"
              + code
              + "`"
              + Suggestions.nearest(code, codes)
                  .map(s -> "; did you mean `" + s + "`?")
                  .orElse("; expected one of " + String.join(", ", codes)));
    }
    return code;
  }

  private interface ItemReader {
    Expected read(String where, JsonNode node);
  }

  private static @Nullable List<Expected> list(
      String where, @Nullable JsonNode node, ItemReader reader) {
    if (node == null) {
      return null;
    }
    JsonNode array = array(where, node);
    List<Expected> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      items.add(reader.read(where + "[" + i + "]", array.get(i)));
    }
    return items;
  }

  private static Expected reason(String where, JsonNode node) {
    if (node.isTextual()) {
      return new Expected(code(where, node), null, null, null, null);
    }
    fields(where, node, Set.of("code", "policy"), Set.of("code", "policy"));
    return new Expected(
        code(where + ".code", node.get("code")),
        text(where + ".policy", node.get("policy")),
        null,
        null,
        null);
  }

  private static Expected requirement(String where, JsonNode node) {
    fields(where, node, Set.of("policy", "factors", "within"), Set.of("policy"));
    List<String> factors =
        node.has("factors") ? strings(where + ".factors", node.get("factors")) : null;
    Duration within = node.has("within") ? duration(where + ".within", node.get("within")) : null;
    return new Expected(text(where + ".policy", node.get("policy")), null, factors, within, null);
  }

  /** Reads a duration as the language writes it ({@code 60m}); compared by value, so 60m is 1h. */
  private static Duration duration(String where, @Nullable JsonNode node) {
    String text = text(where, node);
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new BadInputException(
          where
              + ": malformed duration `"
              + text
              + "`: expected a whole number and a unit `ms`, `s`, `m`, `h` or `d`, such as `8h`");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static Expected reportOnly(String where, JsonNode node) {
    fields(where, node, Set.of("policy", "effect"), Set.of("policy", "effect"));
    String effect = effect(where + ".effect", node.get("effect")).name();
    return new Expected(text(where + ".policy", node.get("policy")), null, null, null, effect);
  }

  /** Checks that {@code node} is an object with only {@code allowed} fields and every required. */
  private static void fields(
      String where, @Nullable JsonNode node, Set<String> allowed, Set<String> required) {
    if (node == null || !node.isObject()) {
      throw new BadInputException(
          where + ": expected an object, not " + (node == null ? "nothing" : Json.kind(node)));
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new BadInputException(
            where
                + ": unknown field `"
                + name
                + "`; expected "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    for (String name : required.stream().sorted().toList()) {
      if (!node.has(name)) {
        throw new BadInputException(where + ": missing field `" + name + "`");
      }
    }
  }

  private static JsonNode array(String where, @Nullable JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new BadInputException(
          where + " must be an array, not " + (node == null ? "missing" : Json.kind(node)));
    }
    return node;
  }

  private static List<String> strings(String where, @Nullable JsonNode node) {
    List<String> values = new ArrayList<>();
    for (JsonNode element : array(where, node)) {
      values.add(text(where + " element", element));
    }
    return values;
  }

  private static String text(String where, @Nullable JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new BadInputException(
          where + " must be a string, not " + (node == null ? "missing" : Json.kind(node)));
    }
    return node.textValue();
  }
}
