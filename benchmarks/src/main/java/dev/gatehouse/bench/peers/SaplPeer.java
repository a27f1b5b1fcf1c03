package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Grant;
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
 * expression tests the app and the user's attributes, combined with {@code deny-unless-permit}, so
 * the PDP permits exactly when some assignment gives the user the app.
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
        documents.add(
            "policy \""
                + a.id()
                + "-"
                + n++
                + "\"\npermit resource == "
                + TARGETS.quote(g.app())
                + " & "
                + TARGETS.write(a.when()));
      }
    }
    try {
      pdp =
          PolicyDecisionPointFactory.fixedInRamPolicyDecisionPoint(
              documents, PolicyDocumentCombiningAlgorithm.DENY_UNLESS_PERMIT, Map.of());
    } catch (InitializationException e) {
      throw new IllegalStateException("SAPL rejects the translated policies: " + e.getMessage(), e);
    }
  }

  /** Conditions over {@code user.*} as SAPL target expressions on {@code subject}. */
  static final InfixRules TARGETS =
      new InfixRules(
          "SAPL",
          " & ",
          " | ",
          "subject.",
          s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"',
          (field, value) -> value + " in " + field);

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
        request
            .value(name)
            .ifPresent(
                v ->
                    subject.put(
                        name.substring("user.".length()),
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
