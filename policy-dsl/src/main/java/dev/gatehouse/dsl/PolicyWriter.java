package dev.gatehouse.dsl;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Durations;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a {@link PolicySet} as policy-language text that parses back to an equal set (apart from
 * source locations): for sets built in Java, such as those a host keeps in a database or a
 * benchmark generates.
 *
 * <pre>{@code
 * String text = PolicyWriter.write(set);
 * PolicySet again = PolicyDsl.parseOrThrow("generated.policy", text);
 * }</pre>
 */
public final class PolicyWriter {

  private final StringBuilder out = new StringBuilder();
  private final Map<String, Network> networks = new LinkedHashMap<>();
  private final Map<String, Condition> conditions = new LinkedHashMap<>();

  private PolicyWriter() {}

  /**
   * Returns {@code set} as policy-language text.
   *
   * @param set the policy set
   * @return the text, one file
   * @throws IllegalArgumentException if the set uses something the language cannot write: a
   *     declared attribute of an ordered or ranged type, or a delegation without a {@code to}
   */
  public static String write(PolicySet set) {
    requireNonNull(set, "set");
    PolicyWriter w = new PolicyWriter();
    w.networks.putAll(set.networks());
    set.conditions().forEach((name, body) -> w.conditions.put(name, body));
    for (Policy p : set.policies()) {
      w.collect(p);
    }
    w.schema(set.schema());
    w.networks.values().forEach(n -> w.line("network " + n.name() + " = " + blocks(n)));
    w.conditions.forEach((name, body) -> w.line("condition " + name + " = " + body));
    for (Policy p : set.policies()) {
      w.policy(p);
    }
    return w.out.toString();
  }

  private void schema(Schema schema) {
    Schema standard = Schema.standard();
    List<Attribute> declared =
        schema.attributes().stream()
            .filter(a -> standard.attribute(a.name()).isEmpty())
            .filter(
                a ->
                    !a.name().startsWith("target.")
                        || schema
                            .attribute("user." + a.name().substring("target.".length()))
                            .isEmpty())
            .collect(Collectors.toList());
    if (declared.isEmpty()) {
      return;
    }
    line("schema {");
    for (Attribute a : declared) {
      AttributeType t = a.type();
      if (t.kind() == AttributeType.Kind.ORDERED
          || t.isEnumerated()
          || (t.kind() == AttributeType.Kind.INT && !t.equals(AttributeType.INT))) {
        throw new IllegalArgumentException(
            "the policy language cannot declare `" + a.name() + "` of type " + t);
      }
      line("  " + a.name() + ": " + t);
    }
    line("}");
  }

  private void collect(Policy p) {
    if (p instanceof RestrictPolicy r) {
      r.allow().stream().filter(n -> !n.isInline()).forEach(n -> networks.putIfAbsent(n.name(), n));
    }
    p.conditions().forEach(this::collect);
  }

  private void collect(Condition c) {
    if (c instanceof Condition.And and) {
      and.operands().forEach(this::collect);
    } else if (c instanceof Condition.Or or) {
      or.operands().forEach(this::collect);
    } else if (c instanceof Condition.Not not) {
      collect(not.operand());
    } else if (c instanceof Condition.Named named && !conditions.containsKey(named.name())) {
      // Inner names first: a condition must be declared before it is used. Each name is walked
      // once, so conditions that share names cost their distinct parts, not their expansion.
      collect(named.body());
      conditions.putIfAbsent(named.name(), named.body());
    } else if (c instanceof Condition.InNetwork in) {
      in.networks().stream()
          .filter(n -> !n.isInline())
          .forEach(n -> networks.putIfAbsent(n.name(), n));
    }
  }

  private void policy(Policy p) {
    line("");
    line(p.kind() + " " + new Literal.Str(p.id()) + (p.reportOnly() ? " report-only" : "") + " {");
    if (p instanceof AssignPolicy a) {
      a.grants().forEach(g -> line("  " + grant(g)));
      when("when", a.when());
    } else if (p instanceof RestrictPolicy r) {
      apps(r.apps());
      line(
          "  allow from "
              + r.allow().stream().map(PolicyWriter::reference).collect(Collectors.joining(", ")));
      when("when", r.when());
    } else if (p instanceof AuthenticatePolicy a) {
      apps(a.apps());
      when("when", a.when());
      authentication(a);
    } else {
      delegation((DelegatePolicy) p);
    }
    line("}");
  }

  private void authentication(AuthenticatePolicy a) {
    if (a.block()) {
      line("  block");
    }
    if (a.requireSso()) {
      line("  require sso");
    }
    if (!a.mfa().isEmpty()) {
      line(
          "  require mfa "
              + a.mfaAsWritten().stream()
                  .map(Factor::id)
                  .collect(Collectors.joining(", ", "[", "]"))
              + " within "
              + Durations.format(a.within()));
    }
  }

  private void delegation(DelegatePolicy d) {
    if (d.to() instanceof Condition.Always) {
      throw new IllegalArgumentException(
          "delegate `" + d.id() + "` has no `to` condition, which the policy language requires");
    }
    when("to", d.to());
    line("  allow " + String.join(", ", d.actions()).transform(s -> "[" + s + "]"));
    when("on", d.on());
  }

  private void apps(List<String> apps) {
    if (!apps.isEmpty()) {
      line(
          "  apps "
              + apps.stream()
                  .map(a -> new Literal.Str(a).toString())
                  .collect(Collectors.joining(", ", "[", "]")));
    }
  }

  private void when(String keyword, Condition c) {
    if (!(c instanceof Condition.Always)) {
      line("  " + keyword + " " + c);
    }
  }

  private static String grant(Grant g) {
    return g.toString();
  }

  private static String reference(Network n) {
    return n.isInline() ? blocks(n) : n.name();
  }

  private static String blocks(Network n) {
    return n.blocks().stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
