package dev.gatehouse.servlet;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Factor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The authentication context a host or its identity provider leaves on an HTTP request, read into
 * an access request: one reading for {@link GatehouseFilter} and every other adapter that decides
 * HTTP requests (such as the sign-in dashboard), so that each refuses the same bad values.
 */
public final class AuthAttributes {

  /** The earliest authentication time accepted: OIDC {@code auth_time} 0. */
  static final Instant AUTH_TIME_MIN = Instant.EPOCH;

  /** The latest authentication time accepted: the end of year 9999, as in RFC 3339. */
  static final Instant AUTH_TIME_MAX = Instant.parse("9999-12-31T23:59:59Z");

  private AuthAttributes() {}

  /**
   * Sets {@code auth.methods} and {@code auth.time} on {@code b} from the request or session
   * attributes {@link GatehouseFilter} documents: the SAML class refs and OIDC {@code amr} through
   * {@code mapping}, the host's own factor ids, and the authentication time as an {@link Instant}
   * or OIDC epoch seconds. Values a subject resolver set for these attributes are replaced.
   *
   * @param http the HTTP request
   * @param mapping how SAML and OIDC values become factors
   * @param b the request being built
   * @throws IllegalArgumentException if a factor is unknown, a value has the wrong type, or the
   *     authentication time lies before 1970 or after 9999
   */
  public static void apply(
      HttpServletRequest http, AuthContextMapping mapping, AccessRequest.Builder b) {
    requireNonNull(http, "http");
    requireNonNull(mapping, "mapping");
    b.clear("auth.methods").clear("auth.time");
    Set<Factor> factors =
        mapping.factors(
            strings(lookup(http, GatehouseFilter.SAML_CLASS_REFS_ATTRIBUTE)),
            strings(lookup(http, GatehouseFilter.AMR_ATTRIBUTE)));
    for (String id : strings(lookup(http, GatehouseFilter.AUTH_METHODS_ATTRIBUTE))) {
      factors.add(
          Factor.fromId(id)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "`"
                              + GatehouseFilter.AUTH_METHODS_ATTRIBUTE
                              + "` holds an unknown factor")));
    }
    if (!factors.isEmpty()) {
      List<String> ids = new ArrayList<>();
      factors.forEach(f -> ids.add(f.id()));
      b.set("auth.methods", ids);
    }
    Object time = lookup(http, GatehouseFilter.AUTH_TIME_ATTRIBUTE);
    if (time instanceof Instant) {
      b.set("auth.time", inRange((Instant) time));
    } else if (time instanceof Long || time instanceof Integer) {
      // OIDC `auth_time` is in epoch seconds.
      long seconds = ((Number) time).longValue();
      if (seconds < AUTH_TIME_MIN.getEpochSecond() || seconds > AUTH_TIME_MAX.getEpochSecond()) {
        throw outOfRange(Long.toString(seconds));
      }
      b.set("auth.time", Instant.ofEpochSecond(seconds));
    } else if (time != null) {
      throw new IllegalArgumentException(
          "`" + GatehouseFilter.AUTH_TIME_ATTRIBUTE + "` is neither an instant nor a number");
    }
  }

  /**
   * Refuses an authentication time before 1970 or after 9999, which no identity provider asserts:
   * such a value is a forged or broken token, not a sign-in to reason about.
   */
  private static Instant inRange(Instant time) {
    if (time.isBefore(AUTH_TIME_MIN) || time.isAfter(AUTH_TIME_MAX)) {
      throw outOfRange(time.toString());
    }
    return time;
  }

  private static IllegalArgumentException outOfRange(String value) {
    return new IllegalArgumentException(
        "`"
            + GatehouseFilter.AUTH_TIME_ATTRIBUTE
            + "` value "
            + value
            + " is out of range: expected an instant from "
            + AUTH_TIME_MIN
            + " to "
            + AUTH_TIME_MAX);
  }

  /** Returns a request attribute, or else the session attribute of that name. */
  private static @Nullable Object lookup(HttpServletRequest http, String name) {
    Object value = http.getAttribute(name);
    if (value != null) {
      return value;
    }
    HttpSession session = http.getSession(false);
    return session == null ? null : session.getAttribute(name);
  }

  /** Reads a string, an array of strings or a collection of strings. */
  private static List<String> strings(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String) {
      return List.of((String) value);
    }
    Collection<?> values =
        value instanceof String[]
            ? List.of((Object[]) value)
            : value instanceof Collection ? (Collection<?>) value : null;
    if (values == null) {
      throw new IllegalArgumentException("an auth context attribute is not a string list");
    }
    List<String> strings = new ArrayList<>(values.size());
    for (Object v : values) {
      if (!(v instanceof String)) {
        throw new IllegalArgumentException("an auth context attribute holds a non-string");
      }
      strings.add((String) v);
    }
    return strings;
  }
}
