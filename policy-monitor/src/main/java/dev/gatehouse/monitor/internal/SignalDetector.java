package dev.gatehouse.monitor.internal;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.RiskScorer;
import dev.gatehouse.monitor.RiskSignal;
import dev.gatehouse.monitor.SignalKind;
import dev.gatehouse.monitor.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Derives the risk signals of one sign-in from the user's profile and the address's failures. Each
 * check is a small method that returns nothing when its signal does not fire or weighs 0.
 */
public final class SignalDetector {

  private final Settings settings;
  private final RiskScorer scorer;

  /**
   * Creates a detector.
   *
   * @param settings the windows and thresholds
   * @param scorer the weights
   */
  public SignalDetector(Settings settings, RiskScorer scorer) {
    this.settings = requireNonNull(settings, "settings");
    this.scorer = requireNonNull(scorer, "scorer");
  }

  /**
   * Returns the signals of a sign-in, in the order of {@link SignalKind}.
   *
   * @param attempt what the request says about the sign-in
   * @param profile what the store remembers about the user, or null if nothing
   * @param ipFailures the failures from the address within the failure window
   * @return the signals that fired
   */
  public List<RiskSignal> detect(Attempt attempt, @Nullable UserProfile profile, int ipFailures) {
    return detect(attempt, profile, ipFailures, null, 0);
  }

  /**
   * Returns the signals of a sign-in, in the order of {@link SignalKind}, counting the failures
   * from the address's network as well as from the address.
   *
   * @param attempt what the request says about the sign-in
   * @param profile what the store remembers about the user, or null if nothing
   * @param ipFailures the failures from the address within the failure window
   * @param network the network over which failures are counted too, or null if none
   * @param networkFailures the failures from {@code network} within the failure window
   * @return the signals that fired
   */
  public List<RiskSignal> detect(
      Attempt attempt,
      @Nullable UserProfile profile,
      int ipFailures,
      @Nullable IpNetwork network,
      int networkFailures) {
    UserProfile known = profile != null ? profile : ProfileState.EMPTY;
    List<RiskSignal> signals = new ArrayList<>(4);
    userFailures(signals, known, attempt.time());
    ipFailures(signals, attempt.ip(), ipFailures, network, networkFailures);
    if (known.trustedSignIns() >= settings.learningSignIns()) {
      newDevice(signals, known, attempt.deviceId());
      newCountry(signals, known, attempt.country());
      unusualHour(signals, known, attempt.time());
    }
    impossibleTravel(signals, known, attempt);
    blockedIp(signals, attempt.ip());
    return signals;
  }

  private void add(List<RiskSignal> signals, SignalKind signal, String explanation) {
    int weight = scorer.weight(signal);
    if (weight > 0) {
      signals.add(new RiskSignal(signal, weight, explanation));
    }
  }

  private void userFailures(List<RiskSignal> signals, UserProfile profile, Instant time) {
    int n = profile.failuresBetween(time.minus(settings.failureWindow()), time);
    if (n >= settings.userFailureThreshold()) {
      add(
          signals,
          SignalKind.USER_FAILURES,
          n + " failed sign-ins for this user in the last " + format(settings.failureWindow()));
    }
  }

  private void ipFailures(
      List<RiskSignal> signals,
      @Nullable IpAddress ip,
      int n,
      @Nullable IpNetwork network,
      int inNetwork) {
    if (ip == null) {
      return;
    }
    String window = " in the last " + format(settings.failureWindow());
    if (n >= settings.ipFailureThreshold()) {
      add(signals, SignalKind.IP_FAILURES, n + " failed sign-ins from `" + ip + "`" + window);
    } else if (network != null && inNetwork >= settings.ipFailureThreshold()) {
      add(
          signals,
          SignalKind.IP_FAILURES,
          inNetwork + " failed sign-ins from network `" + network + "`" + window);
    }
  }

  private void newDevice(List<RiskSignal> signals, UserProfile profile, @Nullable String device) {
    if (device != null && !profile.knowsDevice(device)) {
      add(
          signals,
          SignalKind.NEW_DEVICE,
          "device `" + device + "` was never used in a trusted sign-in by this user");
    }
  }

  private void newCountry(List<RiskSignal> signals, UserProfile profile, @Nullable String country) {
    if (country != null && !profile.knowsCountry(country)) {
      add(
          signals,
          SignalKind.NEW_COUNTRY,
          "country `" + country + "` was never seen in a trusted sign-in by this user");
    }
  }

