package dev.gatehouse.engine;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.api.policy.TimeWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded generator of small policy sets and requests over a narrow vocabulary, so that random
 * requests often hit random conditions: for differential testing of the engine.
 */
final class RandomPolicies {

  static final Schema SCHEMA =
      Schema.builder()
          .declare("user.clearance", AttributeType.INT)
          .declare("user.cost_center", AttributeType.STRING)
          .build();

  private static final String[] DEPARTMENTS = {"Finance", "Sales", "HR", "Payroll", "Eng"};
  private static final String[] COUNTRIES = {"FR", "BE", "US", "DE"};
  private static final String[] ROLES = {"sysadmin", "auditor", "hr-manager", "dev", "sales"};
  private static final String[] EMPLOYMENT = {"employee", "contractor"};
  private static final String[] APPS = {"mail", "books", "payroll", "crm"};
  private static final String[] ACTIONS = {
    "signin", "access", "access", "access", "user.create", "user.delete", "app.assign"
  };
  private static final String[] ALLOWED = {
    "user.create", "user.update", "user.*", "app.assign", "app.*", "*"
  };
  private static final String[] EMAILS = {"a@acme.com", "b@acme.fr", "c@other.org"};
  private static final String[] LEVELS = {"none", "low", "medium", "high", "critical"};
  private static final ZoneId[] ZONES = {
    ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York")
  };
  private static final Instant BASE = Instant.parse("2026-03-28T00:00:00Z");

  private final Random random;
  private final List<Network> named = new ArrayList<>();

  RandomPolicies(long seed) {
    this.random = new Random(seed);
  }

  PolicySet policySet(int count) {
    named.clear();
    PolicySet.Builder b = PolicySet.builder(SCHEMA);
    for (int i = 0; i < 3; i++) {
      Network n = new Network("net" + i, blocks(1 + random.nextInt(3)));
      named.add(n);
      b.network(n);
    }
    for (int i = 0; i < count; i++) {
      b.add(policy("p" + i));
    }
    return b.build();
  }

  private Policy policy(String id) {
    boolean reportOnly = random.nextInt(7) == 0;
    switch (random.nextInt(4)) {
      case 0:
        {
          AssignPolicy.Builder a = AssignPolicy.builder(id).grant(pick(APPS), pick(ROLES));
          if (random.nextBoolean()) {
            a.grant(pick(APPS), pick(ROLES));
          }
          maybe(a::when);
          return (reportOnly ? a.reportOnly() : a).build();
        }
      case 1:
        {
          RestrictPolicy.Builder r = RestrictPolicy.builder(id).apps(someApps()).allow(network());
          if (random.nextBoolean()) {
            r.allow(network());
          }
          maybe(r::when);
          return (reportOnly ? r.reportOnly() : r).build();
        }
      case 2:
        {
          AuthenticatePolicy.Builder a = AuthenticatePolicy.builder(id).apps(someApps());
          int what = random.nextInt(4);
          if (what == 0) {
            a.block();
          } else {
            if (what != 2) {
              a.requireMfa(Duration.ofMinutes(15L << random.nextInt(6)), factors());
            }
            if (what != 1) {
              a.requireSso();
            }
          }
          maybe(a::when);
          return (reportOnly ? a.reportOnly() : a).build();
        }
      default:
        {
          DelegatePolicy.Builder d = DelegatePolicy.builder(id).allow(pick(ALLOWED));
          if (random.nextBoolean()) {
            d.allow(pick(ALLOWED));
          }
          d.to(condition(2, "user"));
          if (random.nextBoolean()) {
            d.on(condition(1, "target"));
          }
          return (reportOnly ? d.reportOnly() : d).build();
        }
    }
  }

  private void maybe(java.util.function.Function<Condition, ?> when) {
    if (random.nextInt(5) != 0) {
      when.apply(condition(3, "user"));
    }
  }

