package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.policy.Durations;
import java.util.List;

/**
 * Writes a {@link Decision} as JSON: {@code effect}, {@code reasons}, {@code requirements}, {@code
 * roles}, {@code matched} and {@code reportOnly}, always all six, in that order.
 */
final class DecisionJson {

  private DecisionJson() {}

  /** Returns the JSON object of {@code decision}. */
  static ObjectNode toJson(Decision decision) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("effect", decision.effect().name());
    ArrayNode reasons = json.putArray("reasons");
    for (Reason reason : decision.reasons()) {
      ObjectNode r = reasons.addObject();
      r.put("code", reason.code().id());
      if (reason.policy().isEmpty()) {
        r.putNull("policy");
      } else {
        r.put("policy", reason.policy());
      }
      r.put("message", reason.message());
    }
    ArrayNode requirements = json.putArray("requirements");
    decision.requirements().forEach(r -> requirement(requirements.addObject(), r));
    strings(json.putArray("roles"), decision.roles());
    strings(json.putArray("matched"), decision.matched());
    ArrayNode reportOnly = json.putArray("reportOnly");
    for (ReportOnlyOutcome outcome : decision.reportOnly()) {
      reportOnly.addObject().put("policy", outcome.policy()).put("effect", outcome.effect().name());
    }
    return json;
  }

  /**
   * Writes one requirement: an MFA one lists its factors and {@code within} as the language writes
   * durations; an SSO one has the single factor {@code sso} and a null {@code within}.
   */
  static void requirement(ObjectNode json, Requirement requirement) {
    json.put("policy", requirement.policy());
    ArrayNode factors = json.putArray("factors");
    if (requirement.kind() == Requirement.Kind.SSO) {
      factors.add(Factor.SSO.id());
      json.putNull("within");
    } else {
      requirement.factors().forEach(f -> factors.add(f.id()));
      json.put("within", Durations.format(requirement.within()));
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
