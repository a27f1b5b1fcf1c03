package dev.gatehouse.servlet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host around {@link GatehouseFilter} when it runs the conformance vectors: the sign-on layer
 * in front of it, the application behind it, and its clock.
 */
final class ConformanceHost {

  /** The request header naming the case a request stands for. */
  static final String CASE_HEADER = "X-Conformance-Case";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConformanceHost() {}

  /**
   * The host's sign-on layer: sets the subject, the factors it verified and the time of the sign-in
   * from the case the request stands for.
   */
  static final class SignOn implements Filter {
    private final Map<String, JsonNode> requests;

    SignOn(Map<String, JsonNode> requests) {
      this.requests = requests;
    }

    private static final List<String> OWNED = List.of("app", "action", "ip", "time", "auth");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      JsonNode c = requests.get(String.valueOf(http.getHeader(CASE_HEADER)));
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
