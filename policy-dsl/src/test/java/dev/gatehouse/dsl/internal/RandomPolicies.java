package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.Factor;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Builds random syntax trees of valid policy files from a seed: every name declared before use,
 * every test well typed, every policy complete. Spans are {@link Span#NONE}.
 */
final class RandomPolicies {

  private static final String[] STRINGS = {
    "Sales", "a\"b", "back\\slash", "new\nline", "tab\t", "é\u00e9", "\uD83D\uDE00", "", "x y", "FR"
  };
  private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  private static final String[] LEVELS = {"none", "low", "medium", "high", "critical"};
  private static final String[] DURATIONS = {"30s", "15m", "8h", "30d", "90m"};

  private final Random random;
  private final List<String> networks = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();

  RandomPolicies(long seed) {
    this.random = new Random(seed);
  }

  Ast.File file() {
    List<Ast.Decl> decls = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      String name = "net" + networks.size();
      decls.add(new Ast.NetworkDecl(Span.NONE, name(name), cidrs()));
      networks.add(name);
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      String name = "cond" + conditions.size();
      decls.add(new Ast.ConditionDecl(Span.NONE, name(name), expr(3)));
      conditions.add(name);
    }
    for (int i = 0; i < 1 + random.nextInt(4); i++) {
      decls.add(policy("p" + i));
    }
    return new Ast.File(decls, List.of());
  }

  private Ast.PolicyDecl policy(String id) {
    List<Ast.Clause> clauses = new ArrayList<>();
    String kind = pick("assign", "restrict", "authenticate", "delegate");
    switch (kind) {
      case "assign" -> {
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
          clauses.add(new Ast.GrantClause(Span.NONE, str("app" + i), str(pick("user", "admin"))));
        }
        clauses.add(when("when"));
      }
      case "restrict" -> {
        maybeApps(clauses);
        clauses.add(new Ast.AllowFromClause(Span.NONE, netRefs()));
        clauses.add(when("when"));
      }
      case "authenticate" -> {
        maybeApps(clauses);
        clauses.add(when("when"));
        authenticateRequirements(clauses);
      }
      default -> {
        clauses.add(when("to"));
        clauses.add(
            new Ast.AllowActionsClause(
                Span.NONE, List.of(name(pick("user.create", "user.*", "*", "app.assign")))));
        clauses.add(when("on"));
      }
    }
    return new Ast.PolicyDecl(Span.NONE, name(kind), str(id), random.nextBoolean(), clauses, 0);
  }

  private void authenticateRequirements(List<Ast.Clause> clauses) {
    if (random.nextInt(4) == 0) {
      clauses.add(new Ast.BlockClause(Span.NONE));
      return;
    }
    boolean sso = random.nextBoolean();
    if (!sso || random.nextBoolean()) {
      List<Ast.Name> factors = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(3); i++) {
        factors.add(name(Factor.ids().get(random.nextInt(Factor.ids().size()))));
      }
      clauses.add(
          new Ast.RequireMfaClause(Span.NONE, factors, new Ast.Dur(pick(DURATIONS), Span.NONE)));
    }
    if (sso) {
      clauses.add(new Ast.RequireSsoClause(Span.NONE));
    }
  }

  private void maybeApps(List<Ast.Clause> clauses) {
    if (random.nextBoolean()) {
      clauses.add(new Ast.AppsClause(Span.NONE, list(3, () -> str("app" + random.nextInt(5)))));
    }
  }

  private Ast.Clause when(String keyword) {
    return new Ast.ExprClause(Span.NONE, name(keyword), expr(3));
  }

  private Ast.Expr expr(int depth) {
    int choice = depth == 0 ? 4 : random.nextInt(8);
    return switch (choice) {
      case 0 -> new Ast.And(Span.NONE, list(2, () -> expr(depth - 1), 2));
      case 1 -> new Ast.Or(Span.NONE, list(2, () -> expr(depth - 1), 2));
      case 2 -> new Ast.Not(Span.NONE, expr(depth - 1));
      case 3 -> new Ast.Group(Span.NONE, expr(depth - 1));
      default -> leaf();
    };
  }

  private Ast.Expr leaf() {
    return switch (random.nextInt(12)) {
      case 0 -> leaf("user.department", new Ast.Compare(pick(Operator.EQ, Operator.NE), str()));
      case 1 -> leaf("risk.level", new Ast.Compare(pick(Operator.values()), sym(pick(LEVELS))));
      case 2 ->
          leaf(
              "risk.score",
              new Ast.Compare(
                  pick(Operator.values()), new Ast.Int(random.nextInt(101), Span.NONE)));
      case 3 -> leaf("user.country", new Ast.InList(Span.NONE, list(3, this::str)));
      case 4 -> leaf("user.roles", contains());
      case 5 ->
          leaf(
              "auth.methods",
              new Ast.Contains(
                  Condition.Match.ANY,
                  list(3, () -> sym(Factor.ids().get(random.nextInt(Factor.ids().size()))))));
      case 6 -> leaf("user.email", new Ast.Affix(random.nextBoolean(), str()));
      case 7 -> leaf("request.ip", new Ast.InNetworks(netRefs()));
      case 8 -> leaf("request.time", during());
      case 9 ->
          leaf(
              "device.managed",
              new Ast.Compare(Operator.EQ, new Ast.Bool(random.nextBoolean(), Span.NONE)));
      case 10 ->
          leaf(
              "risk.score",
              new Ast.InList(
                  Span.NONE, list(3, () -> new Ast.Int(random.nextInt(101), Span.NONE))));
      default ->
          conditions.isEmpty()
              ? leaf("app", new Ast.Compare(Operator.EQ, str()))
              : new Ast.Ref(name(pick(conditions.toArray(new String[0]))));
    };
  }

  private Ast.Contains contains() {
    Condition.Match match = pick(Condition.Match.values());
    return new Ast.Contains(
        match, match == Condition.Match.ONE ? List.of(str()) : list(3, this::str));
  }

  private Ast.During during() {
    boolean shorthand = random.nextBoolean();
    return new Ast.During(
        Span.NONE,
        shorthand ? name(pick("weekdays", "weekends")) : null,
        shorthand ? List.of() : list(3, () -> name(pick(DAYS))),
        name(time()),
        name(time()),
        str(pick("UTC", "Europe/Paris", "America/New_York")));
  }

  private String time() {
    return String.format("%02d:%02d", random.nextInt(24), random.nextInt(60));
  }

  private List<Ast.NetRef> netRefs() {
    return list(
        2,
        () ->
            networks.isEmpty() || random.nextBoolean()
                ? new Ast.NetInline(cidrs())
                : new Ast.NetName(name(pick(networks.toArray(new String[0])))));
  }

  private Ast.CidrList cidrs() {
    return new Ast.CidrList(Span.NONE, list(3, () -> name(cidr())));
  }

  private String cidr() {
    if (random.nextInt(4) == 0) {
      return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::/48";
    }
    int prefix = 8 + random.nextInt(25);
    long address = random.nextInt() & 0xffffffffL & (0xffffffffL << (32 - prefix));
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff)
        + "/"
        + prefix;
  }

  private Ast.Leaf leaf(String attribute, Ast.Test test) {
    return new Ast.Leaf(Span.NONE, name(attribute), test);
  }

  private <T> List<T> list(int max, Supplier<T> item) {
    return list(max, item, 1);
  }

  private <T> List<T> list(int max, Supplier<T> item, int min) {
    List<T> items = new ArrayList<>();
    for (int i = 0; i < min + random.nextInt(max); i++) {
      items.add(item.get());
    }
    return items;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private Ast.Str str() {
    return str(pick(STRINGS));
  }

  private static Ast.Str str(String value) {
    return new Ast.Str(value, Span.NONE);
  }

  private static Ast.Sym sym(String value) {
    return new Ast.Sym(value, Span.NONE);
  }

  private static Ast.Name name(String text) {
    return new Ast.Name(text, Span.NONE);
  }
}
