package dev.gatehouse.dashboard.internal;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Schema;
import dev.gatehouse.monitor.RiskAssessment;
import dev.gatehouse.monitor.RiskLevel;
import dev.gatehouse.monitor.RiskSignal;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A read-only, column-wise copy of the events of a store, newest first: one array per field and
 * dictionaries for the repeated values, so that a query scans a million events without touching an
 * object per event.
 *
 * <p>Risk is not recorded with an event, so the index replays the events in time order through a
 * fresh monitor and keeps, for each event, the score, level and signals the monitor would have
 * given it at the time.
 */
public final class EventIndex {

  /** What the index holds for one event, given back with {@link #event(int)}. */
  public record Row(
      int position,
      SignInEvent event,
      int score,
      RiskLevel level,
      List<String> signals,
      @Nullable String network) {}

  private final long generation;
  private final Instant builtAt;
  private final int size;
  final long[] time;
  final int[] user;
  final int[] ip;
  final int[] net;
  final int[] country;
  final int[] device;
  final int[] platform;
  final byte[] outcome;
  final byte[] level;
  final byte[] score;
  final int[] signals;

  /** The kinds of signal of each event, one bit per {@link dev.gatehouse.monitor.SignalKind}. */
  final byte[] signalKinds;

  final int[] reasons;
  final int[] policies;
  final List<String> users;
  private final Map<String, Integer> userPositions;
  final List<IpAddress> ips;
  final List<String> nets;
  final List<String> countries;
  final List<String> devices;
  final List<String> platforms;
  final List<List<ReasonCode>> reasonLists;
  final List<List<String>> policyLists;
  final List<List<RiskSignal>> signalLists;
  private volatile @Nullable ReportOnlyIndex reportOnly;

