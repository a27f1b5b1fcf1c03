package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.dsl.DiagnosticCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The warnings: text that is valid but probably not what its author meant. Each check is cheap and
 * certain; none guesses.
 */
final class Warnings {

  private Warnings() {}

  /** Warns about each block of a list that lies inside another block of the same list. */
  static void subsetBlocks(List<Ast.Name> items, List<IpNetwork> blocks, Reporter reporter) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      order.add(i);
    }
    // CIDR blocks nest or are disjoint, so after sorting by first address and then by size, a
    // block lies inside another exactly when it lies inside the last block not inside another.
    order.sort(
        Comparator.comparing((Integer i) -> blocks.get(i).first())
            .thenComparingInt(i -> blocks.get(i).prefixLength128())
            .thenComparingInt(i -> i));
    Integer outer = null;
    for (int i : order) {
      if (outer != null && blocks.get(outer).contains(blocks.get(i))) {
        String inner = items.get(i).text();
        reporter.warning(
            DiagnosticCode.NETWORK_SUBSET,
            items.get(i).span(),
            "`" + inner + "` lies inside `" + items.get(outer).text() + "` in the same list",
            "remove `" + inner + "`; it adds no address");
      } else {
        outer = i;
      }
    }
  }

  /** Every IPv4 address, as the IPv4-mapped IPv6 block {@code ::ffff:0:0/96} it is held in. */
  private static final IpNetwork ALL_IPV4 = IpNetwork.parse("0.0.0.0/0");

  /**
   * Warns about each IPv6 block that contains {@code ::ffff:0:0/96}: addresses are compared with
   * IPv4-mapped ones unwrapped, so such a block ({@code ::/64}, {@code ::/0}) admits every IPv4
   * client, which an author writing an IPv6 range rarely means.
   */
  static void coversIpv4(List<Ast.Name> items, List<IpNetwork> blocks, Reporter reporter) {
    for (int i = 0; i < blocks.size(); i++) {
      IpNetwork block = blocks.get(i);
      if (!block.isIpv4() && block.contains(ALL_IPV4)) {
        String text = items.get(i).text();
        reporter.warning(
            DiagnosticCode.NETWORK_COVERS_IPV4,
            items.get(i).span(),
            "`"
                + text
                + "` contains `::ffff:0:0/96`, so it admits every IPv4 client (`"
                + ALL_IPV4
                + "`)",
            "if only IPv6 clients are meant, narrow `"
                + text
                + "` so that it leaves out"
                + " `::ffff:0:0/96`");
      }
    }
  }

  /** Warns about each network of a list whose blocks all lie in another network of the list. */
  static void subsetNetworks(List<Ast.NetRef> refs, List<Network> networks, Reporter reporter) {
    if (networks.size() > 100) {
      return; // The pairwise check is quadratic; lists of named networks are short in practice.
    }
    for (int i = 0; i < networks.size(); i++) {
      for (int j = 0; j < networks.size(); j++) {
        boolean same = networks.get(i).blocks().equals(networks.get(j).blocks());
        if (i != j && covers(networks.get(j), networks.get(i)) && (!same || j < i)) {
          reporter.warning(
              DiagnosticCode.NETWORK_SUBSET,
              refs.get(i).span(),
              "network "
                  + describe(networks.get(i))
                  + " lies inside "
                  + describe(networks.get(j))
                  + " in the same list",
              "remove " + describe(networks.get(i)));
          break;
        }
      }
    }
  }

  private static boolean covers(Network outer, Network inner) {
    return inner.blocks().stream()
        .allMatch(b -> outer.blocks().stream().anyMatch(o -> o.contains(b)));
  }

  private static String describe(Network n) {
    return "`" + n + "`";
  }

  /** Warns when an assign policy has no condition and so applies to everyone. */
  static void assignWithoutWhen(Ast.PolicyDecl p, Reporter reporter) {
    reporter.warning(
        DiagnosticCode.ASSIGN_WITHOUT_WHEN,
        p.kind().span().to(p.id().span()),
        "assign `" + p.id().value() + "` has no `when`, so it applies to everyone",
        "add a `when` clause to say who gets it");
  }

  /** Warns when a condition is a contradiction that can never hold. */
  static void neverMatches(
      Ast.PolicyDecl p, Ast.Clause clause, Condition condition, Reporter reporter) {
    contradiction(condition)
        .ifPresent(
            why ->
                reporter.warning(
                    DiagnosticCode.NEVER_MATCHES,
                    clause.span(),
                    p.kind().text() + " `" + p.id().value() + "` can never match: " + why,
                    "remove the contradiction, or the policy"));
  }

  /** Returns why {@code c} can never hold, if it is a contradiction this check recognises. */
  static Optional<String> contradiction(Condition c) {
    if (c instanceof Condition.Named named) {
      return contradiction(named.body());
    }
    if (c instanceof Condition.Or or) {
      List<String> reasons = new ArrayList<>();
      for (Condition operand : or.operands()) {
        Optional<String> why = contradiction(operand);
        if (why.isEmpty()) {
          return Optional.empty();
        }
        reasons.add(why.get());
      }
      return Optional.of(String.join("; ", reasons));
    }
    if (c instanceof Condition.And and) {
      List<Condition> ops = and.operands();
      for (int i = 0; i < ops.size(); i++) {
        for (int j = i + 1; j < ops.size(); j++) {
          if (conflict(ops.get(i), ops.get(j))) {
            return Optional.of("`" + ops.get(i) + "` and `" + ops.get(j) + "` cannot both be true");
          }
        }
        Optional<String> why = contradiction(ops.get(i));
        if (why.isPresent()) {
          return why;
        }
      }
    }
    return Optional.empty();
  }

  /** Returns whether two equality tests of one attribute contradict each other. */
  private static boolean conflict(Condition a, Condition b) {
    if (!(a instanceof Condition.Compare x)
        || !(b instanceof Condition.Compare y)
        || !x.attribute().equals(y.attribute())) {
      return false;
    }
    boolean equal = x.value().equals(y.value());
    if (x.operator() == Operator.EQ && y.operator() == Operator.EQ) {
      return !equal;
    }
    return equal
        && (x.operator() == Operator.EQ && y.operator() == Operator.NE
            || x.operator() == Operator.NE && y.operator() == Operator.EQ);
  }
}
