package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link SignInStore} remembers about one user, as an immutable snapshot.
 *
 * <p>Devices, countries and hours are learnt only from trusted sign-ins (a success or a passed
 * challenge), so failed attempts by an attacker never make their device or country look familiar.
 */
public interface UserProfile {

  /**
   * Returns how many trusted sign-ins the store has seen for the user, saturating at {@code
   * Integer.MAX_VALUE}.
   *
   * @return how many trusted sign-ins the store has seen for the user
   */
  int trustedSignIns();

  /**
   * {@return whether {@code deviceId} was used in a remembered trusted sign-in}
   *
   * @param deviceId the device id
   */
  boolean knowsDevice(String deviceId);

  /**
   * {@return whether a remembered trusted sign-in came from {@code country}}
   *
   * @param country the ISO 3166 alpha-2 code
   */
  boolean knowsCountry(String country);

  /**
   * Returns the hours of day (bit {@code h} for hour {@code h}, in the monitor's zone) in which the
   * user had a trusted sign-in.
   *
   * @return the hours of day in which the user had a trusted sign-in, as a 24-bit mask
   */
  int hourMask();

  /**
   * {@return how many remembered failed sign-ins fall in {@code [from, to]}}
   *
   * @param from the start of the window, inclusive
   * @param to the end of the window, inclusive
   */
  int failuresBetween(Instant from, Instant to);

  /** {@return the time and location of the latest trusted sign-in, or empty if none} */
  Optional<Sighting> lastTrusted();

  /**
   * Returns the latest events, oldest first, at most the store's per-user cap.
   *
   * @return the latest events, oldest first
   */
  List<SignInEvent> history();

  /**
   * Where and when a user was seen.
   *
   * @param time when
   * @param location where
   */
  record Sighting(Instant time, Location location) {

    /**
     * Checks the components.
     *
     * @param time when
     * @param location where
     */
    public Sighting {
      requireNonNull(time, "time");
      requireNonNull(location, "location");
    }
  }
}
