package dev.gatehouse.monitor.internal;

import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.UserProfile;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The compact, immutable state kept per user: each event yields a new state that shares what did
 * not change, so readers never lock and never see a half-applied event.
 */
final class ProfileState implements UserProfile {

  static final ProfileState EMPTY =
      new ProfileState(new String[0], new String[0], 0, 0, new long[0], null, new SignInEvent[0]);

  private final String[] devices;
  private final String[] countries;
  private final int hourMask;
  private final int trusted;
  private final long[] failures;
  private final @Nullable Sighting last;
  private final SignInEvent[] history;

  private ProfileState(
      String[] devices,
      String[] countries,
      int hourMask,
      int trusted,
      long[] failures,
      @Nullable Sighting last,
      SignInEvent[] history) {
    this.devices = devices;
    this.countries = countries;
    this.hourMask = hourMask;
    this.trusted = trusted;
    this.failures = failures;
    this.last = last;
    this.history = history;
  }

  /** Returns the state after {@code event}; {@code this} is left unchanged. */
  ProfileState with(
      SignInEvent event, @Nullable Location location, MemoryLimits limits, ZoneId zone) {
    SignInEvent[] newHistory = CappedArrays.append(history, event, limits.eventsPerUser());
    if (event.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS) {
      long[] newFailures =
          CappedArrays.append(failures, CappedArrays.millis(event.time()), limits.failuresPerKey());
      return new ProfileState(devices, countries, hourMask, trusted, newFailures, last, newHistory);
    }
    if (!event.isTrusted()) {
      return new ProfileState(devices, countries, hourMask, trusted, failures, last, newHistory);
    }
    String country = event.country() != null ? event.country() : countryOf(location);
    String[] newDevices =
        event.deviceId() == null
            ? devices
            : CappedArrays.remember(devices, event.deviceId(), limits.devicesPerUser());
    String[] newCountries =
        country == null
            ? countries
            : CappedArrays.remember(countries, country, limits.countriesPerUser());
    int hour = SignalDetector.hourOfDay(event.time(), zone);
    return new ProfileState(
        newDevices,
        newCountries,
        hourMask | (1 << hour),
        trusted == Integer.MAX_VALUE ? trusted : trusted + 1,
        failures,
        latest(event, location, country),
        newHistory);
  }

  /** Returns the sighting of a trusted event unless an event replayed out of order is older. */
  private @Nullable Sighting latest(
      SignInEvent event, @Nullable Location location, @Nullable String country) {
    if (last != null && event.time().isBefore(last.time())) {
      return last;
    }
    Location where =
        location != null ? location : country != null ? Location.ofCountry(country) : null;
    return where == null ? last : new Sighting(event.time(), where);
  }

  private static @Nullable String countryOf(@Nullable Location location) {
    return location == null ? null : location.country();
  }

  @Override
  public int trustedSignIns() {
    return trusted;
  }

  @Override
  public boolean knowsDevice(String deviceId) {
    return CappedArrays.contains(devices, deviceId);
  }

  @Override
  public boolean knowsCountry(String country) {
    return CappedArrays.contains(countries, country);
  }

  @Override
  public int hourMask() {
    return hourMask;
  }

  @Override
  public int failuresBetween(Instant from, Instant to) {
    return CappedArrays.countBetween(failures, from, to);
  }

  @Override
  public Optional<Sighting> lastTrusted() {
    return Optional.ofNullable(last);
  }

  @Override
  public List<SignInEvent> history() {
    return List.of(history);
  }

  @Override
  public String toString() {
    return "UserProfile{trusted="
        + trusted
        + ", devices="
        + Arrays.toString(devices)
        + ", countries="
        + Arrays.toString(countries)
        + ", hours="
        + Integer.toBinaryString(hourMask)
        + ", failures="
        + failures.length
        + ", events="
        + history.length
        + "}";
  }
}
