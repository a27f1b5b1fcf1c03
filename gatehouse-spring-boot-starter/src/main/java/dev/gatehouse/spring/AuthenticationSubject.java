package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Factor;
import dev.gatehouse.servlet.AuthContextMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.util.ClassUtils;

/**
 * Turns Spring Security's {@code Authentication} into the subject and the authentication context of
 * an access request.
 *
 * <p>{@code user.id} is {@link Authentication#getName()}. A principal with claims (a {@code Jwt},
 * an {@code OidcUser}, an introspected token) gives the mapped attributes, {@code amr} and {@code
 * acr} become {@code auth.methods} through an {@link AuthContextMapping}, and {@code auth_time}
 * becomes {@code auth.time}. Any other authentication, such as a form login, gives its granted
 * authorities as {@code user.roles}, and Spring Security's factor authorities ({@code
 * FACTOR_PASSWORD} and the like) as {@code auth.methods}, the oldest of them as {@code auth.time}.
 *
 * <p>An {@code auth_time} further in the future than the allowed skew is refused: a clock that far
 * off, or a forged claim, must not make an old sign-in look fresh.
 */
public final class AuthenticationSubject {

  /** The problem code of a refused {@code auth_time}. */
  public static final String AUTH_TIME_IN_FUTURE = "auth_time_in_future";

  private static final boolean OAUTH2_PRESENT =
      ClassUtils.isPresent(
          "org.springframework.security.oauth2.core.ClaimAccessor",
          AuthenticationSubject.class.getClassLoader());

  private final Map<String, String> claims;
  private final String rolePrefix;
  private final AuthContextMapping mapping;
  private final Duration maxAuthTimeSkew;

  /**
   * Creates the mapping.
   *
   * @param claims claim names by attribute name, such as {@code user.department -> department}
   * @param rolePrefix the prefix stripped from authorities that become roles
   * @param mapping the {@code amr} and {@code acr} mapping
   * @param maxAuthTimeSkew how far in the future {@code auth_time} may lie
   * @throws IllegalArgumentException if the skew is negative
   */
  public AuthenticationSubject(
      Map<String, String> claims,
      String rolePrefix,
      AuthContextMapping mapping,
      Duration maxAuthTimeSkew) {
    this.claims = Map.copyOf(claims);
    this.rolePrefix = requireNonNull(rolePrefix, "rolePrefix");
    this.mapping = requireNonNull(mapping, "mapping");
    if (maxAuthTimeSkew.isNegative()) {
      throw new IllegalArgumentException("auth time skew `" + maxAuthTimeSkew + "` is negative");
    }
    this.maxAuthTimeSkew = maxAuthTimeSkew;
  }

  /**
   * Sets the subject and the authentication context of {@code authentication} on {@code request}.
   *
   * @param authentication the authenticated user
   * @param request the request being built
   * @param now the time of the request
   * @return the problem code if the authentication is refused, else empty
   * @throws dev.gatehouse.api.InvalidRequestException if a value does not fit the schema
   */
  public Optional<String> apply(
      Authentication authentication, AccessRequest.Builder request, Instant now) {
    request.set("user.id", authentication.getName());
    Map<String, Object> tokenClaims = OAUTH2_PRESENT ? OAuth2Claims.of(authentication) : null;
    Instant authTime;
    if (tokenClaims != null) {
      for (Map.Entry<String, String> e : claims.entrySet()) {
        Object value = tokenClaims.get(e.getValue());
        if (value != null) {
          set(request, e.getKey(), value);
        }
      }
      Set<Factor> factors =
          mapping.factors(strings(tokenClaims.get("acr")), strings(tokenClaims.get("amr")));
      setMethods(request, factors);
      authTime = instant(tokenClaims.get("auth_time"));
    } else {
      authTime = fromAuthorities(authentication, request);
    }
    if (authTime != null) {
      if (authTime.isAfter(now.plus(maxAuthTimeSkew))) {
        return Optional.of(AUTH_TIME_IN_FUTURE);
      }
      request.set("auth.time", authTime);
    }
    return Optional.empty();
  }

  /** Roles and factors from the granted authorities; returns the oldest factor's time. */
  private @Nullable Instant fromAuthorities(
      Authentication authentication, AccessRequest.Builder b) {
    List<String> roles = new ArrayList<>();
    Set<Factor> factors = EnumSet.noneOf(Factor.class);
    Instant oldest = null;
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if (authority instanceof FactorGrantedAuthority factor) {
        Factor f = factor(factor.getAuthority());
        if (f != null) {
          factors.add(f);
          oldest =
              oldest == null || factor.getIssuedAt().isBefore(oldest)
                  ? factor.getIssuedAt()
                  : oldest;
        }
        continue;
      }
      String name = authority.getAuthority();
      if (name != null && !name.startsWith("FACTOR_")) {
        roles.add(name.startsWith(rolePrefix) ? name.substring(rolePrefix.length()) : name);
      }
    }
    b.set("user.roles", roles);
    setMethods(b, factors);
    return oldest;
  }

  private static @Nullable Factor factor(String authority) {
    return switch (authority) {
      case FactorGrantedAuthority.PASSWORD_AUTHORITY -> Factor.PASSWORD;
      case FactorGrantedAuthority.WEBAUTHN_AUTHORITY -> Factor.WEBAUTHN;
      case FactorGrantedAuthority.OTT_AUTHORITY -> Factor.EMAIL_OTP;
      case FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY,
          FactorGrantedAuthority.SAML_RESPONSE_AUTHORITY,
          FactorGrantedAuthority.CAS_AUTHORITY ->
          Factor.SSO;
      default -> null; // a bearer token or a client certificate is no user factor
    };
  }

  private static void setMethods(AccessRequest.Builder b, Set<Factor> factors) {
    if (!factors.isEmpty()) {
      List<String> ids = new ArrayList<>();
      factors.forEach(f -> ids.add(f.id()));
      b.set("auth.methods", ids);
    }
  }

  /** Sets one claim by its Java type; the builder checks it against the schema. */
  private static void set(AccessRequest.Builder b, String name, Object value) {
    if (value instanceof String s) {
      b.set(name, s);
    } else if (value instanceof Boolean flag) {
      b.set(name, (boolean) flag);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      b.set(name, ((Number) value).longValue());
    } else if (value instanceof Instant instant) {
      b.set(name, instant);
    } else if (value instanceof Collection<?> values) {
      b.set(name, strings(values));
    } else {
      throw new IllegalArgumentException("claim for `" + name + "` has an unsupported type");
    }
  }

  private static List<String> strings(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s.split(" ")); // `acr` is one value; a space-separated string lists several
    }
    if (!(value instanceof Collection<?> values)) {
      throw new IllegalArgumentException("a list claim is neither a string nor a list");
    }
    List<String> strings = new ArrayList<>(values.size());
    for (Object v : values) {
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException("a list claim holds a non-string");
      }
      strings.add(s);
    }
    return strings;
  }

  private static @Nullable Instant instant(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue()); // OIDC `auth_time` is in epoch seconds
    }
    if (value instanceof String s && !s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(s));
    }
    throw new IllegalArgumentException("`auth_time` is neither a time nor a number");
  }

  /** Kept apart so that the OAuth2 classes are loaded only when they are on the class path. */
  private static final class OAuth2Claims {

    static @Nullable Map<String, Object> of(Authentication authentication) {
      Object principal = authentication.getPrincipal();
      if (principal instanceof org.springframework.security.oauth2.core.ClaimAccessor accessor) {
        return accessor.getClaims();
      }
      if (principal
          instanceof org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal p) {
        return p.getAttributes();
      }
      return null;
    }
  }
}
