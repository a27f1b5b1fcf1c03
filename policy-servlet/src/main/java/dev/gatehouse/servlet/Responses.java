package dev.gatehouse.servlet;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.Requirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes the 403, 401 and 302 answers to a decision that does not permit; bodies are RFC 9457
 * problems naming reason codes and nothing else. Public so that other adapters (the Spring Security
 * one) answer exactly as {@link GatehouseFilter} does.
 *
 * <pre>{@code
 * Responses responses = new Responses(Map.of(Factor.WEBAUTHN, "phr"), null);
 * responses.challenge(request, response, decision); // 401 with RFC 9470 WWW-Authenticate
 * Responses.deny(response, Responses.codes(decision)); // 403 problem+json
 * }</pre>
 */
public final class Responses {

  /** The media type of the problem bodies, {@code application/problem+json}. */
  public static final String PROBLEM_JSON = "application/problem+json";

  private final Map<Factor, String> acrValues;
  private final @Nullable String stepUpUrl;

  /**
   * Creates the answers.
   *
   * @param acrValues the ACR value to ask for per factor; a factor without one is asked for by its
   *     id, such as {@code totp}
   * @param stepUpUrl where a browser is sent to sign in again, or null to answer 401 to every
   *     challenge
   */
  public Responses(Map<Factor, String> acrValues, @Nullable String stepUpUrl) {
    this.acrValues = Map.copyOf(acrValues);
    this.stepUpUrl = stepUpUrl;
  }

  /**
   * Answers 403 with an RFC 9457 problem naming {@code codes}.
   *
   * @param response the response to write
   * @param codes the reason codes, such as {@code not_assigned}
   * @throws IOException if the body cannot be written
   */
  public static void deny(HttpServletResponse response, List<String> codes) throws IOException {
    problem(
        response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "access denied by policy", codes);
  }

  /** Answers 400 with an RFC 9457 problem naming {@code codes}. */
  static void badRequest(HttpServletResponse response, String detail, List<String> codes)
      throws IOException {
    problem(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", detail, codes);
  }

  /**
   * Answers a CHALLENGE: a redirect to the step-up URL with {@code acr_values}, {@code max_age} and
   * {@code return_to} for a browser's GET if there is a step-up URL, else 401 with an RFC 9470
   * {@code insufficient_user_authentication} challenge and a problem body.
   *
   * @param request the request challenged
   * @param response the response to write
   * @param decision the CHALLENGE
   * @throws IOException if the body cannot be written
   */
  public void challenge(HttpServletRequest request, HttpServletResponse response, Decision decision)
      throws IOException {
    String acr = String.join(" ", acrValues(decision.requirements()));
    long maxAge = maxAge(decision.requirements());
    if (stepUpUrl != null && isBrowser(request)) {
      StringBuilder location =
          new StringBuilder(stepUpUrl)
              .append(stepUpUrl.indexOf('?') < 0 ? '?' : '&')
              .append("acr_values=")
              .append(URLEncoder.encode(acr, StandardCharsets.UTF_8));
      if (maxAge >= 0) {
        location.append("&max_age=").append(maxAge);
      }
      location
          .append("&return_to=")
          .append(URLEncoder.encode(returnTo(request), StandardCharsets.UTF_8));
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Location", location.toString());
      response.setStatus(HttpServletResponse.SC_FOUND);
      return;
    }
    StringBuilder header =
        new StringBuilder("Bearer error=\"insufficient_user_authentication\"")
            .append(", error_description=\"a stronger or more recent authentication is required\"")
            .append(", acr_values=\"")
            .append(acr)
            .append('"');
    if (maxAge >= 0) {
      header.append(", max_age=").append(maxAge);
    }
    response.setHeader("WWW-Authenticate", header.toString());
    problem(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        "a stronger or more recent authentication is required",
        codes(decision));
  }

  /**
   * Returns the distinct reason codes of a decision, in order.
   *
   * @param decision the decision
   * @return the distinct reason codes, such as {@code mfa_required}
   */
  public static List<String> codes(Decision decision) {
    Set<String> codes = new LinkedHashSet<>();
    for (Reason reason : decision.reasons()) {
      codes.add(reason.code().id());
    }
    return List.copyOf(codes);
  }

  /**
   * Returns the ACR values to ask for: the factors that satisfy every unmet MFA requirement at once
   * if there are any, else all factors asked for, plus the SSO value if SSO is required.
   */
  List<String> acrValues(List<Requirement> requirements) {
    Set<Factor> all = new LinkedHashSet<>();
    Set<Factor> common = null;
    boolean sso = false;
    for (Requirement r : requirements) {
      if (r.kind() == Requirement.Kind.SSO) {
        sso = true;
        continue;
      }
      all.addAll(r.factors());
      if (common == null) {
        common = new LinkedHashSet<>(r.factors());
      } else {
        common.retainAll(r.factors());
      }
    }
    Set<Factor> chosen = common == null || common.isEmpty() ? all : common;
    if (sso) {
      chosen.add(Factor.SSO);
    }
    List<String> values = new ArrayList<>();
    for (Factor f : chosen) {
      String value = acrValues.getOrDefault(f, f.id());
      if (!values.contains(value)) {
        values.add(value);
      }
    }
    return values;
  }

  /** Returns the strictest {@code within} of the MFA requirements in seconds, or -1 if none. */
  static long maxAge(List<Requirement> requirements) {
    long maxAge = -1;
    for (Requirement r : requirements) {
      if (r.kind() == Requirement.Kind.MFA) {
        long seconds = r.within().getSeconds();
        maxAge = maxAge < 0 ? seconds : Math.min(maxAge, seconds);
      }
    }
    return maxAge;
  }

  /** Returns whether a redirect suits the request: a GET or HEAD that accepts HTML. */
  static boolean isBrowser(HttpServletRequest request) {
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return false;
    }
    String accept = request.getHeader("Accept");
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (parts[0].strip().toLowerCase(Locale.ROOT).equals("text/html") && !rejects(parts)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rejects(String[] parameters) {
    for (int i = 1; i < parameters.length; i++) {
      String p = parameters[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
      if (p.equals("q=0") || p.matches("q=0\\.0*")) {
        return true;
      }
    }
    return false;
  }

  /** The path and query to come back to: relative to this server, so never an open redirect. */
  private static String returnTo(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getRequestURI() + (query == null ? "" : "?" + query);
  }

  private static void problem(
      HttpServletResponse response, int status, String title, String detail, List<String> codes)
      throws IOException {
    StringBuilder json =
        new StringBuilder("{\"type\":\"about:blank\",\"title\":\"")
            .append(title)
            .append("\",\"status\":")
            .append(status)
            .append(",\"detail\":\"")
            .append(detail)
            .append("\",\"reasons\":[");
    for (int i = 0; i < codes.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"").append(jsonEscape(codes.get(i))).append('"');
    }
    json.append("]}");
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(PROBLEM_JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
