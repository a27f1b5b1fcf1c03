package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.monitor.internal.HourlyChart;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The sign-in details of a period: attempts by outcome, user, country, device platform and hour of
 * day, and the users and addresses with the most failed credentials.
 *
 * <pre>{@code
 * SignInReport report = SignInReport.of(events, from, to, ZoneOffset.UTC);
 * report.byOutcome().get(SignInEvent.Outcome.FAILED_CREDENTIALS);
 * report.topFailingAddresses(10);
 * Files.writeString(Path.of("attempts.svg"), report.toSvg());
 * }</pre>
 *
 * <p>Events without a country or platform count under {@code unknown}. Reports are immutable.
 */
public final class SignInReport {

  /** The key under which events without a country or platform are counted. */
  public static final String UNKNOWN = "unknown";

  private final Instant from;
  private final Instant to;
  private final ZoneId zone;
  private final long total;
  private final Map<SignInEvent.Outcome, Long> byOutcome;
  private final Map<String, Long> byUser;
  private final Map<String, Long> byCountry;
  private final Map<String, Long> byPlatform;
  private final long[][] byHourAndOutcome;
  private final Map<String, Long> failuresByUser;
  private final Map<String, Long> failuresByAddress;

  private SignInReport(Builder b) {
    this.from = b.from;
    this.to = b.to;
    this.zone = b.zone;
    this.total = b.total;
    this.byOutcome = Collections.unmodifiableMap(new EnumMap<>(b.byOutcome));
    this.byUser = Collections.unmodifiableMap(new TreeMap<>(b.byUser));
    this.byCountry = Collections.unmodifiableMap(new TreeMap<>(b.byCountry));
    this.byPlatform = Collections.unmodifiableMap(new TreeMap<>(b.byPlatform));
    this.byHourAndOutcome = new long[b.byHourAndOutcome.length][];
    for (int i = 0; i < byHourAndOutcome.length; i++) {
      byHourAndOutcome[i] = b.byHourAndOutcome[i].clone();
    }
    this.failuresByUser = Map.copyOf(b.failuresByUser);
    this.failuresByAddress = Map.copyOf(b.failuresByAddress);
  }

  /**
   * Returns the report of the events in {@code [from, to)}, hours counted in {@code zone}.
   *
   * @param events the events, in any order; those outside the period are skipped
   * @param from the start of the period, inclusive
   * @param to the end of the period, exclusive
   * @param zone the zone in which hours of day are counted
   * @return the report
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static SignInReport of(
      Iterable<SignInEvent> events, Instant from, Instant to, ZoneId zone) {
    Builder b = builder(from, to, zone);
    events.forEach(b::add);
    return b.build();
  }

  /**
   * Returns a builder that counts the events in {@code [from, to)}, for events read one by one.
   *
   * @param from the start of the period, inclusive
   * @param to the end of the period, exclusive
   * @param zone the zone in which hours of day are counted
   * @return a builder
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static Builder builder(Instant from, Instant to, ZoneId zone) {
    return new Builder(from, to, zone);
  }

  /** {@return the start of the period, inclusive} */
  public Instant from() {
    return from;
  }

  /** {@return the end of the period, exclusive} */
  public Instant to() {
    return to;
  }

  /** {@return the zone in which hours of day are counted} */
  public ZoneId zone() {
    return zone;
  }

  /** {@return how many attempts fall in the period} */
  public long total() {
    return total;
  }

  /**
   * Returns the attempts by outcome, every outcome present.
   *
   * @return the attempts by outcome
   */
  public Map<SignInEvent.Outcome, Long> byOutcome() {
    return byOutcome;
  }

  /**
   * Returns the attempts by user id, sorted by id.
   *
   * @return the attempts by user id
   */
  public Map<String, Long> byUser() {
    return byUser;
  }

  /**
   * Returns the attempts by country, sorted by code.
   *
   * @return the attempts by country
   */
  public Map<String, Long> byCountry() {
    return byCountry;
  }

  /**
   * Returns the attempts by device platform, sorted by name.
   *
   * @return the attempts by device platform
   */
  public Map<String, Long> byPlatform() {
    return byPlatform;
  }