  private String[] someApps() {
    if (random.nextBoolean()) {
      return new String[0];
    }
    return random
        .ints(1 + random.nextInt(2), 0, APPS.length)
        .mapToObj(i -> APPS[i])
        .toArray(String[]::new);
  }

  private Factor[] factors() {
    Factor[] all = {Factor.WEBAUTHN, Factor.TOTP, Factor.PUSH, Factor.SMS};
    return random
        .ints(1 + random.nextInt(2), 0, all.length)
        .mapToObj(i -> all[i])
        .toArray(Factor[]::new);
  }

  Condition condition(int depth, String subject) {
    int pick = random.nextInt(depth <= 0 ? 10 : 14);
    switch (pick) {
      case 10:
        return new Condition.And(
            List.of(condition(depth - 1, subject), condition(depth - 1, subject)));
      case 11:
        return new Condition.Or(
            List.of(condition(depth - 1, subject), condition(depth - 1, subject)));
      case 12:
        return new Condition.Not(condition(depth - 1, subject));
      case 13:
        return new Condition.Named("c" + random.nextInt(3), condition(depth - 1, subject));
      default:
        return leaf(pick, subject);
    }
  }

  private Condition leaf(int pick, String subject) {
    switch (pick) {
      case 0:
        return new Condition.Compare(
            subject + ".department",
            random.nextBoolean() ? Operator.EQ : Operator.NE,
            new Literal.Str(pick(DEPARTMENTS)));
      case 1:
        return Condition.in(subject + ".country", pick(COUNTRIES), pick(COUNTRIES));
      case 2:
        {
          int m = random.nextInt(3);
          List<Literal> values =
              List.of(new Literal.Str(pick(ROLES)), new Literal.Str(pick(ROLES)));
          return new Condition.Contains(
              subject + ".roles",
              Condition.Match.values()[m],
              m == 0 ? values.subList(0, 1) : values);
        }
      case 3:
        return Condition.compare(
            subject + ".clearance", pick(Operator.values()), random.nextInt(5));
      case 4:
        return Condition.compare("risk.level", pick(Operator.values()), pick(LEVELS));
      case 5:
        return new Condition.Compare(
            "device.managed",
            random.nextBoolean() ? Operator.EQ : Operator.NE,
            new Literal.Bool(random.nextBoolean()));
      case 6:
        return random.nextBoolean()
            ? new Condition.InNetwork("request.ip", List.of(pick(named.toArray(new Network[0]))))
            : new Condition.InNetwork("request.ip", List.of(network(), network()));
      case 7:
        return new Condition.InWindow("request.time", window());
      case 8:
        return random.nextBoolean()
            ? Condition.endsWith(subject + ".email", pick(EMAILS).substring(1))
            : Condition.startsWith(subject + ".email", pick(EMAILS).substring(0, 2));
      default:
        return random.nextBoolean()
            ? Condition.eq(subject + ".employment", pick(EMPLOYMENT))
            : Condition.contains("auth.methods", pick(Factor.values()).id());
    }
  }

