package dev.gatehouse.dsl.internal;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.ConditionChecker;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.dsl.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The named networks and conditions of a policy set, across all its sources. Conditions are lowered
 * once, on first use or in declaration order, with cycles reported where they close.
 */
final class Declarations {

  private record Declared<T>(T decl, Reporter reporter) {}

  private final Map<String, Declared<Ast.NetworkDecl>> networkDecls = new LinkedHashMap<>();
  private final Map<String, Network> networks = new LinkedHashMap<>();
  private final Map<String, Declared<Ast.ConditionDecl>> conditionDecls = new LinkedHashMap<>();
  private final Map<String, Condition> conditions = new LinkedHashMap<>();
  private final Map<String, Integer> depths = new HashMap<>();
  private final Set<String> failed = new HashSet<>();
  private final Set<String> visiting = new LinkedHashSet<>();
  private @Nullable ExprLowering lowering;

  void useLowering(ExprLowering lowering) {
    this.lowering = lowering;
  }

  /** Declares a network, reporting a duplicate name and each bad block. */
  void declare(Ast.NetworkDecl decl, Reporter r) {
    String name = decl.name().text();
    Declared<Ast.NetworkDecl> first = networkDecls.putIfAbsent(name, new Declared<>(decl, r));
    if (first != null) {
      duplicate("network", decl.name(), first.reporter(), first.decl().name(), r);
      return;
    }
    Network network = Values.network(name, decl.blocks(), r);
    if (network != null) {
      networks.put(name, network);
    }
  }

  /** Declares a condition, reporting a duplicate name; {@link #lowerAll()} lowers it later. */
  void declare(Ast.ConditionDecl decl, Reporter r) {
    Declared<Ast.ConditionDecl> first =
        conditionDecls.putIfAbsent(decl.name().text(), new Declared<>(decl, r));
    if (first != null) {
      duplicate("condition", decl.name(), first.reporter(), first.decl().name(), r);
    }
  }

  private static void duplicate(
      String what, Ast.Name name, Reporter firstReporter, Ast.Name first, Reporter r) {
    r.error(
        DiagnosticCode.DUPLICATE_NAME,
        name.span(),
        what
            + " `"
            + name.text()
            + "` is already declared at "
            + where(firstReporter, first.span()),
        "rename one of them");
  }

  static String where(Reporter r, Span span) {
    SourceText s = r.source();
    return s.name() + ":" + s.line(span.start()) + ":" + s.column(span.start());
  }

  /** Lowers every declared condition, in declaration order. */
  void lowerAll() {
    for (Map.Entry<String, Declared<Ast.ConditionDecl>> e : conditionDecls.entrySet()) {
      Ast.ConditionDecl decl = e.getValue().decl();
      condition(decl.name(), e.getValue().reporter());
    }
  }

  /** Returns the lowered conditions by name, in declaration order. */
  Map<String, Condition> conditions() {
    return conditions;
  }

  /** Returns the valid named networks by name, in declaration order. */
  Map<String, Network> networks() {
    return networks;
  }

  /** Returns the condition a name refers to, as {@link Condition.Named}, or null on error. */
  @Nullable Condition condition(Ast.Name ref, Reporter r) {
    String name = ref.text();
    Declared<Ast.ConditionDecl> declared = conditionDecls.get(name);
    if (declared == null) {
      unknownCondition(ref, r);
      return null;
    }
    Condition body = conditions.get(name);
    if (body != null) {
      return new Condition.Named(name, body);
    }
    if (failed.contains(name)) {
      return null;
    }
    if (visiting.contains(name) || visiting.size() >= ExprParser.MAX_DEPTH) {
      reportCycle(ref, r);
      return null;
    }
    body = lowerBody(name, declared);
    return body == null ? null : new Condition.Named(name, body);
  }

  /** Lowers a condition's body the first time it is needed; null and failed on error. */
  private @Nullable Condition lowerBody(String name, Declared<Ast.ConditionDecl> declared) {
    visiting.add(name);
    Condition body =
        requireNonNull(lowering, "lowering").lower(declared.decl().body(), declared.reporter());
    visiting.remove(name);
    int nesting = body == null ? 0 : 1 + nesting(body);
    if (nesting > ExprParser.MAX_DEPTH) {
      declared
          .reporter()
          .error(
              DiagnosticCode.NESTING_TOO_DEEP,
              declared.decl().name().span(),
              "condition `"
                  + name
                  + "` nests named conditions more than "
                  + ExprParser.MAX_DEPTH
                  + " levels deep",
              "inline some of them");
      body = null;
    }
    if (body != null && ConditionChecker.checkSize(body) != null) {
      declared
          .reporter()
          .error(
              DiagnosticCode.CONDITION_TOO_LARGE,
              declared.decl().name().span(),
              "condition `" + name + "` " + tooLarge(),
              "name fewer copies of the same condition, or restate it without repeating them");
      body = null;
    }
    if (body == null) {
      failed.add(name);
      return null;
    }
    conditions.put(name, body);
    depths.put(name, nesting);
    return body;
  }