  /**
   * Returns the attempts in each hour of day, index 0 to 23.
   *
   * @return the attempts in each hour of day
   */
  public List<Long> byHour() {
    List<Long> hours = new ArrayList<>(24);
    for (int h = 0; h < 24; h++) {
      long n = 0;
      for (long[] row : byHourAndOutcome) {
        n += row[h];
      }
      hours.add(n);
    }
    return List.copyOf(hours);
  }

  /**
   * Returns the attempts with {@code outcome} in each hour of day, index 0 to 23.
   *
   * @param outcome the outcome
   * @return the attempts with {@code outcome} in each hour of day
   */
  public List<Long> byHour(SignInEvent.Outcome outcome) {
    List<Long> hours = new ArrayList<>(24);
    for (long n : byHourAndOutcome[outcome.ordinal()]) {
      hours.add(n);
    }
    return List.copyOf(hours);
  }

  /**
   * Returns the {@code n} users with the most failed credentials, most first, ties by id.
   *
   * @param n how many at most
   * @return the users with the most failed credentials
   */
  public List<Count> topFailingUsers(int n) {
    return top(failuresByUser, n);
  }

  /**
   * Returns the {@code n} client addresses with the most failed credentials, most first, ties by
   * address text.
   *
   * @param n how many at most
   * @return the client addresses with the most failed credentials
   */
  public List<Count> topFailingAddresses(int n) {
    return top(failuresByAddress, n);
  }

  /**
   * Returns an SVG bar chart of attempts per hour of day, stacked by outcome.
   *
   * @return an SVG document
   */
  public String toSvg() {
    return HourlyChart.render(this);
  }

  private static List<Count> top(Map<String, Long> counts, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("top " + n + " is negative");
    }
    return counts.entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key))
        .limit(n)
        .toList();
  }

  @Override
  public String toString() {
    return "SignInReport{" + from + " to " + to + ", " + total + " attempts, " + byOutcome + "}";
  }

  /**
   * A key and how many attempts it has.
   *
   * @param key the user id or address
   * @param count how many
   */
  public record Count(String key, long count) {

    /**
     * Checks the key.
     *
     * @param key the key
     * @param count the count
     */
    public Count {
      requireNonNull(key, "key");
    }
  }

  /** Counts events one by one; {@link #build()} leaves the builder reusable. */
  public static final class Builder {
    private final Instant from;
    private final Instant to;
    private final ZoneId zone;
    private long total;
    private final Map<SignInEvent.Outcome, Long> byOutcome =
        new EnumMap<>(SignInEvent.Outcome.class);
    private final Map<String, Long> byUser = new TreeMap<>();
    private final Map<String, Long> byCountry = new TreeMap<>();
    private final Map<String, Long> byPlatform = new TreeMap<>();
    private final long[][] byHourAndOutcome = new long[SignInEvent.Outcome.values().length][24];
    private final Map<String, Long> failuresByUser = new TreeMap<>();
    private final Map<String, Long> failuresByAddress = new TreeMap<>();

    private Builder(Instant from, Instant to, ZoneId zone) {
      this.from = requireNonNull(from, "from");
      this.to = requireNonNull(to, "to");
      this.zone = requireNonNull(zone, "zone");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("period ends at " + to + " before it starts at " + from);
      }
      for (SignInEvent.Outcome outcome : SignInEvent.Outcome.values()) {
        byOutcome.put(outcome, 0L);
      }
    }

    /**
     * Counts {@code event} if it falls in the period.
     *
     * @param event the event
     * @return this builder
     */
    public Builder add(SignInEvent event) {
      if (event.time().isBefore(from) || !event.time().isBefore(to)) {
        return this;
      }
      total++;
      byOutcome.merge(event.outcome(), 1L, Long::sum);
      byUser.merge(event.userId(), 1L, Long::sum);
      byCountry.merge(orUnknown(event.country()), 1L, Long::sum);
      byPlatform.merge(orUnknown(event.platform()), 1L, Long::sum);
      byHourAndOutcome[event.outcome().ordinal()][event.time().atZone(zone).getHour()]++;
      if (event.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS) {
        failuresByUser.merge(event.userId(), 1L, Long::sum);
        failuresByAddress.merge(event.ip().toString(), 1L, Long::sum);
      }
      return this;
    }

    private static String orUnknown(@Nullable String value) {
      return value == null ? UNKNOWN : value;
    }

    /** {@return the report of the events counted so far} */
    public SignInReport build() {
      return new SignInReport(this);
    }
  }
}
