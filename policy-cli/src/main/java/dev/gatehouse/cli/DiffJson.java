package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.analysis.EventImpact;
import dev.gatehouse.analysis.ImpactReport;
import dev.gatehouse.analysis.ImpactSummary;
import dev.gatehouse.analysis.UserImpact;
import dev.gatehouse.api.Entitlement;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Writes an impact report as one JSON document, {@code {"summary": ..., "users": [...], "events":
 * [...]}}, streamed so that a long report is never built whole in memory.
 */
final class DiffJson {

  private DiffJson() {}

  static void write(PrintWriter out, ImpactReport report) throws IOException {
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      summary(json, report.summary());
      json.writeArrayFieldStart("users");
      for (UserImpact user : report.users()) {
        json.writeStartObject();
        json.writeStringField("user", user.user());
        entitlements(json, "gained", user.gained());
        entitlements(json, "lost", user.lost());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("events");
      for (EventImpact event : report.events()) {
        json.writeStartObject();
        json.writeStringField("event", event.event());
        json.writeStringField("user", event.user());
        json.writeStringField("change", event.change());
        json.writeFieldName("before");
        json.writeTree(DecisionJson.toJson(event.before()));
        json.writeFieldName("after");
        json.writeTree(DecisionJson.toJson(event.after()));
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.println();
  }

  private static void summary(JsonGenerator json, ImpactSummary s) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeBooleanField("changed", s.changesSomething());
    json.writeNumberField("users", s.users());
    json.writeNumberField("usersGaining", s.usersGaining());
    json.writeNumberField("usersLosing", s.usersLosing());
    json.writeNumberField("entitlementsGained", s.entitlementsGained());
    json.writeNumberField("entitlementsLost", s.entitlementsLost());
    json.writeNumberField("events", s.events());
    json.writeNumberField("eventsChanged", s.eventsChanged());
    json.writeObjectFieldStart("changes");
    for (Map.Entry<String, Long> change : s.changes().entrySet()) {
      json.writeNumberField(change.getKey(), change.getValue());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void entitlements(JsonGenerator json, String field, List<Entitlement> list)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (Entitlement e : list) {
      json.writeStartObject();
      json.writeStringField("app", e.app());
      json.writeStringField("role", e.role());
      json.writeArrayFieldStart("policies");
      for (String policy : e.policies()) {
        json.writeString(policy);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