  private EventIndex(
      long generation,
      Instant builtAt,
      List<SignInEvent> newestFirst,
      byte[] score,
      byte[] level,
      int[] signals,
      List<List<RiskSignal>> signalLists) {
    this.generation = generation;
    this.builtAt = builtAt;
    this.size = newestFirst.size();
    this.time = new long[size];
    this.user = new int[size];
    this.ip = new int[size];
    this.net = new int[size];
    this.country = new int[size];
    this.device = new int[size];
    this.platform = new int[size];
    this.outcome = new byte[size];
    this.reasons = new int[size];
    this.policies = new int[size];
    this.score = score;
    this.level = level;
    this.signals = signals;
    this.signalLists = signalLists;
    this.signalKinds = new byte[size];
    byte[] kindsOfList = new byte[signalLists.size()];
    for (int l = 0; l < kindsOfList.length; l++) {
      for (RiskSignal s : signalLists.get(l)) {
        kindsOfList[l] |= (byte) (1 << s.signal().ordinal());
      }
    }
    for (int i = 0; i < size; i++) {
      signalKinds[i] = kindsOfList[signals[i]];
    }
    Dict<String> userDict = new Dict<>();
    Dict<IpAddress> ipDict = new Dict<>();
    Dict<String> netDict = new Dict<>();
    Dict<String> countryDict = new Dict<>();
    Dict<String> deviceDict = new Dict<>();
    Dict<String> platformDict = new Dict<>();
    Dict<List<ReasonCode>> reasonDict = new Dict<>();
    Dict<List<String>> policyDict = new Dict<>();
    List<String> netOfIp = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      SignInEvent e = newestFirst.get(i);
      time[i] = e.time().toEpochMilli();
      user[i] = userDict.id(e.userId());
      int a = ipDict.id(e.ip());
      ip[i] = a;
      if (a == netOfIp.size()) {
        netOfIp.add(e.ip().isIpv4() ? null : IpNetwork.containing(e.ip(), 64).toString());
      }
      net[i] = netDict.id(netOfIp.get(a));
      country[i] = countryDict.id(e.country());
      device[i] = deviceDict.id(e.deviceId());
      platform[i] = platformDict.id(e.platform());
      outcome[i] = (byte) e.outcome().ordinal();
      reasons[i] = reasonDict.id(e.reasons());
      policies[i] = policyDict.id(e.policies());
    }
    this.users = List.copyOf(userDict.values());
    Map<String, Integer> positions = new HashMap<>();
    for (int u = 0; u < users.size(); u++) {
      positions.put(users.get(u), u);
    }
    this.userPositions = positions;
    this.ips = List.copyOf(ipDict.values());
    this.nets = List.copyOf(netDict.values());
    this.countries = List.copyOf(countryDict.values());
    this.devices = List.copyOf(deviceDict.values());
    this.platforms = List.copyOf(platformDict.values());
    this.reasonLists = List.copyOf(reasonDict.values());
    this.policyLists = List.copyOf(policyDict.values());
  }

  /**
   * Reads every event of {@code source} and indexes them, scoring risk with monitors from {@code
   * riskMonitors}.
   *
   * @param source passes every event to its argument, as {@code SignInStore::forEachEvent} does
   * @param riskMonitors makes the empty monitor the events are replayed through
   * @param generation a number that tells this index from the ones before it
   * @param now when the index is built
   * @return the index
   */
  public static EventIndex build(
      Consumer<Consumer<? super SignInEvent>> source,
      Supplier<SignInMonitor> riskMonitors,
      long generation,
      Instant now) {
    List<SignInEvent> events = new ArrayList<>();
    source.accept(events::add);
    events.sort(Comparator.comparing(SignInEvent::time).thenComparing(SignInEvent::userId));
    int n = events.size();
    byte[] score = new byte[n];
    byte[] level = new byte[n];
    int[] signals = new int[n];
    Dict<List<RiskSignal>> signalDict = new Dict<>();
    SignInMonitor monitor = riskMonitors.get();
    Schema schema = Schema.standard();
    // Oldest first through the monitor, stored newest first.
    for (int i = 0; i < n; i++) {
      SignInEvent e = events.get(i);
      AccessRequest.Builder b =
          AccessRequest.builder(schema)
              .set("user.id", e.userId())
              .set("request.ip", e.ip())
              .set("request.time", e.time());
      if (e.country() != null) {
        b.set("location.country", e.country());
      }
      if (e.deviceId() != null) {
        b.set("device.id", e.deviceId());
      }
      RiskAssessment risk = monitor.assess(b.build());
      monitor.record(e);
      int at = n - 1 - i;
      score[at] = (byte) risk.score();
      level[at] = (byte) risk.level().ordinal();
      signals[at] = signalDict.id(risk.signals());
    }
    List<SignInEvent> newestFirst = new ArrayList<>(n);
    for (int i = n - 1; i >= 0; i--) {
      newestFirst.add(events.get(i));
    }
    return new EventIndex(
        generation, now, newestFirst, score, level, signals, List.copyOf(signalDict.values()));
  }

  /** {@return how many events the index holds} */
  public int size() {
    return size;
  }

  /**
   * Returns the number that tells this index from the ones before it.
   *
   * @return the generation
   */
  public long generation() {
    return generation;
  }

  /** {@return when the index was built} */
  public Instant builtAt() {
    return builtAt;
  }

  /**
   * Returns the distinct user ids, in the order of their ids.
   *
   * @return the distinct user ids
   */
  public List<String> users() {
    return users;
  }

  /** Returns the position of {@code userId} in {@link #users()}, or -1 if it has no events. */
  int user(String userId) {
    Integer u = userPositions.get(userId);
    return u == null ? -1 : u;
  }

  /**
   * Returns the event at {@code position}, newest first.
   *
   * @param position the position, 0 for the newest
   * @return the event and its risk
   */
  public Row event(int position) {
    int i = position;
    List<String> names = new ArrayList<>();
    for (RiskSignal s : signalLists.get(signals[i])) {
      names.add(s.toString());
    }
    SignInEvent e =
        new SignInEvent(
            users.get(user[i]),
            Instant.ofEpochMilli(time[i]),
            ips.get(ip[i]),
            at(countries, country[i]),
            at(devices, device[i]),
            at(platforms, platform[i]),
            SignInEvent.Outcome.values()[outcome[i]],
            reasonLists.get(reasons[i]),
            policyLists.get(policies[i]));
    return new Row(i, e, score[i], RiskLevel.values()[level[i]], names, at(nets, net[i]));
  }

  /**
   * Returns the first position at or after which events are older than {@code millis}: the end of
   * the range of events at or after it.
   */
  int firstOlderThan(long millis) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (time[mid] >= millis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Nullable ReportOnlyIndex reportOnly() {
    return reportOnly;
  }

  void reportOnly(ReportOnlyIndex index) {
    this.reportOnly = index;
  }

  static <T> @Nullable T at(List<T> values, int id) {
    return id < 0 ? null : values.get(id);
  }
}
