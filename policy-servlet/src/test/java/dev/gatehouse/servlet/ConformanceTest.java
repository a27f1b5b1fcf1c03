package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.servlet.ConformanceVectors.Case;
import dev.gatehouse.servlet.ConformanceVectors.Expected;
import dev.gatehouse.servlet.ConformanceVectors.Item;
import dev.gatehouse.servlet.ConformanceVectors.Vector;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
  private static final String CASE_HEADER = "X-Conformance-Case";
  private static final Pattern MAX_AGE = Pattern.compile("max_age=([0-9]+)");
  private static final Pattern ACR = Pattern.compile("acr_values=\"([^\"]*)\"");

  /** The case each request stands for, by its {@link #CASE_HEADER} value. */
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
    SettableClock clock = new SettableClock();
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
                  new FilterHolder(new SignOn()), "/*", EnumSet.of(DispatcherType.REQUEST));
              context.addServlet(new ServletHolder(new Application()), "/apps/*");
              context.addServlet(new ServletHolder(new Application()), "/signin");
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

  private static void run(JettyHarness server, SettableClock clock, String key, Case c)
      throws Exception {
    JsonNode request = c.request();
    String unsupported = unsupported(request);
    Assumptions.assumeTrue(unsupported == null, () -> "not expressible over HTTP: " + unsupported);
    clock.set(Instant.parse(request.get("time").textValue()));
    String path = request.has("app") ? "/apps/" + request.get("app").textValue() + "/x" : "/signin";
    HttpResponse<String> response =
        JettyHarness.get(
            server.uri(path), CASE_HEADER, key, "X-Forwarded-For", request.get("ip").textValue());
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

  /**
   * The host's sign-on layer: sets the subject, the factors it verified and the time of the sign-in
   * from the case the request stands for.
   */
  static final class SignOn implements Filter {
    private static final List<String> OWNED = List.of("app", "action", "ip", "time", "auth");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      JsonNode c = REQUESTS.get(String.valueOf(http.getHeader(CASE_HEADER)));
      if (c != null) {
        Map<String, Object> subject = new LinkedHashMap<>();
        c.properties()
            .forEach(
                field -> {
                  if (OWNED.contains(field.getKey())) {
                    return;
                  }
                  if (field.getValue().isObject()) {
                    field
                        .getValue()
                        .properties()
                        .forEach(
                            a ->
                                subject.put(
                                    field.getKey() + "." + a.getKey(), value(a.getValue())));
                  } else {
                    subject.put(field.getKey(), value(field.getValue()));
                  }
                });
        http.setAttribute(SubjectResolver.SUBJECT_ATTRIBUTE, subject);
        JsonNode auth = c.path("auth");
        if (auth.has("methods")) {
          http.setAttribute(GatehouseFilter.AUTH_METHODS_ATTRIBUTE, value(auth.get("methods")));
        }
        if (auth.has("time")) {
          http.setAttribute(
              GatehouseFilter.AUTH_TIME_ATTRIBUTE, Instant.parse(auth.get("time").textValue()));
        }
      }
      chain.doFilter(request, response);
    }

    /** A JSON value as a host's Java code holds it: a string, long, boolean or list of strings. */
    private static Object value(JsonNode v) {
      if (v.isArray()) {
        List<String> strings = new ArrayList<>();
        v.forEach(e -> strings.add(e.asText()));
        return strings;
      }
      if (v.isIntegralNumber()) {
        return v.longValue();
      }
      return v.isBoolean() ? (Object) v.booleanValue() : v.asText();
    }
  }

  /** The application behind the filter: answers with what it reads from the decision. */
  static final class Application extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Decision decision = (Decision) request.getAttribute(GatehouseFilter.DECISION_ATTRIBUTE);
      ObjectNode body = JSON.createObjectNode();
      ArrayNode roles = body.putArray("roles");
      decision.roles().forEach(roles::add);
      ArrayNode reasons = body.putArray("reasons");
      for (Reason r : decision.reasons()) {
        reasons.add(r.code().id());
      }
      ArrayNode reportOnly = body.putArray("reportOnly");
      for (ReportOnlyOutcome r : decision.reportOnly()) {
        reportOnly.add(r.policy() + " " + r.effect().name());
      }
      response.setContentType("application/json");
      response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
  }

  /** The filter's clock, set to each case's {@code time} before its request is sent. */
  static final class SettableClock extends Clock {
    private volatile Instant now = Instant.EPOCH;

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the filter reads instants only");
    }
  }
}
