package dev.gatehouse.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An authentication factor that a session can have satisfied, as listed in {@code auth.methods}.
 */
public enum Factor {
  /** A password. */
  PASSWORD,
  /** Access came through the single sign-on identity provider. */
  SSO,
  /** A time-based one-time password. */
  TOTP,
  /** A WebAuthn / FIDO2 authenticator. */
  WEBAUTHN,
  /** A push notification approved on a registered device. */
  PUSH,
  /** A code sent by SMS. */
  SMS,
  /** A one-time code sent by email. */
  EMAIL_OTP,
  /** A fingerprint or face match. */
  BIOMETRIC;

  private static final List<String> IDS =
      Arrays.stream(values())
          .map(Factor::id)
          .collect(java.util.stream.Collectors.toUnmodifiableList());

  /** {@return the factor's name in the policy language, such as {@code email_otp}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the factor named {@code id} in the policy language, if there is one}
   *
   * @param id the factor name
   */
  public static Optional<Factor> fromId(String id) {
    int index = IDS.indexOf(id);
    return index < 0 ? Optional.empty() : Optional.of(values()[index]);
  }

  /** {@return the names of all factors in the policy language, in declaration order} */
  public static List<String> ids() {
    return IDS;
  }

  @Override
  public String toString() {
    return id();
  }
}
