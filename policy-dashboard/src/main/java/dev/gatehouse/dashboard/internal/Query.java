package dev.gatehouse.dashboard.internal;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.monitor.RiskLevel;
import dev.gatehouse.monitor.SignInEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A filter over an {@link EventIndex}, resolved against its dictionaries once so that testing an
 * event compares ints only.
 */
public final class Query {

  /** The filter parameters a query reads; anything else is ignored. */
  public static final java.util.List<String> PARAMETERS =
      java.util.List.of(
          "from", "to", "user", "ip", "outcome", "country", "device", "platform", "minRisk");

  final EventIndex index;
  final int start;
  final int end;
  private final int user;
  private final @Nullable boolean[] ips;
  private final int outcomes;
  private final int country;
  private final @Nullable boolean[] devices;
  private final int platform;
  private final int minLevel;
  private final @Nullable BitSet visibleUsers;
  private final boolean none;

  private Query(
      EventIndex index, Function<String, @Nullable String> p, @Nullable BitSet visibleUsers) {
    this.index = index;
    this.visibleUsers = visibleUsers;
    Instant from = instant(p, "from");
    Instant to = instant(p, "to");
    this.start = to == null ? 0 : index.firstOlderThan(to.toEpochMilli());
    this.end = from == null ? index.size() : index.firstOlderThan(from.toEpochMilli());
    boolean nothing = false;
    String userId = text(p, "user");
    this.user = userId == null ? -2 : index.user(userId);
    nothing |= user == -1;
    this.ips = ips(index, text(p, "ip"));
    this.outcomes = outcomes(text(p, "outcome"));
    String c = text(p, "country");
    this.country = c == null ? -2 : find(index.countries, c.toUpperCase(Locale.ROOT));
    nothing |= country == -1;
    String d = text(p, "device");
    this.devices = d == null ? null : devices(index, d);
    String pl = text(p, "platform");
    this.platform = pl == null ? -2 : find(index.platforms, pl);
    nothing |= platform == -1;
    String risk = text(p, "minRisk");
    this.minLevel = risk == null ? 0 : level(risk);
    this.none = nothing;
  }

  /**
   * Returns the query of the parameters {@code p} over {@code index}.
   *
   * @param index the index
   * @param p the value of a parameter by name, or null when absent
   * @param visibleUsers the users whose events the viewer may see, by user position, or null for
   *     every user
   * @return the query
   * @throws IllegalArgumentException naming the parameter that is malformed
   */
  public static Query of(
      EventIndex index, Function<String, @Nullable String> p, @Nullable BitSet visibleUsers) {
    return new Query(index, p, visibleUsers);
  }

  /**
   * Returns a query over {@code index} with only the parameters in {@code p}.
   *
   * @param index the index
   * @param p the parameters
   * @param visibleUsers the visible users, or null for all
   * @return the query
   */
  public static Query of(EventIndex index, Map<String, String> p, @Nullable BitSet visibleUsers) {
    return new Query(index, p::get, visibleUsers);
  }

  /** Returns whether the event at {@code i} passes the filter; {@code i} is in [start, end). */
  boolean test(int i) {
    if (none) {
      return false;
    }
    EventIndex x = index;
    int u = x.user[i];
    return (user < 0 || u == user)
        && (visibleUsers == null || visibleUsers.get(u))
        && (outcomes & (1 << x.outcome[i])) != 0
        && x.level[i] >= minLevel
        && (country < 0 || x.country[i] == country)
        && (platform < 0 || x.platform[i] == platform)
        && (ips == null || ips[x.ip[i]])
        && (devices == null || (x.device[i] >= 0 && devices[x.device[i]]));
  }

  private static @Nullable String text(Function<String, @Nullable String> p, String name) {
    String v = p.apply(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static @Nullable Instant instant(Function<String, @Nullable String> p, String name) {
    String v = text(p, name);
    if (v == null) {
      return null;
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "malformed `" + name + "`: expected an ISO-8601 instant such as 2026-11-01T00:00:00Z");
    }
  }

  private static int find(java.util.List<String> values, String value) {
    return values.indexOf(value);
  }

  private static @Nullable boolean[] ips(EventIndex index, @Nullable String text) {
    if (text == null) {
      return null;
    }
    boolean[] match = new boolean[index.ips.size()];
    if (text.indexOf('/') >= 0) {
      IpNetwork network;
      try {
        network = IpNetwork.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed `ip`: expected an address or a CIDR");
      }
      for (int i = 0; i < match.length; i++) {
        match[i] = network.contains(index.ips.get(i));
      }
    } else {
      IpAddress address =
          IpAddress.tryParse(text)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "malformed `ip`: expected an address or a CIDR"));
      int i = index.ips.indexOf(address);
      if (i >= 0) {
        match[i] = true;
      }
    }
    return match;
  }

  private static int outcomes(@Nullable String text) {
    if (text == null) {
      return -1;
    }
    int mask = 0;
    for (String part : text.split(",")) {
      String id = part.strip();
      if (id.isEmpty()) {
        continue;
      }
      SignInEvent.Outcome found = null;
      for (SignInEvent.Outcome o : SignInEvent.Outcome.values()) {
        if (o.id().equals(id)) {
          found = o;
        }
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "unknown `outcome`: expected success,"
                + " failed_credentials, denied, challenged or challenge_passed");
      }
      mask |= 1 << found.ordinal();
    }
    return mask == 0 ? -1 : mask;
  }

  private static boolean[] devices(EventIndex index, String text) {
    boolean[] match = new boolean[index.devices.size()];
    int i = index.devices.indexOf(text);
    if (i >= 0) {
      match[i] = true;
    }
    return match;
  }

  private static int level(String text) {
    for (RiskLevel l : RiskLevel.values()) {
      if (l.id().equals(text.toLowerCase(Locale.ROOT))) {
        return l.ordinal();
      }
    }
    throw new IllegalArgumentException(
        "unknown `minRisk`: expected none, low, medium, high or critical");
  }
}