  /** Says why a condition is refused by {@link ConditionChecker#checkSize}. */
  static String tooLarge() {
    return "expands to more than "
        + String.format(java.util.Locale.ROOT, "%,d", ConditionChecker.MAX_EXPANDED_SIZE)
        + " tests and operators with its named conditions written out";
  }

  /** Returns how deeply named conditions nest in {@code c}, using the depths already known. */
  private int nesting(Condition c) {
    if (c instanceof Condition.Named named) {
      return depths.getOrDefault(named.name(), 0);
    } else if (c instanceof Condition.Not not) {
      return nesting(not.operand());
    }
    List<Condition> operands =
        c instanceof Condition.And and
            ? and.operands()
            : c instanceof Condition.Or or ? or.operands() : List.of();
    return operands.stream().mapToInt(this::nesting).max().orElse(0);
  }

  private void reportCycle(Ast.Name ref, Reporter r) {
    String name = ref.text();
    if (!visiting.contains(name)) {
      r.error(
          DiagnosticCode.NESTING_TOO_DEEP,
          ref.span(),
          "conditions refer to each other more than " + ExprParser.MAX_DEPTH + " levels deep",
          "inline some of them");
      return;
    }
    List<String> path = new ArrayList<>(visiting);
    path = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
    path.add(name);
    r.error(
        DiagnosticCode.CONDITION_CYCLE,
        ref.span(),
        "condition `"
            + name
            + "` depends on itself: "
            + path.stream().map(n -> "`" + n + "`").collect(Collectors.joining(" -> ")),
        "a condition cannot use itself, directly or through others");
  }

  private void unknownCondition(Ast.Name ref, Reporter r) {
    String name = ref.text();
    if (networkDecls.containsKey(name)) {
      r.error(
          DiagnosticCode.UNKNOWN_CONDITION,
          ref.span(),
          "`" + name + "` is a network, not a condition",
          "test an address against it, such as `request.ip in " + name + "`");
    } else if (lowering != null && name.contains(".") && !lowering.isAttribute(name)) {
      r.modelError(DiagnosticCode.UNKNOWN_ATTRIBUTE, ref.span(), lowering.unknownAttribute(name));
    } else if (lowering != null && lowering.isAttribute(name)) {
      r.error(
          DiagnosticCode.MISSING_TEST,
          ref.span(),
          "attribute `" + name + "` has no test",
          "compare it, such as `" + name + " == ...`");
    } else {
      r.error(
          DiagnosticCode.UNKNOWN_CONDITION,
          ref.span(),
          "unknown condition `" + name + "`",
          Suggestions.nearest(name, conditionDecls.keySet())
              .map(s -> "did you mean `" + s + "`?")
              .orElse(null));
    }
  }

  /** Returns the networks of a list of names and inline blocks, or null on error. */
  @Nullable List<Network> networks(List<Ast.NetRef> refs, Reporter r) {
    List<Network> out = new ArrayList<>();
    boolean ok = true;
    for (Ast.NetRef ref : refs) {
      Network n =
          ref instanceof Ast.NetName named
              ? network(named.name(), r)
              : Values.network("", ((Ast.NetInline) ref).blocks(), r);
      ok &= n != null;
      out.add(n);
    }
    if (!ok) {
      return null;
    }
    Warnings.subsetNetworks(refs, out, r);
    return out;
  }

  private @Nullable Network network(Ast.Name ref, Reporter r) {
    String name = ref.text();
    Network n = networks.get(name);
    if (n != null || networkDecls.containsKey(name)) {
      return n;
    }
    if (conditionDecls.containsKey(name)) {
      r.error(
          DiagnosticCode.NOT_A_NETWORK,
          ref.span(),
          "`" + name + "` is a condition, not a network",
          "declare a network with `network " + name + " = [...]`, or use the condition alone");
    } else {
      r.error(
          DiagnosticCode.UNKNOWN_NETWORK,
          ref.span(),
          "unknown network `" + name + "`",
          Suggestions.nearest(name, networkDecls.keySet())
              .map(s -> "did you mean `" + s + "`?")
              .orElse(null));
    }
    return null;
  }
}
