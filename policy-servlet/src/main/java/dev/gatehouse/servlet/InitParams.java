package dev.gatehouse.servlet;

import dev.gatehouse.api.Factor;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.PolicySource;
import jakarta.servlet.FilterConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads a filter configuration from init parameters, for containers that create the filter from
 * {@code web.xml} or annotations. Lists are separated by commas or whitespace.
 */
final class InitParams {

  static final String HOLDER = "gatehouse.holder-attribute";
  static final String APPS = "gatehouse.apps";
  static final String SIGNIN = "gatehouse.signin";
  static final String PERMIT_UNMAPPED = "gatehouse.permit-unmapped";
  static final String ALLOW_UNSAFE_PATHS = "gatehouse.allow-unsafe-paths";
  static final String TRUSTED_PROXIES = "gatehouse.trusted-proxies";
  static final String FORWARDED_HEADER = "gatehouse.forwarded-header";
  static final String STEP_UP_URL = "gatehouse.step-up-url";
  static final String LOG_LEVEL = "gatehouse.log-level";
  static final String SUBJECT_RESOLVER = "gatehouse.subject-resolver";
  static final String AMR = "gatehouse.amr";
  static final String SAML = "gatehouse.saml";
  static final String ACR_VALUES = "gatehouse.acr-values";

  private InitParams() {}

  static FilterSettings read(FilterConfig config) {
    String holderName = param(config, HOLDER, GatehouseFilter.HOLDER_ATTRIBUTE);
    Object holder = config.getServletContext().getAttribute(holderName);
    if (holder instanceof PolicySource) {
      holder = ((PolicySource) holder).holder();
    }
    if (!(holder instanceof PolicyEngineHolder)) {
      throw new IllegalArgumentException(
          "servlet context attribute `" + holderName + "` holds no PolicyEngineHolder");
    }
    GatehouseFilterBuilder b = new GatehouseFilterBuilder((PolicyEngineHolder) holder);
    paths(config, b);
    List<String> proxies = list(param(config, TRUSTED_PROXIES, ""));
    if (!proxies.isEmpty()) {
      b.clientIp(
          ClientIp.trusting(proxies, header(param(config, FORWARDED_HEADER, "X-Forwarded-For"))));
    }
    String stepUp = config.getInitParameter(STEP_UP_URL);
    if (stepUp != null && !stepUp.isBlank()) {
      b.stepUpUrl(stepUp.strip());
    }
    b.logLevel(level(param(config, LOG_LEVEL, "DEBUG")));
    String resolver = config.getInitParameter(SUBJECT_RESOLVER);
    if (resolver != null && !resolver.isBlank()) {
      b.subjectResolver(instantiate(resolver.strip()));
    }
    b.authContextMapping(authContext(config));
    for (String[] pair : pairs(config, ACR_VALUES)) {
      b.acrValue(factor(pair[0]), pair[1]);
    }
    return b.settings();
  }

  /** Reads the app mapping, the sign-in paths and what to do with the rest. */
  private static void paths(FilterConfig config, GatehouseFilterBuilder b) {
    for (String[] pair : pairs(config, APPS)) {
      b.app(pair[0], pair[1]);
    }
    for (String pattern : list(param(config, SIGNIN, ""))) {
      b.signin(pattern);
    }
    if (bool(config, PERMIT_UNMAPPED)) {
      b.permitUnmapped();
    }
    if (bool(config, ALLOW_UNSAFE_PATHS)) {
      b.allowUnsafePaths();
    }
  }

  /** The standard mapping, extended by {@code value=factor factor} entries of two parameters. */
  private static AuthContextMapping authContext(FilterConfig config) {
    AuthContextMapping.Builder mapping = AuthContextMapping.standard().toBuilder();
    for (String[] pair : pairs(config, AMR)) {
      mapping.amr(pair[0], factors(pair[1]));
    }
    for (String[] pair : pairs(config, SAML)) {
      mapping.saml(pair[0], factors(pair[1]));
    }
    return mapping.build();
  }

  private static String param(FilterConfig config, String name, String fallback) {
    String value = config.getInitParameter(name);
    return value == null ? fallback : value.strip();
  }

  private static boolean bool(FilterConfig config, String name) {
    String value = param(config, name, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("`" + name + "` is `" + value + "`, not true or false");
    }
    return value.equals("true");
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split("[,\\s]+")) {
      if (!item.isEmpty()) {
        items.add(item);
      }
    }
    return items;
  }

  /**
   * Reads comma- or newline-separated {@code key=value} entries, splitting at the last {@code =} so
   * that keys may be URIs.
   */
  private static List<String[]> pairs(FilterConfig config, String name) {
    List<String[]> pairs = new ArrayList<>();
    for (String entry : param(config, name, "").split("[,\\n]")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("`" + name + "` entry `" + e + "` is not key=value");
      }
      pairs.add(new String[] {e.substring(0, eq).strip(), e.substring(eq + 1).strip()});
    }
    return pairs;
  }

  private static ClientIp.Header header(String value) {
    for (ClientIp.Header h : ClientIp.Header.values()) {
      if (h.fieldName().equalsIgnoreCase(value)) {
        return h;
      }
    }
    throw new IllegalArgumentException(
        "`" + FORWARDED_HEADER + "` is `" + value + "`, not X-Forwarded-For or Forwarded");
  }

  private static System.Logger.Level level(String value) {
    try {
      return System.Logger.Level.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "`"
              + LOG_LEVEL
              + "` is `"
              + value
              + "`, not one of TRACE, DEBUG, INFO, WARNING, ERROR, OFF",
          e);
    }
  }

  private static Factor[] factors(String ids) {
    List<String> names = list(ids);
    Factor[] factors = new Factor[names.size()];
    for (int i = 0; i < factors.length; i++) {
      factors[i] = factor(names.get(i));
    }
    return factors;
  }

  private static Factor factor(String id) {
    return Factor.fromId(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown factor `" + id + "`; known: " + String.join(", ", Factor.ids())));
  }

  private static SubjectResolver instantiate(String className) {
    @Nullable Object resolver;
    try {
      resolver =
          Class.forName(className, true, Thread.currentThread().getContextClassLoader())
              .getConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalArgumentException("cannot create subject resolver `" + className + "`", e);
    }
    if (!(resolver instanceof SubjectResolver)) {
      throw new IllegalArgumentException("`" + className + "` is not a SubjectResolver");
    }
    return (SubjectResolver) resolver;
  }
}
