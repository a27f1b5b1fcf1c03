package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.CompiledPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded, deterministic workload shaped like a large tenant: conditional assignments on
 * department, country, roles and employment; network restrictions over thousands of overlapping
 * IPv4 and IPv6 ranges; MFA policies by role, department and risk (some report-only); scoped
 * delegations; and a directory of users whose requests are mostly permitted, some denied by
 * network, some challenged.
 *
 * <pre>{@code
 * Workload w = Workload.generate(10_000, 42);
 * CompiledPolicies engine = PolicyEngine.compile(w.policies());
 * AccessRequest[] stream = w.requests(engine, 1024);
 * }</pre>
 */
public final class Workload {

  /** The schema of every workload: the standard one plus a cost center and a clearance. */
  public static final Schema SCHEMA =
      Schema.builder()
          .declare("user.cost_center", AttributeType.STRING)
          .declare("user.clearance", AttributeType.INT)
          .build();

  private static final String[] EMPLOYMENT = {
    "employee", "employee", "employee", "contractor", "intern"
  };
  private static final String[] ADMIN_ACTIONS = {
    "user.create", "user.update", "user.reset_mfa", "app.assign", "group.update"
  };
  private static final String[] LEVELS = {"none", "low", "low", "low", "medium", "high"};
  private static final Instant BASE = Instant.parse("2026-11-02T08:00:00Z");

  private final int size;
  private final Random random;
  private final int apps;
  private final int departments = 40;
  private final int countries = 25;
  private final int roles = 300;

  /** The corporate network most requests come from; every restriction allows it. */
  private final Network corp = Network.of("corp", "10.0.0.0/12", "2001:db8:100::/40");

  /** Site networks, overlapping, outside {@link #corp}. */
  private final List<Network> networks = new ArrayList<>();

  private final Map<String, List<Network>> allowedByApp = new HashMap<>();
  private final PolicySet policies;
  private final List<AccessRequest> users = new ArrayList<>();

  private Workload(int size, long seed) {
    this.size = size;
    this.random = new Random(seed);
    this.apps = Math.max(8, size / 25);
    int networkCount = Math.min(4_000, Math.max(20, size / 25));
    for (int i = 0; i < networkCount; i++) {
      networks.add(network("net_" + i));
    }
    PolicySet.Builder b = PolicySet.builder(SCHEMA).network(corp);
    networks.forEach(b::network);
    for (int i = 0; i < size; i++) {
      b.add(policy(i));
    }
    this.policies = b.build();
    for (int i = 0; i < 10_000; i++) {
      users.add(user(i));
    }
  }

