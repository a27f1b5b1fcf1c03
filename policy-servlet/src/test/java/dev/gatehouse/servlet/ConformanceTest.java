package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.conformance.ConformanceVectors;
import dev.gatehouse.engine.conformance.ConformanceVectors.Case;
import dev.gatehouse.engine.conformance.ConformanceVectors.Expected;
import dev.gatehouse.engine.conformance.ConformanceVectors.Item;
import dev.gatehouse.engine.conformance.ConformanceVectors.Vector;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared conformance vectors ({@code conformance/*.tests.json}) through {@link
 * GatehouseFilter} on a real Jetty over loopback HTTP, one dynamic test per case.
 *
 * <p>A case becomes an HTTP request as a host would produce it: the app is the path ({@code
 * /apps/<app>/}, or {@code /signin}), the client address an {@code X-Forwarded-For} from a trusted
 * proxy, the time the filter's clock, and the subject and authentication context what a sign-on
 * layer in front of the filter sets. What is compared is what crosses the wire: the status (the
 * effect), the reason codes of the problem body, the {@code max_age} and {@code acr_values} of a
 * challenge, and for a permitted request the roles, reason codes and report-only outcomes the
 * application reads from the decision. A case the filter cannot be given — an admin action, a
 * request without a user, a client address or a time, or an empty {@code auth.methods} (the filter
 * sets none then) — is reported as skipped, with the reason.
 */
final class ConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MAX_AGE = Pattern.compile("max_age=([0-9]+)");
  private static final Pattern ACR = Pattern.compile("acr_values=\"([^\"]*)\"");

  /** The request of each case, by the {@link ConformanceHost#CASE_HEADER} naming it. */
  private static final Map<String, JsonNode> REQUESTS = new ConcurrentHashMap<>();

  private static final List<JettyHarness> SERVERS = new CopyOnWriteArrayList<>();

  @AfterAll
  static void stopServers() throws Exception {
    for (JettyHarness server : SERVERS) {
      server.close();
    }
  }

  @TestFactory
  Stream<DynamicNode> vectors_overHttp_decideAsExpected() throws Exception {
    List<DynamicNode> files = new ArrayList<>();
    for (Path file : ConformanceVectors.files()) {
      files.add(container(ConformanceVectors.read(file)));
    }
    return files.stream();
  }

  private static DynamicNode container(Vector vector) throws Exception {
    PolicySet set = PolicyDsl.loadFiles(vector.policies()).orThrow();
    ConformanceHost.SettableClock clock = new ConformanceHost.SettableClock();
    GatehouseFilterBuilder builder =
        GatehouseFilter.builder(new PolicyEngineHolder(PolicyEngine.compile(set)))
            .signin("/signin")
            .clientIp(ClientIp.trusting(List.of("127.0.0.1/32"), ClientIp.Header.X_FORWARDED_FOR))
            .clock(clock);
    new TreeSet<>(apps(vector)).forEach(app -> builder.app("/apps/" + app + "/*", app));
    JettyHarness server =
        JettyHarness.start(
            builder.build(),
            false,
            (context, holder) -> {
              context.addFilter(
                  new FilterHolder(new ConformanceHost.SignOn(REQUESTS)),
                  "/*",
                  EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new ConformanceHost.Application()), "/apps/*");
              context.addServlet(new ServletHolder(new ConformanceHost.Application()), "/signin");
            });
    SERVERS.add(server);
    String name = vector.file().getFileName().toString();
    List<DynamicNode> tests = new ArrayList<>();
    for (int i = 0; i < vector.cases().size(); i++) {
      Case c = vector.cases().get(i);
      String key = name + "#" + i;
      REQUESTS.put(key, c.request());
      tests.add(dynamicTest(c.name(), () -> run(server, clock, key, c)));
    }
    return dynamicContainer(name, tests.stream());
  }

  private static List<String> apps(Vector vector) {
    List<String> apps = new ArrayList<>();
    for (Case c : vector.cases()) {
      if (c.request().path("app").isTextual()) {
        apps.add(c.request().get("app").textValue());
      }
    }
    return apps;
  }

  private static void run(
      JettyHarness server, ConformanceHost.SettableClock clock, String key, Case c)
      throws Exception {
    JsonNode request = c.request();
    String unsupported = unsupported(request);
    Assumptions.assumeTrue(unsupported == null, () -> "not expressible over HTTP: " + unsupported);
    clock.set(Instant.parse(request.get("time").textValue()));
    String path = request.has("app") ? "/apps/" + request.get("app").textValue() + "/x" : "/signin";
    HttpResponse<String> response =
        JettyHarness.get(
            server.uri(path),
            ConformanceHost.CASE_HEADER,
            key,
            "X-Forwarded-For",
            request.get("ip").textValue());
    assertThat(diff(c.expect(), response))
        .as("%s: what the client got differs from the vector (- expected, + actual)", c.name())
        .isEmpty();
  }

  /** Returns why the filter cannot be given this request, or null if it can. */
  private static @Nullable String unsupported(JsonNode request) {
    String action = request.path("action").asText(null);
    if (!"access".equals(action) && !"signin".equals(action)) {
      return "the filter decides `access` to an app and `signin`, not `" + action + "`";
    }
    if ("access".equals(action) != request.has("app")) {
      return "an `access` names an app and a `signin` none";
    }
    for (String field : List.of("ip", "time")) {
      if (!request.has(field)) {
        return "the filter always sets `" + field + "`";
      }
    }
    if (!request.path("user").has("id")) {
      return "the filter refuses a request without a user";
    }
    JsonNode methods = request.path("auth").path("methods");
    if (methods.isArray() && methods.isEmpty()) {
      return "the filter sets no `auth.methods` rather than an empty one";
    }
    return null;
  }

  private static List<String> diff(Expected expect, HttpResponse<String> response)
      throws IOException {
    Effect effect =
        switch (response.statusCode()) {
          case 200 -> Effect.PERMIT;
          case 401 -> Effect.CHALLENGE;
          case 403 -> Effect.DENY;
          default -> null;
        };
    List<String> lines = new ArrayList<>();
    if (effect == null) {
      pair(lines, "status", expect.effect().name(), response.statusCode() + " " + response.body());
      return lines;
    }
    if (effect != expect.effect()) {
      pair(lines, "effect", expect.effect().name(), effect.name());
    }
    JsonNode body = JSON.readTree(response.body());
    if (expect.reasons() != null) {
      TreeSet<String> codes = new TreeSet<>();
      expect.reasons().forEach(r -> codes.add(r.key()));
      TreeSet<String> actual = new TreeSet<>();
      body.path("reasons").forEach(r -> actual.add(r.asText()));
      if (!codes.equals(actual)) {
        pair(lines, "reason codes", codes.toString(), actual.toString());
      }
    }
    if (effect == Effect.PERMIT) {
      compare(lines, "roles", expect.roles(), body.path("roles"), e -> e);
      compare(
          lines,
          "reportOnly",
          expect.reportOnly(),
          body.path("reportOnly"),
          Item::key,
          e -> e.effect().name());
    }
    if (effect == Effect.CHALLENGE && expect.requirements() != null) {
      challenge(lines, expect.requirements(), response);
    }
    return lines;
  }

  /**
   * Compares the challenge header with the requirements: {@code max_age} is the shortest {@code
   * within}, and {@code acr_values} ask only for factors some requirement lists.
   */
  private static void challenge(
      List<String> lines, List<Item> requirements, HttpResponse<String> response) {
    String header = response.headers().firstValue("WWW-Authenticate").orElse("");
    long maxAge = -1;
    TreeSet<String> factors = new TreeSet<>();
    for (Item r : requirements) {
      if (r.within() != null) {
        long seconds = r.within().getSeconds();
        maxAge = maxAge < 0 ? seconds : Math.min(maxAge, seconds);
      }
      if (r.factors() != null) {
        factors.addAll(r.factors());
      }
    }
    Matcher age = MAX_AGE.matcher(header);
    String actualAge = age.find() ? age.group(1) : "none";
    if (!actualAge.equals(maxAge < 0 ? "none" : Long.toString(maxAge))) {
      pair(lines, "max_age", maxAge < 0 ? "none" : Long.toString(maxAge), actualAge);
    }
    Matcher acr = ACR.matcher(header);
    List<String> asked = acr.find() ? List.of(acr.group(1).split(" ")) : List.of();
    if (asked.isEmpty() || !factors.isEmpty() && !factors.containsAll(asked)) {
      pair(lines, "acr_values", "some of " + factors, asked.toString());
    }
  }

  @SafeVarargs
  private static <T> void compare(
      List<String> lines,
      String what,
      @Nullable List<T> expected,
      JsonNode actual,
      Function<T, Object>... parts) {
    if (expected == null) {
      return;
    }
    TreeSet<String> want = new TreeSet<>();
    for (T e : expected) {
      StringBuilder s = new StringBuilder();
      for (var part : parts) {
        s.append(s.length() == 0 ? "" : " ").append(part.apply(e));
      }
      want.add(s.toString());
    }
    TreeSet<String> got = new TreeSet<>();
    actual.forEach(a -> got.add(a.asText()));
    if (!want.equals(got) || expected.size() != actual.size()) {
      pair(lines, what, want.toString(), got.toString());
    }
  }

  private static void pair(List<String> lines, String what, String expected, String actual) {
    lines.add("- " + what + ": " + expected);
    lines.add("+ " + what + ": " + actual);
  }
}