  private void unusualHour(List<RiskSignal> signals, UserProfile profile, Instant time) {
    int hour = hourOfDay(time, settings.zone());
    int around = (1 << hour) | (1 << ((hour + 1) % 24)) | (1 << ((hour + 23) % 24));
    if ((profile.hourMask() & around) == 0) {
      add(
          signals,
          SignalKind.UNUSUAL_HOUR,
          "sign-in at hour "
              + (hour < 10 ? "0" : "")
              + hour
              + " ("
              + settings.zone().getId()
              + "), when this user never signs in");
    }
  }

  private void impossibleTravel(List<RiskSignal> signals, UserProfile profile, Attempt attempt) {
    Location here = attempt.location();
    UserProfile.Sighting last = profile.lastTrusted().orElse(null);
    if (here == null
        || last == null
        || !here.hasCoordinates()
        || !last.location().hasCoordinates()) {
      return;
    }
    Duration elapsed = Duration.between(last.time(), attempt.time());
    double km = last.location().distanceKm(here);
    if (elapsed.isNegative() || km < settings.minTravelKm()) {
      return;
    }
    // In seconds: the span between two request times can exceed a long of milliseconds.
    double seconds = elapsed.getSeconds() + elapsed.getNano() / 1e9;
    double hours = Math.max(seconds, 1) / 3_600.0;
    double speed = km / hours;
    if (speed > settings.maxSpeedKmh()) {
      add(
          signals,
          SignalKind.IMPOSSIBLE_TRAVEL,
          Math.round(km)
              + " km from `"
              + last.location().country()
              + "` in "
              + format(elapsed)
              + " since the last trusted sign-in needs "
              + Math.round(speed)
              + " km/h (limit "
              + Math.round(settings.maxSpeedKmh())
              + ")");
    }
  }

  private void blockedIp(List<RiskSignal> signals, @Nullable IpAddress ip) {
    if (ip == null) {
      return;
    }
    for (IpNetwork network : settings.blocklist()) {
      if (network.contains(ip)) {
        add(
            signals,
            SignalKind.BLOCKED_IP,
            "`" + ip + "` is in blocklisted network `" + network + "`");
        return;
      }
    }
  }

  /** Returns the hour of day of {@code time} in {@code zone}, without building a date. */
  static int hourOfDay(Instant time, ZoneId zone) {
    int offset = zone.getRules().getOffset(time).getTotalSeconds();
    return (int) (Math.floorMod(time.getEpochSecond() + offset, 86_400L) / 3600);
  }

  /** Formats a duration as {@code 15m}, {@code 1h10m} or {@code 45s}. */
  static String format(Duration d) {
    long seconds = d.getSeconds();
    long h = seconds / 3600;
    long m = (seconds % 3600) / 60;
    long s = seconds % 60;
    StringBuilder b = new StringBuilder();
    if (h > 0) {
      b.append(h).append('h');
    }
    if (m > 0) {
      b.append(m).append('m');
    }
    if (s > 0 || b.length() == 0) {
      b.append(s).append('s');
    }
    return b.toString();
  }

  /**
   * What the request says about a sign-in.
   *
   * @param time when
   * @param ip the client address, or null if the request has none
   * @param country the country, or null if unknown
   * @param deviceId the device id, or null if unknown
   * @param location where the address is, or null if unknown
   */
  public record Attempt(
      Instant time,
      @Nullable IpAddress ip,
      @Nullable String country,
      @Nullable String deviceId,
      @Nullable Location location) {}

  /**
   * The windows and thresholds of the detectors.
   *
   * @param failureWindow how far back failures count
   * @param userFailureThreshold how many failures for a user fire {@code user_failures}
   * @param ipFailureThreshold how many failures from an address fire {@code ip_failures}
   * @param learningSignIns how many trusted sign-ins a user needs before new device, new country
   *     and unusual hour fire
   * @param maxSpeedKmh the fastest plausible travel speed
   * @param minTravelKm the shortest distance that can count as travel, below geolocation noise
   * @param zone the zone in which hours of day are counted
   * @param blocklist the blocklisted networks
   */
  public record Settings(
      Duration failureWindow,
      int userFailureThreshold,
      int ipFailureThreshold,
      int learningSignIns,
      double maxSpeedKmh,
      double minTravelKm,
      ZoneId zone,
      List<IpNetwork> blocklist) {

    /**
     * Copies the blocklist.
     *
     * @param failureWindow the failure window
     * @param userFailureThreshold the user threshold
     * @param ipFailureThreshold the address threshold
     * @param learningSignIns the learning period
     * @param maxSpeedKmh the speed limit
     * @param minTravelKm the minimum distance
     * @param zone the zone
     * @param blocklist the blocklist
     */
    public Settings {
      blocklist = List.copyOf(blocklist);
    }
  }
}
