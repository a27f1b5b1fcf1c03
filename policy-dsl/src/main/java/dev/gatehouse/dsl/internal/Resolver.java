package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the parsed sources of one policy set: declares the schema, the networks and the
 * conditions of all sources, then lowers every policy, so that names and ids are shared across
 * files. Returns the policy set only when no source has an error.
 */
final class Resolver {

  /** One parsed source and the reporter of its diagnostics. */
  record Unit(Reporter reporter, Ast.File file) {}

  static final Map<String, AttributeType> TYPES = new LinkedHashMap<>();
  private static final Pattern ATTRIBUTE =
      Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+");

  static {
    TYPES.put("string", AttributeType.STRING);
    TYPES.put("int", AttributeType.INT);
    TYPES.put("bool", AttributeType.BOOL);
    TYPES.put("set<string>", AttributeType.STRING_SET);
    TYPES.put("ip", AttributeType.IP);
    TYPES.put("time", AttributeType.TIME);
    TYPES.put("duration", AttributeType.DURATION);
  }

  private Resolver() {}

  static @Nullable PolicySet resolve(List<Unit> units, Schema base) {
    Schema schema = schema(units, base);
    Declarations declarations = new Declarations();
    ExprLowering lowering = new ExprLowering(schema, declarations);
    declarations.useLowering(lowering);
    declareNetworksAndConditions(units, declarations);
    declarations.lowerAll();
    List<Policy> policies = policies(units, new PolicyLowering(lowering, declarations));
    GrantedApps.check(units);
    if (units.stream().anyMatch(u -> u.reporter().hasErrors())) {
      return null;
    }
    PolicySet.Builder set = PolicySet.builder(schema);
    declarations.networks().values().forEach(set::network);
    declarations.conditions().forEach(set::condition);
    return set.addAll(policies).build();
  }

  private static void declareNetworksAndConditions(List<Unit> units, Declarations declarations) {
    for (Unit u : units) {
      for (Ast.Decl d : u.file().decls()) {
        if (d instanceof Ast.NetworkDecl n) {
          declarations.declare(n, u.reporter());
        } else if (d instanceof Ast.ConditionDecl c) {
          declarations.declare(c, u.reporter());
        }
      }
    }
  }

  private static List<Policy> policies(List<Unit> units, PolicyLowering policyLowering) {
    List<Policy> policies = new ArrayList<>();
    for (Unit u : units) {
      for (Ast.Decl d : u.file().decls()) {
        if (d instanceof Ast.PolicyDecl p) {
          Policy policy = policyLowering.lower(p, u.reporter());
          if (policy != null) {
            policies.add(policy);
          }
        }
      }
    }
    return policies;
  }

  /** Returns the base schema with the attributes every {@code schema} block declares. */
  private static Schema schema(List<Unit> units, Schema base) {
    Schema.Builder builder = base.toBuilder();
    Map<String, Unit> firstUnit = new HashMap<>();
    Map<String, Ast.AttrDecl> first = new HashMap<>();
    for (Unit u : units) {
      for (Ast.Decl d : u.file().decls()) {
        if (d instanceof Ast.SchemaDecl s) {
          for (Ast.AttrDecl a : s.attributes()) {
            Ast.AttrDecl previous = first.putIfAbsent(a.name().text(), a);
            if (previous != null) {
              u.reporter()
                  .error(
                      DiagnosticCode.DUPLICATE_ATTRIBUTE,
                      a.name().span(),
                      "attribute `"
                          + a.name().text()
                          + "` is already declared at "
                          + Declarations.where(
                              firstUnit.get(a.name().text()).reporter(), previous.name().span()),
                      "remove one of the declarations");
              continue;
            }
            firstUnit.put(a.name().text(), u);
            declare(builder, base, a, u.reporter());
          }
        }
      }
    }
    return builder.build();
  }

  private static void declare(Schema.Builder builder, Schema base, Ast.AttrDecl a, Reporter r) {
    String name = a.name().text();
    AttributeType type = type(a.type(), r);
    if (type == null) {
      return;
    }
    if (!ATTRIBUTE.matcher(name).matches()) {
      r.error(
          DiagnosticCode.INVALID_ATTRIBUTE_NAME,
          a.name().span(),
          "invalid attribute name `" + name + "`",
          "use a dotted lowercase name such as `user.cost_center`");
      return;
    }
    Attribute existing = base.attribute(name).orElse(null);
    String problem = null;
    if (existing != null && !existing.type().equals(type)) {
      problem =
          "`"
              + name
              + "` is already "
              + ExprLowering.article(existing.type())
              + ", not "
              + ExprLowering.article(type);
    } else {
      try {
        builder.declare(name, type);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      r.error(
          DiagnosticCode.REDECLARED_ATTRIBUTE,
          a.type().span(),
          problem,
          "declare a new attribute with another name");
    }
  }

  private static @Nullable AttributeType type(Ast.Name written, Reporter r) {
    AttributeType type = TYPES.get(written.text());
    if (type == null) {
      r.error(
          DiagnosticCode.UNKNOWN_TYPE,
          written.span(),
          "unknown type `" + written.text() + "`",
          Suggestions.nearest(written.text(), TYPES.keySet())
              .map(s -> "did you mean `" + s + "`?")
              .orElse("use one of " + String.join(", ", TYPES.keySet())));
    }
    return type;
  }
}
