package dev.gatehouse.monitor.redis.internal;

import dev.gatehouse.monitor.Location;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInEventJson;
import dev.gatehouse.monitor.UserProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile as read from Redis in one script call: an immutable snapshot, whose events are
 * read with the rest for {@code profile} and on the first {@link #history()} for a lookup.
 */
final class RedisProfile implements UserProfile {

  /** How many elements of a reply of {@link Scripts#READ} hold the profile. */
  static final int PARTS = 5;

  private final int trusted;
  private final int hourMask;
  private final Set<String> devices;
  private final Set<String> countries;
  private final long[] failures;
  private final @Nullable Sighting last;
  private final Supplier<List<String>> lines;

  /**
   * The events, read from {@link #lines} and decoded when first asked for: an assessment never
   * reads them, and decoding some twenty JSON lines took most of a lookup's CPU time.
   */
  private volatile @Nullable List<SignInEvent> history;

  private RedisProfile(
      int trusted,
      int hourMask,
      Set<String> devices,
      Set<String> countries,
      long[] failures,
      @Nullable Sighting last,
      Supplier<List<String>> lines) {
    this.trusted = trusted;
    this.hourMask = hourMask;
    this.devices = devices;
    this.countries = countries;
    this.failures = failures;
    this.last = last;
    this.lines = lines;
  }

  /**
   * Returns the profile at the start of a reply of {@link Scripts#READ}, or null if unknown.
   *
   * @param reply the reply
   * @param lines the user's events as JSON lines, asked for on the first {@link #history()}
   */
  @SuppressWarnings("unchecked")
  static @Nullable RedisProfile of(List<Object> reply, Supplier<List<String>> lines) {
    List<Object> pairs = (List<Object>) reply.get(0);
    if (pairs.isEmpty()) {
      return null;
    }
    Map<String, String> hash = new HashMap<>();
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      hash.put((String) pairs.get(i), (String) pairs.get(i + 1));
    }
    List<Object> members = (List<Object>) reply.get(3);
    long[] failures = new long[members.size()];
    for (int i = 0; i < failures.length; i++) {
      failures[i] = timeOf((String) members.get(i));
    }
    long n = Long.parseLong(hash.getOrDefault("n", "0"));
    return new RedisProfile(
        (int) Math.min(n, Integer.MAX_VALUE),
        Integer.parseInt(hash.getOrDefault("h", "0")),
        Set.copyOf((List<String>) (List<?>) reply.get(1)),
        Set.copyOf((List<String>) (List<?>) reply.get(2)),
        failures,
        sighting(hash),
        lines);
  }

  /**
   * Returns the time of a failure member, {@code <ms>:<node>:<sequence>}: the same as its score,
   * exact even past 2^53, and reading members instead of scores spares Redis formatting each score
   * as a decimal, which was most of a lookup's time in Redis for a user with failures.
   */
  private static long timeOf(String member) {
    int colon = member.indexOf(':');
    return Long.parseLong(member, 0, colon < 0 ? member.length() : colon, 10);
  }

  private static @Nullable Sighting sighting(Map<String, String> hash) {
    String time = hash.get("lt");
    String country = hash.get("lc");
    if (time == null || country == null) {
      return null;
    }
    String lat = hash.getOrDefault("la", "");
    String lon = hash.getOrDefault("lo", "");
    Location where =
        lat.isEmpty() || lon.isEmpty()
            ? Location.ofCountry(country)
            : new Location(country, Double.parseDouble(lat), Double.parseDouble(lon));
    return new Sighting(Instant.ofEpochMilli(Long.parseLong(time)), where);
  }

  @Override
  public int trustedSignIns() {
    return trusted;
  }

  @Override
  public boolean knowsDevice(String deviceId) {
    return devices.contains(deviceId);
  }

  @Override
  public boolean knowsCountry(String country) {
    return countries.contains(country);
  }

  @Override
  public int hourMask() {
    return hourMask;
  }

  @Override
  public int failuresBetween(Instant from, Instant to) {
    long lo = Millis.of(from);
    long hi = Millis.of(to);
    int n = 0;
    for (long t : failures) {
      if (t >= lo && t <= hi) {
        n++;
      }
    }
    return n;
  }

  @Override
  public Optional<Sighting> lastTrusted() {
    return Optional.ofNullable(last);
  }

  @Override
  public List<SignInEvent> history() {
    List<SignInEvent> events = history;
    if (events == null) {
      // Two threads may both decode; either list is a snapshot of the events.
      List<String> read = lines.get();
      List<SignInEvent> decoded = new ArrayList<>(read.size());
      for (String line : read) {
        decoded.add(SignInEventJson.decode(line));
      }
      events = List.copyOf(decoded);
      history = events;
    }
    return events;
  }

  @Override
  public String toString() {
    return "UserProfile{trusted="
        + trusted
        + ", devices="
        + devices
        + ", countries="
        + countries
        + ", failures="
        + failures.length
        + "}";
  }
}
