package dev.gatehouse.servlet;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Factor;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps what an identity provider asserted about a sign-in onto Gatehouse factors for {@code
 * auth.methods}: SAML 2.0 {@code AuthnContextClassRef} URIs and OIDC {@code amr} values (RFC 8176).
 *
 * <p>Any asserted context at all adds {@link Factor#SSO}: the access came through the identity
 * provider. Values without a mapping add nothing, so an unknown or misspelt value can only leave a
 * requirement unmet, never satisfy one. The {@linkplain #standard() standard} mapping is
 * deliberately narrow: {@code mfa} says that several factors were used but not which, so it maps to
 * none; a host that knows its provider adds what it knows.
 *
 * <pre>{@code
 * AuthContextMapping mapping = AuthContextMapping.standard().toBuilder()
 *     .amr("swk", Factor.WEBAUTHN)
 *     .saml("http://schemas.microsoft.com/claims/multipleauthn", Factor.PUSH)
 *     .build();
 * }</pre>
 */
public final class AuthContextMapping {

  private static final String SAML_CLASSES = "urn:oasis:names:tc:SAML:2.0:ac:classes:";
  private static final AuthContextMapping STANDARD =
      new Builder()
          .amr("pwd", Factor.PASSWORD)
          .amr("otp", Factor.TOTP)
          .amr("hwk", Factor.WEBAUTHN)
          .amr("sms", Factor.SMS)
          .amr("fpt", Factor.BIOMETRIC)
          .amr("face", Factor.BIOMETRIC)
          .amr("iris", Factor.BIOMETRIC)
          .amr("retina", Factor.BIOMETRIC)
          .amr("vbm", Factor.BIOMETRIC)
          .saml(SAML_CLASSES + "Password", Factor.PASSWORD)
          .saml(SAML_CLASSES + "PasswordProtectedTransport", Factor.PASSWORD)
          .saml(SAML_CLASSES + "TimeSyncToken", Factor.TOTP)
          .build();

  private final Map<String, Set<Factor>> saml;
  private final Map<String, Set<Factor>> amr;

  private AuthContextMapping(Builder b) {
    this.saml = copy(b.saml);
    this.amr = copy(b.amr);
  }

  /**
   * Returns the standard mapping: RFC 8176 {@code pwd otp hwk sms fpt face iris retina vbm} and the
   * SAML {@code Password}, {@code PasswordProtectedTransport} and {@code TimeSyncToken} classes.
   *
   * @return the standard mapping
   */
  public static AuthContextMapping standard() {
    return STANDARD;
  }

  /**
   * Returns an empty builder: only {@code sso} is derived until mappings are added.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this mapping, to extend or override it.
   *
   * @return a builder holding this mapping
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.saml.putAll(saml);
    b.amr.putAll(amr);
    return b;
  }

  /**
   * Returns the factors that the asserted context establishes, including {@code sso} if anything
   * was asserted at all.
   *
   * @param samlClassRefs the SAML {@code AuthnContextClassRef} URIs, possibly empty
   * @param amrValues the OIDC {@code amr} values, possibly empty
   * @return the factors established
   */
  public Set<Factor> factors(Collection<String> samlClassRefs, Collection<String> amrValues) {
    Set<Factor> factors = EnumSet.noneOf(Factor.class);
    if (samlClassRefs.isEmpty() && amrValues.isEmpty()) {
      return factors;
    }
    factors.add(Factor.SSO);
    for (String ref : samlClassRefs) {
      factors.addAll(saml.getOrDefault(ref.strip(), Set.of()));
    }
    for (String value : amrValues) {
      factors.addAll(amr.getOrDefault(value.strip(), Set.of()));
    }
    return factors;
  }

  @Override
  public String toString() {
    return "AuthContextMapping{saml=" + saml + ", amr=" + amr + "}";
  }

  private static Map<String, Set<Factor>> copy(Map<String, Set<Factor>> map) {
    Map<String, Set<Factor>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** Builds an {@link AuthContextMapping}; reusable after {@link #build()}. */
  public static final class Builder {
    private final Map<String, Set<Factor>> saml = new LinkedHashMap<>();
    private final Map<String, Set<Factor>> amr = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Maps a SAML {@code AuthnContextClassRef} URI to factors, replacing an earlier mapping of it;
     * no factors makes the value establish only {@code sso}.
     *
     * @param classRef the URI, compared exactly
     * @param factors the factors it establishes
     * @return this builder
     * @throws IllegalArgumentException if {@code classRef} is blank
     */
    public Builder saml(String classRef, Factor... factors) {
      saml.put(key(classRef, "SAML class ref"), Set.copyOf(List.of(factors)));
      return this;
    }

    /**
     * Maps an OIDC {@code amr} value to factors, replacing an earlier mapping of it; no factors
     * makes the value establish only {@code sso}.
     *
     * @param value the {@code amr} value, compared exactly (RFC 8176 values are lowercase)
     * @param factors the factors it establishes
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is blank
     */
    public Builder amr(String value, Factor... factors) {
      amr.put(key(value, "amr value"), Set.copyOf(List.of(factors)));
      return this;
    }

    /** {@return the mapping built so far} */
    public AuthContextMapping build() {
      return new AuthContextMapping(this);
    }

    private static String key(String value, String what) {
      requireNonNull(value, what);
      if (value.isBlank()) {
        throw new IllegalArgumentException(what + " is blank");
      }
      return value.strip();
    }
  }
}
