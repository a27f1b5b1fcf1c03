package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One sign-in attempt: who, when, from where, on which device, and how it ended.
 *
 * <pre>{@code
 * SignInEvent event = new SignInEvent("u-1", Instant.now(), IpAddress.parse("203.0.113.9"),
 *     "FR", "laptop-7", "macos", SignInEvent.Outcome.SUCCESS, List.of(), List.of());
 * }</pre>
 *
 * <p>Strings are capped so that a client cannot make the history grow by sending long values: the
 * user id and the device id at {@value #MAX_ID_LENGTH} characters, the platform at {@value
 * #MAX_PLATFORM_LENGTH}, the country at {@value #MAX_COUNTRY_LENGTH}, each policy id at {@value
 * #MAX_ID_LENGTH} and the lists at {@value #MAX_LIST_SIZE} entries; longer values are cut, never in
 * the middle of a surrogate pair.
 *
 * @param userId the user who tried to sign in
 * @param time when the attempt was made
 * @param ip the client address
 * @param country the ISO 3166 alpha-2 country of the client, or null if unknown
 * @param deviceId the device identifier, or null if unknown
 * @param platform the device platform, or null if unknown
 * @param outcome how the attempt ended
 * @param reasons the reason codes of the decision, empty for a success
 * @param policies the ids of the policies that applied to the attempt, sorted
 */
public record SignInEvent(
    String userId,
    Instant time,
    IpAddress ip,
    @Nullable String country,
    @Nullable String deviceId,
    @Nullable String platform,
    Outcome outcome,
    List<ReasonCode> reasons,
    List<String> policies) {

  /** The most characters kept of a user id, a device id or a policy id. */
  public static final int MAX_ID_LENGTH = 128;

  /** The most characters kept of a platform. */
  public static final int MAX_PLATFORM_LENGTH = 32;

  /** The most characters kept of a country code. */
  public static final int MAX_COUNTRY_LENGTH = 8;

  /** The most reason codes and policy ids kept. */
  public static final int MAX_LIST_SIZE = 16;

  /**
   * Checks the components and copies the lists.
   *
   * @param userId the user
   * @param time the time
   * @param ip the client address
   * @param country the country, or null
   * @param deviceId the device id, or null
   * @param platform the platform, or null
   * @param outcome the outcome
   * @param reasons the reason codes
   * @param policies the policy ids
   * @throws NullPointerException if a required component is null
   * @throws IllegalArgumentException if the user id is empty
   */
  public SignInEvent {
    requireNonNull(userId, "userId");
    if (userId.isEmpty()) {
      throw new IllegalArgumentException("user id is empty");
    }
    requireNonNull(time, "time");
    requireNonNull(ip, "ip");
    requireNonNull(outcome, "outcome");
    userId = cap(userId, MAX_ID_LENGTH);
    country = country == null ? null : cap(country, MAX_COUNTRY_LENGTH);
    deviceId = deviceId == null ? null : cap(deviceId, MAX_ID_LENGTH);
    platform = platform == null ? null : cap(platform, MAX_PLATFORM_LENGTH);
    reasons = List.copyOf(reasons.stream().limit(MAX_LIST_SIZE).toList());
    policies =
        policies.stream()
            .map(p -> cap(p, MAX_ID_LENGTH))
            .sorted()
            .distinct()
            .limit(MAX_LIST_SIZE)
            .toList();
  }

  /**
   * Returns this event for another user, such as the canonical form of its user id.
   *
   * @param newUserId the user id
   * @return this event for another user
   * @throws IllegalArgumentException if the user id is empty
   */
  public SignInEvent withUserId(String newUserId) {
    return new SignInEvent(
        newUserId, time, ip, country, deviceId, platform, outcome, reasons, policies);
  }

  private static String cap(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }

  /**
   * Returns the event for an evaluated sign-in request: a PERMIT is a success, a CHALLENGE is
   * challenged and a DENY is denied, with the decision's reason codes and matching policies.
   *
   * @param request the request as evaluated; it must carry {@code user.id}, {@code request.ip} and
   *     {@code request.time}
   * @param decision the decision the engine returned for it
   * @return the event for an evaluated sign-in request
   * @throws IllegalArgumentException if the request lacks {@code user.id}, {@code request.ip} or
   *     {@code request.time}
   */
  public static SignInEvent of(AccessRequest request, Decision decision) {
    Outcome outcome =
        switch (decision.effect()) {
          case PERMIT -> Outcome.SUCCESS;
          case CHALLENGE -> Outcome.CHALLENGED;
          case DENY -> Outcome.DENIED;
        };
    List<ReasonCode> codes = new ArrayList<>();
    for (Reason reason : decision.reasons()) {
      if (!codes.contains(reason.code())) {
        codes.add(reason.code());
      }
    }
    return of(request, outcome, codes, decision.matched());
  }

  /**
   * Returns the event for a sign-in request that ended with {@code outcome}, such as failed
   * credentials reported by the identity provider or a challenge the user then passed.
   *
   * @param request the request; it must carry {@code user.id}, {@code request.ip} and {@code
   *     request.time}
   * @param outcome how the attempt ended
   * @param reasons the reason codes
   * @param policies the ids of the policies that applied
   * @return the event for a sign-in request that ended with {@code outcome}
   * @throws IllegalArgumentException if the request lacks {@code user.id}, {@code request.ip} or
   *     {@code request.time}
   */
  public static SignInEvent of(
      AccessRequest request, Outcome outcome, List<ReasonCode> reasons, List<String> policies) {
    return new SignInEvent(
        (String) required(request, "user.id"),
        (Instant) required(request, "request.time"),
        (IpAddress) required(request, "request.ip"),
        (String) optional(request, "location.country"),
        (String) optional(request, "device.id"),
        (String) optional(request, "device.platform"),
        outcome,
        reasons,
        policies);
  }

  /**
   * Returns this event with another outcome, for example a challenge the user then passed.
   *
   * @param newOutcome the outcome
   * @return this event with another outcome
   */
  public SignInEvent withOutcome(Outcome newOutcome) {
    return new SignInEvent(
        userId, time, ip, country, deviceId, platform, newOutcome, reasons, policies);
  }

  /**
   * Returns whether the attempt proved the user's identity: a success or a passed challenge.
   *
   * @return whether the attempt proved the user's identity
   */
  public boolean isTrusted() {
    return outcome == Outcome.SUCCESS || outcome == Outcome.CHALLENGE_PASSED;
  }

  private static Object required(AccessRequest request, String name) {
    return request
        .value(name)
        .orElseThrow(() -> new IllegalArgumentException("sign-in request has no `" + name + "`"));
  }

  private static @Nullable Object optional(AccessRequest request, String name) {
    Optional<Object> value = request.value(name);
    return value.isPresent() ? value.get() : null;
  }

  /** How a sign-in attempt ended. */
  public enum Outcome {
    /** The user signed in. */
    SUCCESS,
    /** The password or the assertion was wrong. */
    FAILED_CREDENTIALS,
    /** A policy denied the sign-in. */
    DENIED,
    /** A policy asked for a further factor. */
    CHALLENGED,
    /** The user passed the challenge and signed in. */
    CHALLENGE_PASSED;

    /**
     * Returns the outcome as written in events and reports, such as {@code failed_credentials}.
     *
     * @return the outcome as written in events and reports
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return id();
    }
  }
}
