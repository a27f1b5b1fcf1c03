package dev.gatehouse.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
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
import dev.gatehouse.engine.PolicyEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Random pairs of small policy sets, one often a small change of the other: every counterexample
 * the prover gives must be decided differently by the compiled engine, and a pair it proves
 * equivalent must decide hundreds of random requests (with attributes missing at random) alike.
 */
final class ProverDifferentialTest {

  private static final Schema SCHEMA = Schema.standard();
  private static final Network[] NETWORKS = {
    Network.of("corp", "10.0.0.0/8"),
    Network.of("lab", "10.1.0.0/16"),
    Network.of("home", "192.168.0.0/24", "2001:db8::/32")
  };
  private static final String[] IPS = {
    "10.0.0.1", "10.1.2.3", "192.168.0.9", "8.8.8.8", "2001:db8::1"
  };
  private static final String[] DEPARTMENTS = {"Sales", "Finance", "IT"};
  private static final String[] ROLES = {"admin", "helpdesk", "auditor"};
  private static final String[] LEVELS = {"none", "low", "medium", "high", "critical"};
  private static final String[] APPS = {"mail", "crm"};
  private static final String[] ACTIONS = {
    "access", "signin", "user.create", "user.delete", "app.assign"
  };
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Property(tries = 120)
  void equivalence_randomPairs_witnessesHoldAndProofsSurviveSampling(@ForAll long seed) {
    Random r = new Random(seed);
    List<Policy> a = new ArrayList<>();
    for (int i = 1 + r.nextInt(5); i > 0; i--) {
      a.add(policy(r, "p" + a.size()));
    }
    List<Policy> b = mutate(r, a);
    CompiledPolicies before = PolicyEngine.compile(set(a));
    CompiledPolicies after = PolicyEngine.compile(set(b));

    ProofResult result = PolicyProver.equivalence(before, after, Duration.ofSeconds(20));

    assertThat(result.verdict()).as(result.toString()).isNotEqualTo(ProofResult.Verdict.UNDECIDED);
    Statistics.collect(result.verdict());
    // Both branches must be exercised, or the property says nothing about one of them.
    Statistics.coverage(
        c -> {
          c.check(ProofResult.Verdict.PROVED).count(n -> n >= 10);
          c.check(ProofResult.Verdict.REFUTED).count(n -> n >= 10);
        });
    if (result.verdict() == ProofResult.Verdict.REFUTED) {
      AccessRequest witness = result.witness().orElseThrow();
      assertThat(PolicyProverTest.differs(before.evaluate(witness), after.evaluate(witness)))
          .as("witness %s", witness)
          .isTrue();
    } else {
      for (int i = 0; i < 300; i++) {
        AccessRequest request = request(r);
        Decision x = before.evaluate(request);
        Decision y = after.evaluate(request);
        assertThat(PolicyProverTest.differs(x, y))
            .as("proved equivalent, yet %s: %s vs %s", request, x, y)
            .isFalse();
      }
    }
  }

  private static PolicySet set(List<Policy> policies) {
    PolicySet.Builder b = PolicySet.builder(SCHEMA);
    for (Network n : NETWORKS) {
      b.network(n);
    }
    return b.addAll(policies).build();
  }

  /** The same policies in another order, or with one changed, dropped or added. */
  private static List<Policy> mutate(Random r, List<Policy> a) {
    List<Policy> b = new ArrayList<>(a);
    switch (r.nextInt(5)) {
      case 0 -> Collections.reverse(b);
      case 1 -> b.set(r.nextInt(b.size()), policy(r, "p" + r.nextInt(b.size())));
      case 2 -> {
        if (b.size() > 1) {
          b.remove(r.nextInt(b.size()));
        }
      }
      case 3 -> b.add(policy(r, "q" + b.size()));
      default -> {} // the same set
    }
    // Ids stay unique: a replaced policy keeps the id of the one it replaces.
    List<Policy> unique = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (Policy p : b) {
      if (ids.add(p.id())) {
        unique.add(p);
      }
    }
    return unique;
  }

