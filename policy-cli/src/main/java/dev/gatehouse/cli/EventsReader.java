package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.monitor.SignInEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads sign-in events as JSON lines, one event a line: {@code {"user": "u-1", "time":
 * "2026-11-29T10:00:00Z", "ip": "203.0.113.9", "country": "FR", "device": "d-1", "platform":
 * "macos", "outcome": "success", "reasons": [], "policies": []}}. {@code user}, {@code time},
 * {@code ip} and {@code outcome} are required; unknown fields are errors. Blank lines are skipped.
 *
 * <p>A line holding {@code effect} (and no {@code outcome}) is a decision-log record instead, read
 * by {@link DecisionRecordReader}; one file may mix both kinds.
 */
final class EventsReader {

  private static final Set<String> FIELDS =
      Set.of(
          "user", "time", "ip", "country", "device", "platform", "outcome", "reasons", "policies");

  private EventsReader() {}

  /**
   * Reads every event of {@code text}.
   *
   * @throws BadInputException naming the file, the line and the problem
   */
  static List<SignInEvent> read(String source, String text) {
    return lines(source, text).stream().map(Line::event).toList();
  }

  /**
   * Reads every line of {@code text}, sign-in event or decision record.
   *
   * @throws BadInputException naming the file, the line and the problem
   */
  static List<Line> lines(String source, String text) {
    List<Line> read = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        String where = source + ":" + (i + 1);
        JsonNode node = Json.parse(where, lines[i]);
        read.add(
            DecisionRecordReader.isDecision(node)
                ? DecisionRecordReader.read(where, node)
                : new Line(event(where, node), null, null));
      }
    }
    return read;
  }

  /**
   * One line read: the event, and for a decision record the app it was about and its address.
   *
   * @param event the sign-in event, or what the decision record maps to
   * @param app for a decision record, the request's app ({@code -} if none); null for a sign-in
   * @param address for a decision record, {@code request.ip} as logged (a network, {@code ***}, or
   *     {@code -} if none); null for a sign-in
   */
  record Line(SignInEvent event, String app, String address) {
    /** {@return whether the line was a decision record} */
    boolean isDecision() {
      return app != null;
    }
  }

  private static SignInEvent event(String where, JsonNode node) {
    if (!node.isObject()) {
      throw new BadInputException(where + ": expected an event object, got " + Json.kind(node));
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new BadInputException(where + ": unknown field `" + name + "`");
      }
    }
    try {
      return new SignInEvent(
          required(where, node, "user"),
          Instant.parse(required(where, node, "time")),
          IpAddress.parse(required(where, node, "ip")),
          optional(where, node, "country"),
          optional(where, node, "device"),
          optional(where, node, "platform"),
          outcome(where, required(where, node, "outcome")),
          strings(where, node, "reasons").stream().map(r -> reason(where, r)).toList(),
          strings(where, node, "policies"));
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          where
              + ": field `time`: malformed time `"
              + node.get("time").asText()
              + "`: expected an ISO-8601 instant");
    } catch (IllegalArgumentException e) {
      throw new BadInputException(where + ": " + e.getMessage());
    }
  }

  private static String required(String where, JsonNode node, String field) {
    String value = optional(where, node, field);
    if (value == null) {
      throw new BadInputException(where + ": missing field `" + field + "`");
    }
    return value;
  }

  private static String optional(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadInputException(
          where + ": field `" + field + "`: expected a string, got " + Json.kind(value));
    }
    return value.asText();
  }

  private static List<String> strings(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new BadInputException(
          where + ": field `" + field + "`: expected an array of strings, got " + Json.kind(value));
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw new BadInputException(
            where
                + ": field `"
                + field
                + "`: expected an array of strings, found "
                + Json.kind(element));
      }
      out.add(element.asText());
    }
    return out;
  }

  private static SignInEvent.Outcome outcome(String where, String text) {
    for (SignInEvent.Outcome o : SignInEvent.Outcome.values()) {
      if (o.id().equals(text)) {
        return o;
      }
    }
    throw new BadInputException(
        where
            + ": field `outcome`: unknown outcome `"
            + text
            + "`; expected one of "
            + Arrays.stream(SignInEvent.Outcome.values()).map(SignInEvent.Outcome::id).toList());
  }

  private static ReasonCode reason(String where, String text) {
    for (ReasonCode code : ReasonCode.values()) {
      if (code.id().equals(text)) {
        return code;
      }
    }
    List<String> codes = Arrays.stream(ReasonCode.values()).map(ReasonCode::id).toList();
    throw new BadInputException(
        where
            + ": field `reasons`: unknown reason code `"
            + text
            + "`"
            + Suggestions.nearest(text, codes)
                .map(s -> "; did you mean `" + s + "`?")
                .orElse("; expected one of " + String.join(", ", codes)));
  }
}
