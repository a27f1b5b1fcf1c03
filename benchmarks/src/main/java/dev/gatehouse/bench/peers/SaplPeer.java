package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import io.sapl.api.pdp.AuthorizationDecision;
import io.sapl.api.pdp.AuthorizationSubscription;
import io.sapl.api.pdp.Decision;
import io.sapl.interpreter.InitializationException;
import io.sapl.interpreter.combinators.PolicyDocumentCombiningAlgorithm;
import io.sapl.pdp.EmbeddedPolicyDecisionPoint;
import io.sapl.pdp.PolicyDecisionPointFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SAPL's embedded PDP as a peer, on app assignment (step 1 of DESIGN §4) for {@code access}
 * requests: each enforced {@code assign} grant becomes a SAPL policy document whose target
 * expression tests the app and the user's attributes, combined with {@code deny-unless-permit},
 * so the PDP permits exactly when some assignment gives the user the app.
 *
 * <p>Networks, MFA and delegation are not expressed: SAPL's standard function libraries have no
 * CIDR test, and the engine's combining algorithms cannot say "every matching restriction must
 * allow" together with challenges. A decision is asked with {@code decideOnce(..).block()}, the
 * blocking use of its reactive API.
 */
public final class SaplPeer implements Peer {

  private final EmbeddedPolicyDecisionPoint pdp;

  /**
   * Translates the enforced assignments of {@code set} into SAPL documents and starts a PDP.
   *
   * @param set the policies
   * @throws IllegalStateException if SAPL rejects the documents
   */
  public SaplPeer(PolicySet set) {
    List<String> documents = new ArrayList<>();
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (a.reportOnly()) {
        continue;
      }
      int n = 0;
      for (Grant g : a.grants()) {
        documents.add("policy \"" + a.id() + "-" + n++ + "\"\npermit resource == "
            + quote(g.app()) + " & " + target(a.when()));
      }
    }
    try {
      pdp = PolicyDecisionPointFactory.fixedInRamPolicyDecisionPoint(documents,
          PolicyDocumentCombiningAlgorithm.DENY_UNLESS_PERMIT, Map.of());
    } catch (InitializationException e) {
      throw new IllegalStateException("SAPL rejects the translated policies: " + e.getMessage(),
          e);
    }
  }

  /** Writes a condition over {@code user.*} as a SAPL target expression on {@code subject}. */
  static String target(Condition c) {
    if (c instanceof Condition.Always) {
      return "true";
    } else if (c instanceof Condition.And a) {
      return join(a.operands(), " & ");
    } else if (c instanceof Condition.Or o) {
      return join(o.operands(), " | ");
    } else if (c instanceof Condition.Not n) {
      return "!(" + target(n.operand()) + ")";
    } else if (c instanceof Condition.Named n) {
      return target(n.body());
    } else if (c instanceof Condition.Compare cmp && cmp.value() instanceof Literal.Str s
        && (cmp.operator() == Operator.EQ || cmp.operator() == Operator.NE)) {
      return field(cmp.attribute()) + " " + cmp.operator().symbol() + " " + quote(s.value());
    } else if (c instanceof Condition.In in) {
      List<String> tests = new ArrayList<>();
      in.values().forEach(v -> tests.add(field(in.attribute()) + " == " + quote(string(v))));
      return "(" + String.join(" | ", tests) + ")";
    } else if (c instanceof Condition.Contains has) {
      List<String> tests = new ArrayList<>();
      has.values().forEach(v -> tests.add(quote(string(v)) + " in " + field(has.attribute())));
      return "(" + String.join(has.match() == Condition.Match.ALL ? " & " : " | ", tests) + ")";
    }
    throw new UnsupportedOperationException("no SAPL translation for `" + c + "`");
  }

  private static String field(String attribute) {
    if (!attribute.startsWith("user.")) {
      throw new UnsupportedOperationException("the SAPL translation reads only `user.*`, not `"
          + attribute + "`");
    }
    return "subject." + attribute.substring("user.".length());
  }

  private static String string(Literal value) {
    return ((Literal.Str) value).value();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String join(List<Condition> operands, String op) {
    List<String> parts = new ArrayList<>();
    operands.forEach(o -> parts.add("(" + target(o) + ")"));
    return String.join(op, parts);
  }

  @Override
  public String name() {
    return "sapl";
  }

  @Override
  public Question question() {
    return Question.ASSIGNED;
  }

  @Override
  public Object prepare(AccessRequest request) {
    Map<String, Object> subject = new TreeMap<>();
    for (String name : request.schema().names()) {
      if (name.startsWith("user.")) {
        request.value(name).ifPresent(v -> subject.put(name.substring("user.".length()),
            v instanceof java.util.Set<?> set ? List.copyOf(set) : v));
      }
    }
    return AuthorizationSubscription.of(subject, "access", request.value("app").orElse(""));
  }

  @Override
  public Object decide(Object prepared) {
    return pdp.decideOnce((AuthorizationSubscription) prepared).block();
  }

  @Override
  public Object answer(Object decided) {
    return ((AuthorizationDecision) decided).getDecision() == Decision.PERMIT;
  }
}