  /** Generates a workload of {@code size} policies from {@code seed}. */
  public static Workload generate(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("a workload needs at least one policy, not " + size);
    }
    return new Workload(size, seed);
  }

  /** Returns the policy set. */
  public PolicySet policies() {
    return policies;
  }

  /** Returns the policy set as policy-language text, one file. */
  public String text() {
    return dev.gatehouse.dsl.PolicyWriter.write(policies);
  }

  /** Returns the number of policies. */
  public int size() {
    return size;
  }

  /** Returns the directory: 10,000 users, each a request holding only {@code user.*}. */
  public List<AccessRequest> users() {
    return users;
  }

  private Policy policy(int i) {
    int kind = random.nextInt(100);
    if (kind < 70) {
      return assign("assign-" + i);
    } else if (kind < 80) {
      return restrict("restrict-" + i);
    } else if (kind < 92) {
      return authenticate("mfa-" + i);
    }
    return delegate("delegate-" + i);
  }

  private Policy assign(String id) {
    AssignPolicy.Builder a = AssignPolicy.builder(id).grant(app(), role());
    switch (random.nextInt(4)) {
      case 0:
        return a.when(
                Condition.and(
                    Condition.eq("user.department", department()),
                    Condition.in("user.country", country(), country())))
            .build();
      case 1:
        return a.when(Condition.contains("user.roles", role())).build();
      case 2:
        return a.when(
                Condition.and(
                    Condition.in("user.department", department(), department()),
                    Condition.ne("user.employment", "contractor")))
            .build();
      default:
        return a.when(
                Condition.and(
                    Condition.containsAny("user.roles", role(), role()),
                    Condition.eq("user.country", country())))
            .build();
    }
  }

  private Policy restrict(String id) {
    RestrictPolicy.Builder r = RestrictPolicy.builder(id);
    String app = app();
    boolean global = random.nextDouble() < globalShare();
    if (!global) {
      r.apps(app);
    }
    Network site = pick(networks);
    r.allow(corp, site);
    if (!global) {
      allowedByApp.computeIfAbsent(app, k -> new ArrayList<>()).add(site);
    }
    int when = random.nextInt(10);
    if (when < 7) {
      r.when(Condition.eq("user.department", department()));
    } else if (when < 9) {
      r.when(Condition.not(Condition.contains("user.roles", "auditor")));
    }
    return r.build();
  }

  private Policy authenticate(String id) {
    AuthenticatePolicy.Builder a = AuthenticatePolicy.builder(id);
    boolean global = random.nextDouble() < globalShare();
    if (!global) {
      a.apps(app());
    }
    switch (random.nextInt(4)) {
      case 0:
        a.when(Condition.contains("user.roles", role()))
            .requireMfa(Duration.ofHours(8), Factor.WEBAUTHN, Factor.TOTP);
        break;
      case 1:
        a.when(Condition.eq("user.department", department()))
            .requireMfa(Duration.ofHours(12), Factor.TOTP, Factor.PUSH, Factor.WEBAUTHN);
        break;
      case 2:
        a.when(Condition.compare("risk.level", Operator.GE, "high"))
            .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN);
        break;
      default:
        a.when(Condition.inNetwork("request.ip", pick(networks))).block();
        a.reportOnly();
        break;
    }
    if (random.nextInt(10) == 0) {
      a.reportOnly();
    }
    return a.build();
  }

  /** Tenant-wide policies are few whatever the size: about four of each kind. */
  private double globalShare() {
    return Math.min(1.0 / 50, 4.0 / size);
  }

  private Policy delegate(String id) {
    return DelegatePolicy.builder(id)
        .to(Condition.contains("user.roles", "admin-" + random.nextInt(50)))
        .allow(random.nextBoolean() ? "user.*" : pick(List.of(ADMIN_ACTIONS)), "app.assign")
        .on(Condition.ne("target.department", department()))
        .build();
  }

  private AccessRequest user(int i) {
    Set<String> userRoles = new TreeSet<>();
    for (int k = 2 + random.nextInt(3); k > 0; k--) {
      userRoles.add(role());
    }
    if (random.nextInt(20) == 0) {
      userRoles.add("admin-" + random.nextInt(50));
    }
    if (random.nextInt(30) == 0) {
      userRoles.add("auditor");
    }
    return AccessRequest.builder(SCHEMA)
        .set("user.id", "u-" + i)
        .set("user.email", "u" + i + "@acme.example")
        .set("user.department", department())
        .set("user.country", country())
        .set("user.employment", EMPLOYMENT[random.nextInt(EMPLOYMENT.length)])
        .set("user.roles", userRoles)
        .set("user.groups", Set.of("g-" + random.nextInt(100)))
        .set("user.title", "title-" + random.nextInt(30))
        .set("user.cost_center", "cc-" + random.nextInt(200))
        .set("user.clearance", (long) random.nextInt(5))
        .build();
  }

  /**
   * Returns {@code count} complete requests from the directory: most access an app the user is
   * assigned (as {@code engine} says) from an allowed network; some sign in, some perform admin
   * actions, some come from elsewhere.
   */
  public AccessRequest[] requests(CompiledPolicies engine, int count) {
    Random r = new Random(random.nextLong());
    AccessRequest[] requests = new AccessRequest[count];
    for (int i = 0; i < count; i++) {
      AccessRequest user = users.get(r.nextInt(users.size()));
      AccessRequest.Builder b = user.toBuilder();
      int kind = r.nextInt(100);
      String app = null;
      if (kind < 85) {
        List<Entitlement> owned = new ArrayList<>(engine.entitlements(user));
        app =
            owned.isEmpty() || r.nextInt(10) == 0
                ? app(r)
                : owned.get(r.nextInt(owned.size())).app();
        b.set("request.action", "access").set("app", app);
      } else if (kind < 95) {
        b.set("request.action", "signin");
      } else {
        b.set("request.action", ADMIN_ACTIONS[r.nextInt(ADMIN_ACTIONS.length)]);
        AccessRequest target = users.get(r.nextInt(users.size()));
        target.value("user.department").ifPresent(d -> b.set("target.department", (String) d));
        target.value("user.country").ifPresent(c -> b.set("target.country", (String) c));
      }
      Instant now = BASE.plusSeconds(r.nextInt(30 * 86_400));
      List<Network> sites = app == null ? List.of() : allowedByApp.getOrDefault(app, List.of());
      int from = r.nextInt(20);
      b.set(
              "request.ip",
              from < 15
                  ? address(corp, r)
                  : from < 18 && !sites.isEmpty()
                      ? address(sites.get(r.nextInt(sites.size())), r)
                      : randomIp(r))
          .set("request.time", now)
          .set("auth.time", now.minusSeconds(r.nextInt(10 * 3_600)))
          .set(
              "auth.methods",
              r.nextInt(3) == 0
                  ? Set.of("password")
                  : Set.of("password", r.nextBoolean() ? "totp" : "webauthn"))
          .set("risk.level", LEVELS[r.nextInt(LEVELS.length)])
          .set("risk.score", (long) r.nextInt(101))
          .set("device.id", "d-" + r.nextInt(50_000))
          .set("device.platform", r.nextBoolean() ? "macos" : "windows")
          .set("device.managed", r.nextInt(5) != 0)
          .set("device.known", r.nextInt(10) != 0)
          .set("location.country", (String) user.value("user.country").orElse("FR"));
      requests[i] = b.build();
    }
    return requests;
  }

  private Network network(String name) {
    List<dev.gatehouse.api.IpNetwork> blocks = new ArrayList<>();
    for (int k = 1 + random.nextInt(3); k > 0; k--) {
      if (random.nextInt(5) == 0) {
        blocks.add(
            dev.gatehouse.api.IpNetwork.containing(
                dev.gatehouse.api.IpAddress.of128(
                    0x2001_0db8_0200_0000L | (random.nextLong() & 0x00ff_ffffL), 0),
                40 + random.nextInt(25)));
      } else {
        long v4 = 0x0a10_0000L + (random.nextInt() & 0x00ff_ffffL) % 0x00f0_0000L;
        blocks.add(
            dev.gatehouse.api.IpNetwork.containing(
                dev.gatehouse.api.IpAddress.of128(0, 0x0000_ffff_0000_0000L | v4),
                96 + 16 + random.nextInt(13)));
      }
    }
    return new Network(name, blocks);
  }

  private static String address(Network n, Random r) {
    dev.gatehouse.api.IpNetwork block = n.blocks().get(r.nextInt(n.blocks().size()));
    long span = block.last().lo() - block.first().lo();
    long offset = span <= 0 ? 0 : (r.nextLong() & Long.MAX_VALUE) % (span + 1);
    return dev.gatehouse.api.IpAddress.of128(block.first().hi(), block.first().lo() + offset)
        .toString();
  }

  private static String randomIp(Random r) {
    return r.nextInt(5) == 0
        ? "2001:db8:ffff::" + Integer.toHexString(r.nextInt(65_536))
        : "172.16." + r.nextInt(256) + "." + r.nextInt(256);
  }

  private String app() {
    return "app-" + random.nextInt(apps);
  }

  private String app(Random r) {
    return "app-" + r.nextInt(apps);
  }

  private String role() {
    return "role-" + random.nextInt(roles);
  }

  private String department() {
    return "dept-" + random.nextInt(departments);
  }

  private String country() {
    return "c" + random.nextInt(countries);
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private <T> T pick(List<T> values) {
    return pick(values, random);
  }
}
