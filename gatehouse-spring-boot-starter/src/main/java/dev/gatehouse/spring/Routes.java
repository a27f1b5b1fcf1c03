package dev.gatehouse.spring;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The {@code gatehouse.routes}, matched in order with Spring Security's path patterns. Without any,
 * the first path segment names the app: {@code /books/ledger} accesses {@code books}.
 */
final class Routes {

  /** What a request accesses: an app, the org sign-in, or a delegated action on a target. */
  record Target(@Nullable String app, String action, Map<String, String> target) {}

  private record Route(List<RequestMatcher> matchers, GatehouseProperties.Route spec) {}

  private final List<Route> routes;

  private Routes(List<Route> routes) {
    this.routes = routes;
  }

  /** Checks every route and says which one is wrong. */
  static Routes of(List<GatehouseProperties.Route> specs) {
    if (specs.isEmpty()) {
      GatehouseProperties.Route bySegment = new GatehouseProperties.Route();
      bySegment.setPattern("/{app}/**");
      bySegment.setApp("{app}");
      specs = List.of(bySegment);
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      GatehouseProperties.Route spec = specs.get(i);
      String where = "`gatehouse.routes[" + i + "]`";
      if (spec.getPattern() == null || !spec.getPattern().startsWith("/")) {
        throw new IllegalArgumentException(where + " has a pattern that does not start with `/`");
      }
      boolean access = "access".equals(spec.getAction());
      boolean hasApp = spec.getApp() != null && !spec.getApp().isBlank();
      if (access != hasApp) {
        throw new IllegalArgumentException(
            where
                + (access
                    ? " accesses no app"
                    : " names an app for action `"
                        + spec.getAction()
                        + "`; only `access` has one"));
      }
      List<RequestMatcher> matchers = new ArrayList<>();
      PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
      if (spec.getMethods().isEmpty()) {
        matchers.add(builder.matcher(spec.getPattern()));
      }
      for (String method : spec.getMethods()) {
        matchers.add(
            builder.matcher(
                HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), spec.getPattern()));
      }
      routes.add(new Route(List.copyOf(matchers), spec));
    }
    return new Routes(List.copyOf(routes));
  }

  /** Returns the target of the first route matching {@code request}. */
  Optional<Target> match(HttpServletRequest request) {
    for (Route route : routes) {
      for (RequestMatcher matcher : route.matchers()) {
        RequestMatcher.MatchResult result = matcher.matcher(request);
        if (result.isMatch()) {
          return Optional.of(target(route.spec(), result.getVariables()));
        }
      }
    }
    return Optional.empty();
  }

  private static Target target(GatehouseProperties.Route spec, Map<String, String> variables) {
    Map<String, String> target = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : spec.getTarget().entrySet()) {
      String value = value(e.getValue(), variables);
      if (value != null) {
        target.put("target." + e.getKey(), value);
      }
    }
    String app =
        spec.getApp() == null || spec.getApp().isBlank() ? null : value(spec.getApp(), variables);
    return new Target(app, spec.getAction(), Map.copyOf(target));
  }

  /**
   * Returns {@code value} as written, or the path variable it names as {@code {var}}; null for an
   * unmatched variable, which leaves the attribute unset so that policies see it missing.
   */
  private static @Nullable String value(String value, Map<String, String> variables) {
    if (value.length() > 2 && value.startsWith("{") && value.endsWith("}")) {
      return variables.get(value.substring(1, value.length() - 1));
    }
    return value;
  }
}
