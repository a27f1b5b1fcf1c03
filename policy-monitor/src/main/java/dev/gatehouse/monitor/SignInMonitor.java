package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.monitor.internal.SignalDetector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Records sign-in attempts and turns the history into risk: the entry point of the module.
 *
 * <p>Wire it around the engine: enrich the request before evaluating it, record the outcome after.
 *
 * <pre>{@code
 * SignInMonitor monitor = SignInMonitor.builder()
 *     .locator(CsvIpLocator.load(Path.of("geo.csv")))
 *     .blocklist(List.of(IpNetwork.parse("192.0.2.0/24")))
 *     .build();
 *
 * AccessRequest enriched = monitor.enrich(request);   // risk.score, risk.level, device.known
 * Decision decision = policies.evaluate(enriched);
 * monitor.record(SignInEvent.of(enriched, decision));
 * }</pre>
 *
 * <p>A monitor is thread-safe: any number of threads may record and enrich at once.
 */
public final class SignInMonitor {

  private final SignInStore store;
  private final IpLocator locator;
  private final RiskScorer scorer;
  private final SignalDetector detector;
  private final SignalDetector.Settings settings;
  private final Clock clock;
  private final UserIdNormalizer normalizer;

  /** The attributes {@link #enrich} sets, for the last schema seen: resolved once, not per call. */
  private volatile @Nullable Resolved resolved;

  SignInMonitor(
      SignInStore store,
      IpLocator locator,
      RiskScorer scorer,
      SignalDetector.Settings settings,
      Clock clock,
      UserIdNormalizer normalizer) {
    this.normalizer = normalizer;
    this.store = store;
    this.locator = locator;
    this.scorer = scorer;
    this.settings = settings;
    this.detector = new SignalDetector(settings, scorer);
    this.clock = clock;
  }

  /**
   * Returns a builder with the defaults: an in-memory store within {@link MemoryLimits#defaults()},
   * no locator, no blocklist, the default {@link RiskScorer}, UTC hours, the system clock.
   *
   * @return a builder with the defaults
   */
  public static SignInMonitorBuilder builder() {
    return new SignInMonitorBuilder();
  }

  /**
   * Remembers a sign-in attempt, under the canonical form of its user id.
   *
   * @param event the attempt
   */
  public void record(SignInEvent event) {
    requireNonNull(event, "event");
    String canonical = canonical(event.userId());
    SignInEvent stored = canonical.equals(event.userId()) ? event : event.withUserId(canonical);
    store.record(stored, locator.locate(event.ip()).orElse(null));
  }

  /**
   * Returns the id the history of {@code userId} is kept under; an id that folds to nothing stays.
   */
  private String canonical(String userId) {
    String canonical = normalizer.normalize(userId);
    return canonical.isEmpty() ? userId : canonical;
  }

  /**
   * Remembers an evaluated sign-in and returns the event recorded, see {@link
   * SignInEvent#of(AccessRequest, Decision)}.
   *
   * @param request the request as evaluated
   * @param decision the engine's decision
   * @return the event recorded
   * @throws IllegalArgumentException if the request lacks {@code user.id}, {@code request.ip} or
   *     {@code request.time}
   */
  public SignInEvent record(AccessRequest request, Decision decision) {
    SignInEvent event = SignInEvent.of(request, decision);
    record(event);
    return event;
  }

  /**
   * Returns how risky the sign-in in {@code request} looks, with every signal that fired.
   *
   * <p>It reads {@code user.id}, {@code request.ip}, {@code request.time} (the monitor's clock when
   * absent), {@code location.country} (the locator's answer when absent) and {@code device.id}.
   * Without {@code user.id} only the address signals can fire.
   *
   * @param request the request
   * @return how risky the sign-in looks
   * @throws StoreUnavailableException if a shared store cannot answer within its time budget
   */
  public RiskAssessment assess(AccessRequest request) {
    requireNonNull(request, "request");
    IpAddress ip = (IpAddress) value(request, "request.ip");
    Instant time = (Instant) value(request, "request.time");
    if (time == null) {
      time = clock.instant();
    }
    Location location = ip == null ? null : locator.locate(ip).orElse(null);
    String country = (String) value(request, "location.country");
    if (country == null && location != null) {
      country = location.country();
    }
    String deviceId = (String) value(request, "device.id");
    String userId = (String) value(request, "user.id");
    SignInStore.Lookup found =
        store.lookup(
            userId == null ? null : canonical(userId),
            ip,
            time.minus(settings.failureWindow()),
            time);
    UserProfile profile = found.profile();
    List<RiskSignal> signals =
        detector.detect(
            new SignalDetector.Attempt(time, ip, country, deviceId, location),
            profile,
            found.ipFailures(),
            ip == null ? null : store.failureNetwork(ip).orElse(null),
            found.networkFailures());
    boolean deviceKnown = profile != null && deviceId != null && profile.knowsDevice(deviceId);
    return scorer.assess(signals, deviceKnown);
  }