  private static Policy policy(Random r, String id) {
    Condition when = condition(r, 2);
    boolean reportOnly = r.nextInt(6) == 0;
    switch (r.nextInt(4)) {
      case 0:
        {
          AssignPolicy.Builder b =
              AssignPolicy.builder(id)
                  .grant(pick(r, APPS), r.nextBoolean() ? "user" : "admin")
                  .when(when);
          return (reportOnly ? b.reportOnly() : b).build();
        }
      case 1:
        {
          RestrictPolicy.Builder b = RestrictPolicy.builder(id).allow(pick(r, NETWORKS)).when(when);
          if (r.nextBoolean()) {
            b.apps(pick(r, APPS));
          }
          return (reportOnly ? b.reportOnly() : b).build();
        }
      case 2:
        {
          AuthenticatePolicy.Builder b = AuthenticatePolicy.builder(id).when(when);
          if (r.nextBoolean()) {
            b.apps(pick(r, APPS));
          }
          int what = r.nextInt(4);
          if (what == 0) {
            b.block();
          } else {
            if (what == 1) {
              b.requireSso();
            }
            if (what != 1 || r.nextBoolean()) {
              b.requireMfa(
                  r.nextBoolean() ? Duration.ofMinutes(15) : Duration.ofHours(8),
                  r.nextBoolean()
                      ? new Factor[] {Factor.TOTP}
                      : new Factor[] {Factor.WEBAUTHN, Factor.TOTP});
            }
          }
          return (reportOnly ? b.reportOnly() : b).build();
        }
      default:
        {
          DelegatePolicy.Builder b =
              DelegatePolicy.builder(id)
                  .to(when)
                  .allow(r.nextBoolean() ? "user.*" : "user.create", "app.assign")
                  .on(
                      r.nextBoolean()
                          ? Condition.ALWAYS
                          : Condition.ne("target.department", pick(r, DEPARTMENTS)));
          return (reportOnly ? b.reportOnly() : b).build();
        }
    }
  }

  private static Condition condition(Random r, int depth) {
    if (depth > 0 && r.nextInt(3) == 0) {
      Condition x = condition(r, depth - 1);
      Condition y = condition(r, depth - 1);
      return switch (r.nextInt(3)) {
        case 0 -> Condition.and(x, y);
        case 1 -> Condition.or(x, y);
        default -> Condition.not(x);
      };
    }
    return switch (r.nextInt(9)) {
      case 0 -> Condition.eq("user.department", pick(r, DEPARTMENTS));
      case 1 -> Condition.in("user.department", pick(r, DEPARTMENTS), pick(r, DEPARTMENTS));
      case 2 -> Condition.contains("user.roles", pick(r, ROLES));
      case 3 -> Condition.containsAll("user.roles", pick(r, ROLES), pick(r, ROLES));
      case 4 -> Condition.compare("risk.level", pick(r, Operator.values()), pick(r, LEVELS));
      case 5 -> Condition.compare("risk.score", pick(r, Operator.values()), r.nextInt(101));
      case 6 -> Condition.inNetwork("request.ip", pick(r, NETWORKS));
      case 7 ->
          r.nextBoolean()
              ? Condition.endsWith("user.email", "@acme.example")
              : Condition.startsWith("user.email", "admin");
      default -> Condition.ALWAYS;
    };
  }

  private static AccessRequest request(Random r) {
    AccessRequest.Builder b = AccessRequest.builder(SCHEMA);
    maybe(r, () -> b.set("request.action", pick(r, ACTIONS)));
    maybe(r, () -> b.set("app", pick(r, APPS)));
    maybe(r, () -> b.set("user.department", r.nextInt(4) == 0 ? "Legal" : pick(r, DEPARTMENTS)));
    maybe(r, () -> b.set("target.department", pick(r, DEPARTMENTS)));
    maybe(r, () -> b.set("user.roles", Set.of(pick(r, ROLES))));
    maybe(r, () -> b.set("risk.level", pick(r, LEVELS)));
    maybe(r, () -> b.set("risk.score", (long) r.nextInt(101)));
    maybe(r, () -> b.set("request.ip", pick(r, IPS)));
    maybe(
        r,
        () ->
            b.set(
                "user.email",
                pick(
                    r,
                    new String[] {
                      "admin@acme.example", "bob@x.org", "admin@x.org", "eve@acme.example"
                    })));
    maybe(
        r,
        () ->
            b.set(
                "auth.methods",
                r.nextBoolean()
                    ? Set.of("password", "totp")
                    : r.nextBoolean() ? Set.of("webauthn", "sso") : Set.of("password")));
    maybe(r, () -> b.set("request.time", NOW));
    maybe(
        r,
        () ->
            b.set("auth.time", NOW.minusSeconds(new long[] {0, 600, 3_600, 32_400}[r.nextInt(4)])));
    return b.build();
  }

  private static void maybe(Random r, Runnable set) {
    if (r.nextInt(6) != 0) {
      set.run();
    }
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
