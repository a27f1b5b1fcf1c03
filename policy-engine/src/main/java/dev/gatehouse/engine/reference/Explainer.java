package dev.gatehouse.engine.reference;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.ConditionChecker;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Durations;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.internal.PolicyTable;
import dev.gatehouse.engine.internal.RequestKind;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a decision as text: the effect and reasons, then every policy relevant to the request
 * with each condition part evaluated and the request's value beside each test, and each {@code
 * allow from} and {@code require} with its verdict: {@code held} or {@code failed}, and the network
 * that admits the address or the age of the authentication.
 */
public final class Explainer {

  private final PolicyTable table;
  private final ReferenceEvaluator reference;

  /**
   * Creates an explainer of {@code set}.
   *
   * @param set the policy set
   */
  public Explainer(PolicySet set) {
    this.table = new PolicyTable(requireNonNull(set, "set"));
    // The verdicts of `allow from` and `require` come from the reference semantics, not a copy.
    this.reference = new ReferenceEvaluator(set);
  }

  /**
   * Returns the account of how {@code decision} was reached for {@code request}.
   *
   * @param request the request
   * @param decision the decision it got
   * @return the account, several lines
   */
  public String explain(AccessRequest request, Decision decision) {
    StringBuilder out = new StringBuilder();
    out.append(decision.effect()).append('\n');
    decision.reasons().forEach(r -> out.append("  reason ").append(r).append('\n'));
    decision.requirements().forEach(r -> out.append("  requires ").append(r).append('\n'));
    if (!decision.roles().isEmpty()) {
      out.append("  roles ").append(String.join(", ", decision.roles())).append('\n');
    }
    decision.reportOnly().forEach(r -> out.append("  report-only ").append(r.policy())
        .append(" would ").append(r.effect()).append('\n'));
    if (!request.has(table.action)) {
      return out.toString();
    }
    String action = request.string(table.action);
    RequestKind kind = RequestKind.of(action);
    String app = kind == RequestKind.ACCESS && request.has(table.app)
        ? request.string(table.app) : null;
    out.append("policies:\n");
    for (int i = 0; i < table.size(); i++) {
      Policy p = table.policy(i);
      if (table.relevant(i, kind, app)
          && !(p instanceof DelegatePolicy d && !d.allows(action))) {
        policy(p, request, out);
      }
    }
    return out.toString();
  }

  private void policy(Policy p, AccessRequest r, StringBuilder out) {
    out.append("  ").append(p.kind()).append(" \"").append(p.id()).append('"');
    if (p.reportOnly()) {
      out.append(" report-only");
    }
    if (p.source().isKnown()) {
      out.append(" (").append(p.source()).append(')');
    }
    out.append('\n');
    if (p instanceof DelegatePolicy d) {
      clause("to", d.to(), r, out);
      clause("on", d.on(), r, out);
      return;
    }
    clause("when", p.conditions().get(0), r, out);
    if (p instanceof RestrictPolicy rp) {
      out.append("    allow from ").append(rp.allow().stream().map(Network::toString)
          .collect(Collectors.joining(", "))).append(": ").append(networkVerdict(rp, r))
          .append(" (").append(value(r, "request.ip")).append(")\n");
    } else if (p instanceof AuthenticatePolicy a) {
      if (a.block()) {
        out.append("    block\n");
      }
      if (a.requireSso()) {
        out.append("    require sso: ").append(verdict(reference.ssoMet(r))).append(" (")
            .append(value(r, "auth.methods")).append(")\n");
      }
      if (!a.mfa().isEmpty()) {
        out.append("    require mfa ").append(a.mfa()).append(" within ")
            .append(Durations.format(a.within())).append(": ").append(mfaVerdict(a, r))
            .append(" (").append(value(r, "auth.methods")).append(", ")
            .append(value(r, "auth.time")).append(", ").append(value(r, "request.time"))
            .append(")\n");
      }
    }
  }

  private static String verdict(boolean held) {
    return held ? "held" : "failed";
  }

  /** The verdict of {@code allow from}, with the network that admits the address. */
  private String networkVerdict(RestrictPolicy p, AccessRequest r) {
    if (!reference.networkAllowed(p, r)) {
      return r.has(table.ip) ? "failed, in no allowed network" : "failed";
    }
    IpAddress ip = r.ip(table.ip);
    return p.allow().stream()
        .filter(n -> n.blocks().stream().anyMatch(b -> b.contains(ip)))
        .findFirst()
        .map(n -> "held, in " + n)
        .orElse("held");
  }

  /** The verdict of {@code require mfa}, with the factor missing or the authentication's age. */
  private String mfaVerdict(AuthenticatePolicy a, AccessRequest r) {
    String verdict = verdict(reference.mfaMet(a, r));
    if (!r.has(table.methods) || !r.has(table.authTime) || !r.has(table.time)) {
      return verdict;
    }
    if (a.mfa().stream().noneMatch(f -> r.set(table.methods).contains(f.id()))) {
      return verdict + ", no listed factor";
    }
    long age;
    try {
      age = Math.subtractExact(r.number(table.time), r.number(table.authTime));
    } catch (ArithmeticException e) {
      return verdict;
    }
    if (age < 0) {
      return verdict + ", authenticated after the request";
    }
    return verdict + ", authenticated " + Durations.format(Duration.ofSeconds(age / 1000)) + " ago";
  }

  private static void clause(String word, Condition c, AccessRequest r, StringBuilder out) {
    if (c instanceof Condition.Always) {
      out.append("    ").append(word).append(": always\n");
      return;
    }
    out.append("    ").append(word).append(' ');
    node(c, r, out, 4);
  }

  private static void node(Condition c, AccessRequest r, StringBuilder out, int indent) {
    Tri t = ConditionInterpreter.eval(c, r);
    out.append(c).append(": ").append(t.name().toLowerCase(Locale.ROOT));
    if (isLeaf(c)) {
      out.append(" (").append(value(r, ConditionChecker.attributeOf(c))).append(")\n");
      return;
    }
    out.append('\n');
    for (Condition child : children(c)) {
      out.append(" ".repeat(indent + 2));
      node(child, r, out, indent + 2);
    }
  }

  private static boolean isLeaf(Condition c) {
    return !(c instanceof Condition.And || c instanceof Condition.Or
        || c instanceof Condition.Not || c instanceof Condition.Named
        || c instanceof Condition.Always);
  }

  private static java.util.List<Condition> children(Condition c) {
    if (c instanceof Condition.And and) {
      return and.operands();
    } else if (c instanceof Condition.Or or) {
      return or.operands();
    } else if (c instanceof Condition.Not not) {
      return java.util.List.of(not.operand());
    } else if (c instanceof Condition.Named named) {
      return java.util.List.of(named.body());
    }
    return java.util.List.of();
  }

  private static String value(AccessRequest r, String attribute) {
    return r.value(attribute).map(v -> attribute + " = " + (v instanceof String s
        ? "\"" + s + "\"" : v.toString())).orElse(attribute + " missing");
  }
}
