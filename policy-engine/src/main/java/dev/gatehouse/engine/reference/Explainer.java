package dev.gatehouse.engine.reference;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Durations;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.engine.internal.PolicyTable;
import dev.gatehouse.engine.internal.RequestKind;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a decision as text: the effect and reasons, then every policy relevant to the request
 * with each condition part evaluated and the request's value beside each test, and each {@code
 * allow from} and {@code require} with its verdict: {@code held} or {@code failed}, and the network
 * that admits the address or the age of the authentication.
 */
public final class Explainer {

  /** How many elements of a set value the account shows. */
  static final int MAX_SET_ELEMENTS = 10;

  /** How many characters of a string value the account shows. */
  static final int MAX_STRING_CHARS = 200;

  /**
   * About how many characters the list of policies may take: past it, the parts of a condition and
   * the further policies are counted instead of shown, so that the work stays bounded whatever the
   * number of policies and the size of their conditions.
   */
  static final int MAX_ACCOUNT_CHARS = 200_000;

  private final PolicyTable table;
  private final ReferenceEvaluator reference;

  /**
   * Creates an explainer of {@code set}, with the default clock skew.
   *
   * @param set the policy set
   */
  public Explainer(PolicySet set) {
    this(set, PolicyTable.DEFAULT_CLOCK_SKEW);
  }

  /**
   * Creates an explainer of {@code set} that judges MFA freshness with {@code clockSkew}, as the
   * policies it explains were compiled with.
   *
   * @param set the policy set
   * @param clockSkew how far in the future an authentication may lie and still be fresh
   * @throws IllegalArgumentException if {@code clockSkew} is negative or does not fit in
   *     milliseconds
   */
  public Explainer(PolicySet set, Duration clockSkew) {
    this.table = new PolicyTable(requireNonNull(set, "set"));
    // The verdicts of `allow from` and `require` come from the reference semantics, not a copy.
    this.reference = new ReferenceEvaluator(set, clockSkew);
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
    decision
        .reportOnly()
        .forEach(
            r ->
                out.append("  report-only ")
                    .append(r.policy())
                    .append(" would ")
                    .append(r.effect())
                    .append('\n'));
    if (!request.has(table.action)) {
      return out.toString();
    }
    String action = request.string(table.action);
    RequestKind kind = RequestKind.of(action);
    String app =
        kind == RequestKind.ACCESS && request.has(table.app) ? request.string(table.app) : null;
    out.append("policies:\n");
    int limit = out.length() + MAX_ACCOUNT_CHARS;
    int omitted = 0;
    for (int i = 0; i < table.size(); i++) {
      Policy p = table.policy(i);
      if (table.relevant(i, kind, app) && !(p instanceof DelegatePolicy d && !d.allows(action))) {
        if (out.length() >= limit) {
          omitted++;
        } else {
          policy(p, request, out, limit);
        }
      }
    }
    if (omitted > 0) {
      out.append("  … and ")
          .append(count(omitted))
          .append(omitted == 1 ? " more policy" : " more policies")
          .append(" not shown\n");
    }
    return out.toString();
  }

  private void policy(Policy p, AccessRequest r, StringBuilder out, int limit) {
    out.append("  ").append(p.kind()).append(" \"").append(p.id()).append('"');
    if (p.reportOnly()) {
      out.append(" report-only");
    }
    if (p.source().isKnown()) {
      out.append(" (").append(p.source()).append(')');
    }
    out.append('\n');
    if (p instanceof DelegatePolicy d) {
      clause("to", d.to(), r, out, limit);
      clause("on", d.on(), r, out, limit);
      return;
    }
    clause("when", p.conditions().get(0), r, out, limit);
    if (p instanceof RestrictPolicy rp) {
      out.append("    allow from ")
          .append(rp.allow().stream().map(Network::toString).collect(Collectors.joining(", ")))
          .append(": ")
          .append(networkVerdict(rp, r))
          .append(" (")
          .append(value(r, "request.ip"))
          .append(")\n");
    } else if (p instanceof AuthenticatePolicy a) {
      if (a.block()) {
        out.append("    block\n");
      }
      if (a.requireSso()) {
        out.append("    require sso: ")
            .append(verdict(reference.ssoMet(r)))
            .append(" (")
            .append(value(r, "auth.methods"))
            .append(")\n");
      }
      if (!a.mfa().isEmpty()) {
        out.append("    require mfa ")
            .append(a.mfaAsWritten())
            .append(" within ")
            .append(Durations.format(a.within()))
            .append(": ")
            .append(mfaVerdict(a, r))
            .append(" (")
            .append(value(r, "auth.methods"))
            .append(", ")
            .append(value(r, "auth.time"))
            .append(", ")
            .append(value(r, "request.time"))
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

  private static void clause(
      String word, Condition c, AccessRequest r, StringBuilder out, int limit) {
    if (c instanceof Condition.Always) {
      out.append("    ").append(word).append(": always\n");
      return;
    }
    out.append("    ").append(word).append(' ');
    node(c, r, out, 4, limit);
  }

  private static void node(Condition c, AccessRequest r, StringBuilder out, int indent, int limit) {
    Tri t = ConditionInterpreter.eval(c, r);
    out.append(c).append(": ").append(t.name().toLowerCase(Locale.ROOT));
    if (c instanceof Condition.Leaf leaf) {
      out.append(" (").append(value(r, leaf.attribute())).append(")\n");
      return;
    }
    out.append('\n');
    List<Condition> children = children(c);
    for (int i = 0; i < children.size(); i++) {
      out.append(" ".repeat(indent + 2));
      if (out.length() >= limit) {
        // The parts above already say whether this one holds; its own parts are left out.
        out.append("… and ").append(count(children.size() - i)).append(" more parts\n");
        return;
      }
      node(children.get(i), r, out, indent + 2, limit);
    }
  }

  private static List<Condition> children(Condition c) {
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
    return r.value(attribute).map(v -> attribute + " = " + shown(v)).orElse(attribute + " missing");
  }

  /** Returns a value as the account shows it, long strings and sets cut short. */
  private static String shown(Object v) {
    if (v instanceof String s) {
      return s.length() <= MAX_STRING_CHARS
          ? "\"" + s + "\""
          : "\""
              + s.substring(0, MAX_STRING_CHARS)
              + "\" … and "
              + count(s.length() - MAX_STRING_CHARS)
              + " more characters";
    }
    if (v instanceof Set<?> set && set.size() > MAX_SET_ELEMENTS) {
      StringBuilder b = new StringBuilder("[");
      Iterator<?> it = set.iterator();
      for (int i = 0; i < MAX_SET_ELEMENTS; i++) {
        b.append(i == 0 ? "" : ", ").append(it.next());
      }
      return b.append(", … and ")
          .append(count(set.size() - MAX_SET_ELEMENTS))
          .append(" more]")
          .toString();
    }
    return v.toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