  /**
   * Returns {@code request} with {@code risk.score} and {@code risk.level} set from {@link
   * #assess}, and {@code device.known} set when the request has a {@code device.id}.
   *
   * <p>When a shared store cannot answer within its time budget the request is returned as it is,
   * without the risk attributes, so that every policy that reads them fails closed and the decision
   * names the missing attribute.
   *
   * @param request the request
   * @return the enriched request
   * @throws dev.gatehouse.api.InvalidRequestException if the request's schema lacks {@code
   *     risk.score}, {@code risk.level} or {@code device.known}
   */
  public AccessRequest enrich(AccessRequest request) {
    RiskAssessment risk;
    try {
      risk = assess(request);
    } catch (StoreUnavailableException e) {
      return request;
    }
    RiskAttributes a = riskAttributes(request.schema());
    if (a == null) {
      // A schema without them: the name setters throw the documented exception.
      AccessRequest.Builder b =
          request.toBuilder().set("risk.score", risk.score()).set("risk.level", risk.level().id());
      if (request.has("device.id")) {
        b.set("device.known", risk.deviceKnown());
      }
      return b.build();
    }
    AccessRequest.Builder b =
        request.toBuilder().set(a.score(), risk.score()).set(a.level(), risk.level().id());
    if (request.has(a.deviceId().slot())) {
      b.set(a.deviceKnown(), risk.deviceKnown());
    }
    return b.build();
  }

  /** Returns the attributes {@link #enrich} sets in {@code schema}, resolved once per schema. */
  private @Nullable RiskAttributes riskAttributes(Schema schema) {
    Resolved r = resolved;
    if (r == null || r.schema() != schema) {
      r = new Resolved(schema, RiskAttributes.of(schema));
      resolved = r;
    }
    return r.attributes();
  }

  /** The risk attributes of the last schema seen, or null if it lacks one of them. */
  private record Resolved(Schema schema, @Nullable RiskAttributes attributes) {}

  /** The attributes {@link #enrich} reads and sets. */
  private record RiskAttributes(
      Attribute score, Attribute level, Attribute deviceKnown, Attribute deviceId) {

    static @Nullable RiskAttributes of(Schema schema) {
      Optional<Attribute> score = schema.attribute("risk.score");
      Optional<Attribute> level = schema.attribute("risk.level");
      Optional<Attribute> known = schema.attribute("device.known");
      Optional<Attribute> id = schema.attribute("device.id");
      if (score.isEmpty() || level.isEmpty() || known.isEmpty() || id.isEmpty()) {
        return null;
      }
      return new RiskAttributes(score.get(), level.get(), known.get(), id.get());
    }
  }

  /**
   * Returns what the store remembers about {@code userId} (in its canonical form), or empty.
   *
   * @param userId the user id
   * @return what the store remembers about {@code userId}
   */
  public Optional<UserProfile> profile(String userId) {
    return store.profile(canonical(requireNonNull(userId, "userId")));
  }

  /**
   * Returns the report of the remembered events in {@code [from, to)}; the in-memory store keeps
   * only each user's latest events, so a full report reads the events from where they are archived
   * with {@link SignInReport#of(Iterable, Instant, Instant, java.time.ZoneId)}.
   *
   * @param from the start of the period, inclusive
   * @param to the end of the period, exclusive
   * @return the report of the remembered events in {@code [from, to)}
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public SignInReport report(Instant from, Instant to) {
    SignInReport.Builder b = SignInReport.builder(from, to, settings.zone());
    store.forEachEvent(b::add);
    return b.build();
  }

  /** {@return the store the monitor records into} */
  public SignInStore store() {
    return store;
  }

  /** {@return the scorer the monitor uses} */
  public RiskScorer scorer() {
    return scorer;
  }

  private static @Nullable Object value(AccessRequest request, String name) {
    Optional<Object> value = request.value(name);
    return value.isPresent() ? value.get() : null;
  }

  @Override
  public String toString() {
    return "SignInMonitor{" + store + ", " + scorer + ", " + settings + "}";
  }
}
