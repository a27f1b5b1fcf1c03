package dev.gatehouse.engine.conformance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.ReasonCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The shared conformance vectors ({@code conformance/*.tests.json} at the repository root), read
 * strictly as {@code conformance/README.md} specifies: an unknown or missing field, a value of the
 * wrong kind, an unknown effect or reason code, or a malformed duration is an error naming the file
 * and the place in it.
 */
public final class ConformanceVectors {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h|d)");
  private static final Set<String> CODES =
      Arrays.stream(ReasonCode.values()).map(ReasonCode::id).collect(Collectors.toSet());

  private ConformanceVectors() {}

  /** One vector file: the policy files that form its set, and its cases in file order. */
  public record Vector(Path file, List<Path> policies, List<Case> cases) {}

  /** One case: a request, in the request JSON of {@code gatehouse eval}, and its decision. */
  public record Case(String name, JsonNode request, Expected expect) {}

  /** The decision a case expects; a null list is not compared. */
  public record Expected(
      Effect effect,
      @Nullable List<String> roles,
      @Nullable List<Item> reasons,
      @Nullable List<Item> requirements,
      @Nullable List<Item> reportOnly) {}

  /**
   * One expected reason ({@code key} a code, {@code policy} optional), requirement ({@code key} a
   * policy, {@code factors} and {@code within} optional) or report-only outcome ({@code key} a
   * policy, with its {@code effect}).
   */
  public record Item(
      String key,
      @Nullable String policy,
      @Nullable List<String> factors,
      @Nullable Duration within,
      @Nullable Effect effect) {}

  /**
   * Returns the {@code conformance} directory of the repository: that of the first directory, from
   * the working directory up, holding both {@code pom.xml} and {@code conformance/README.md}, so
   * that a module's tests (run with the module directory as working directory) and a run from the
   * root both find it.
   */
  public static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("conformance");
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("README.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no conformance/README.md beside a pom.xml in "
            + Path.of("").toAbsolutePath()
            + " or a parent");
  }

  /** Returns every vector file, sorted by name; there must be at least one. */
  public static List<Path> files() {
    try (Stream<Path> entries = Files.list(directory())) {
      List<Path> files =
          entries.filter(p -> p.getFileName().toString().endsWith(".tests.json")).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalStateException("no *.tests.json in " + directory());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one vector file. */
  public static Vector read(Path file) {
    try {
      return parse(file, Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a vector from its text; policy paths are resolved against {@code file}'s directory.
   *
   * @throws IllegalArgumentException naming the file, the place and the problem
   */
  public static Vector parse(Path file, String text) {
    String at = file.getFileName().toString();
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(at + ": malformed JSON: " + e.getMessage(), e);
    }
    fields(at, root, Set.of("policies", "cases"), Set.of("policies", "cases"));
    List<Path> policies = new ArrayList<>();
    for (String path : strings(at + ": `policies`", root.get("policies"))) {
      Path resolved = file.resolveSibling(path).normalize();
      if (!path.endsWith(".policy") || !Files.isRegularFile(resolved)) {
        throw new IllegalArgumentException(at + ": `policies`: no policy file `" + path + "`");
      }
      policies.add(resolved);
    }
    if (policies.isEmpty()) {
      throw new IllegalArgumentException(at + ": `policies` lists no file");
    }
    JsonNode cases = array(at + ": `cases`", root.get("cases"));
    if (cases.isEmpty()) {
      throw new IllegalArgumentException(at + ": `cases` is empty");
    }
    List<Case> list = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = testCase(at + ": cases[" + i + "]", cases.get(i));
      if (!names.add(c.name())) {
        throw new IllegalArgumentException(
            at + ": cases[" + i + "]: a second case `" + c.name() + "`");
      }
      list.add(c);
    }
    return new Vector(file, List.copyOf(policies), List.copyOf(list));
  }

  private static Case testCase(String at, JsonNode node) {
    Set<String> all = Set.of("name", "request", "expect");
    fields(at, node, all, all);
    String name = text(at + ".name", node.get("name"));
    JsonNode request = node.get("request");
    if (!request.isObject()) {
      throw new IllegalArgumentException(at + ".request: expected an object");
    }
    String where = at + " `" + name + "`: expect";
    JsonNode expect = node.get("expect");
    fields(
        where,
        expect,
        Set.of("effect", "roles", "reasons", "requirements", "reportOnly"),
        Set.of("effect"));
    return new Case(
        name,
        request,
        new Expected(
            effect(where + ".effect", expect.get("effect")),
            expect.has("roles") ? strings(where + ".roles", expect.get("roles")) : null,
            items(where + ".reasons", expect.get("reasons"), ConformanceVectors::reason),
            items(where + ".requirements", expect.get("requirements"), ConformanceVectors::need),
            items(where + ".reportOnly", expect.get("reportOnly"), ConformanceVectors::reported)));
  }

  private interface ItemReader {
    Item read(String at, JsonNode node);
  }

  private static @Nullable List<Item> items(String at, @Nullable JsonNode node, ItemReader read) {
    if (node == null) {
      return null;
    }
    JsonNode array = array(at, node);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      items.add(read.read(at + "[" + i + "]", array.get(i)));
    }
    return List.copyOf(items);
  }

  private static Item reason(String at, JsonNode node) {
    if (node.isTextual()) {
      return new Item(code(at, node), null, null, null, null);
    }
    fields(at, node, Set.of("code", "policy"), Set.of("code", "policy"));
    return new Item(
        code(at + ".code", node.get("code")),
        text(at + ".policy", node.get("policy")),
        null,
        null,
        null);
  }

  private static Item need(String at, JsonNode node) {
    fields(at, node, Set.of("policy", "factors", "within"), Set.of("policy"));
    return new Item(
        text(at + ".policy", node.get("policy")),
        null,
        node.has("factors") ? strings(at + ".factors", node.get("factors")) : null,
        node.has("within") ? duration(at + ".within", node.get("within")) : null,
        null);
  }

  private static Item reported(String at, JsonNode node) {
    fields(at, node, Set.of("policy", "effect"), Set.of("policy", "effect"));
    return new Item(
        text(at + ".policy", node.get("policy")),
        null,
        null,
        null,
        effect(at + ".effect", node.get("effect")));
  }

  private static Effect effect(String at, @Nullable JsonNode node) {
    String text = text(at, node);
    for (Effect e : Effect.values()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        at + ": unknown effect `" + text + "`; expected PERMIT, DENY or CHALLENGE");
  }

  private static String code(String at, JsonNode node) {
    String code = text(at, node);
    if (!CODES.contains(code)) {
      throw new IllegalArgumentException(at + ": unknown reason code `" + code + "`");
    }
    return code;
  }

  private static Duration duration(String at, JsonNode node) {
    String text = text(at, node);
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(at + ": malformed duration `" + text + "`");
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

  private static void fields(
      String at, @Nullable JsonNode node, Set<String> allowed, Set<String> required) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(at + ": expected an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(at + ": unknown field `" + name + "`");
      }
    }
    for (String name : required) {
      if (!node.has(name)) {
        throw new IllegalArgumentException(at + ": missing field `" + name + "`");
      }
    }
  }

  private static JsonNode array(String at, @Nullable JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException(at + ": expected an array");
    }
    return node;
  }

  private static List<String> strings(String at, @Nullable JsonNode node) {
    List<String> values = new ArrayList<>();
    for (JsonNode element : array(at, node)) {
      values.add(text(at + " element", element));
    }
    return List.copyOf(values);
  }

  private static String text(String at, @Nullable JsonNode node) {
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(at + ": expected a string");
    }
    return node.textValue();
  }
}