  private TimeWindow window() {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i <= random.nextInt(5); i++) {
      days.add(pick(DayOfWeek.values()));
    }
    LocalTime start = LocalTime.of(random.nextInt(24), 30 * random.nextInt(2));
    LocalTime end = LocalTime.of(random.nextInt(24), 0);
    return new TimeWindow(days, start, end, pick(ZONES));
  }

  private Network network() {
    return random.nextInt(3) == 0
        ? pick(named.toArray(new Network[0]))
        : new Network("", blocks(1 + random.nextInt(2)));
  }

  private List<dev.gatehouse.api.IpNetwork> blocks(int n) {
    List<dev.gatehouse.api.IpNetwork> blocks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (random.nextInt(4) == 0) {
        int prefix = 32 + random.nextInt(97);
        blocks.add(
            dev.gatehouse.api.IpNetwork.containing(
                dev.gatehouse.api.IpAddress.parse(
                    "2001:db8::" + Integer.toHexString(random.nextInt(16))),
                prefix));
      } else {
        int prefix = 16 + random.nextInt(17);
        blocks.add(
            dev.gatehouse.api.IpNetwork.containing(
                dev.gatehouse.api.IpAddress.parse(
                    "10.0." + random.nextInt(4) + "." + random.nextInt(256)),
                96 + prefix));
      }
    }
    return blocks;
  }

  AccessRequest request() {
    AccessRequest.Builder b = AccessRequest.builder(SCHEMA);
    for (String subject : List.of("user", "target")) {
      maybeSet(() -> b.set(subject + ".department", pick(DEPARTMENTS)));
      maybeSet(() -> b.set(subject + ".country", pick(COUNTRIES)));
      maybeSet(() -> b.set(subject + ".roles", roles()));
      maybeSet(() -> b.set(subject + ".clearance", (long) random.nextInt(5)));
      maybeSet(() -> b.set(subject + ".email", pick(EMAILS)));
      maybeSet(() -> b.set(subject + ".employment", pick(EMPLOYMENT)));
    }
    maybeSet(() -> b.set("user.id", "u" + random.nextInt(100)));
    maybeSet(() -> b.set("request.action", pick(ACTIONS)));
    maybeSet(() -> b.set("app", random.nextInt(8) == 0 ? "unknown" : pick(APPS)));
    maybeSet(() -> b.set("request.ip", ip()));
    Instant now =
        random.nextInt(20) == 0 ? extremeInstant() : BASE.plusSeconds(random.nextInt(14 * 86_400));
    maybeSet(() -> b.set("request.time", now));
    maybeSet(() -> b.set("auth.time", authTime(now)));
    maybeSet(() -> b.set("auth.methods", methods()));
    maybeSet(() -> b.set("risk.level", pick(LEVELS)));
    maybeSet(() -> b.set("device.managed", random.nextBoolean()));
    return b.build();
  }

  /**
   * An {@code auth.time} mostly in the past of {@code now}, sometimes in its future (inside and
   * beyond the allowed clock skew) and sometimes at the ends of the range a request can hold.
   */
  private Instant authTime(Instant now) {
    switch (random.nextInt(8)) {
      case 0:
        return extremeInstant();
      case 1:
        return plusSecondsSaturated(now, random.nextInt(600));
      case 2:
        return plusSecondsSaturated(now, random.nextInt(200_000));
      default:
        return plusSecondsSaturated(now, -random.nextInt(20_000));
    }
  }

  /** The first or last instant a request can hold (millisecond range), or one next to it. */
  private Instant extremeInstant() {
    long millis = random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
    return Instant.ofEpochMilli(millis + (millis < 0 ? 1 : -1) * random.nextInt(1_000));
  }

  private static Instant plusSecondsSaturated(Instant t, long seconds) {
    Instant min = Instant.ofEpochMilli(Long.MIN_VALUE);
    Instant max = Instant.ofEpochMilli(Long.MAX_VALUE);
    Instant moved =
        seconds < 0 && t.isBefore(min.plusSeconds(-seconds))
            ? min
            : seconds > 0 && t.isAfter(max.minusSeconds(seconds)) ? max : t.plusSeconds(seconds);
    return moved;
  }

  private String ip() {
    if (random.nextInt(5) == 0) {
      return "2001:db8::" + Integer.toHexString(random.nextInt(16));
    }
    String v4 = "10.0." + random.nextInt(4) + "." + random.nextInt(256);
    return random.nextInt(4) == 0 ? "::ffff:" + v4 : v4;
  }

  private Set<String> roles() {
    Set<String> roles = new TreeSet<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      roles.add(pick(ROLES));
    }
    return roles;
  }

  private Set<String> methods() {
    Set<String> methods = new TreeSet<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      methods.add(pick(Factor.values()).id());
    }
    return methods;
  }

  private void maybeSet(Runnable set) {
    if (random.nextInt(10) != 0) {
      set.run();
    }
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
