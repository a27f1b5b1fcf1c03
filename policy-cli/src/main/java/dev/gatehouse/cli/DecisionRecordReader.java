package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInReport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one record of a decision log (the JSON lines of {@code policy-decisionlog}) as the event
 * the report and the dashboard show: a PERMIT is a success, a DENY denied and a CHALLENGE
 * challenged, with the decision's reason codes and matched policies, its time, and the user,
 * address, country and device the request held.
 *
 * <p>What the log masked stays masked: a user written as {@code ***} is the user {@code ***}, and
 * an address the log cut to a network is read as the network's first address. An address masked
 * whole, or absent (as in a truncated record), reads as {@code 0.0.0.0}; an absent user as {@code
 * unknown}.
 */
final class DecisionRecordReader {

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "time",
          "revision",
          "effect",
          "reasons",
          "matched",
          "report_only",
          "requirements",
          "roles",
          "request",
          "truncated");

  private static final IpAddress NO_ADDRESS = IpAddress.parse("0.0.0.0");

  private DecisionRecordReader() {}

  /** {@return whether {@code node} is a decision record rather than a sign-in event} */
  static boolean isDecision(JsonNode node) {
    return node.isObject() && node.has("effect") && !node.has("outcome");
  }

  /**
   * Reads the decision record {@code node}.
   *
   * @throws BadInputException naming the line and the problem
   */
  static EventsReader.Line read(String where, JsonNode node) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new BadInputException(where + ": unknown field `" + name + "` in a decision record");
      }
    }
    JsonNode request = node.path("request");
    Instant time = time(where, text(where, node, "time"));
    String ip = attribute(request, "request.ip");
    SignInEvent event =
        new SignInEvent(
            orElse(attribute(request, "user.id"), SignInReport.UNKNOWN),
            time,
            address(ip),
            attribute(request, "location.country"),
            attribute(request, "device.id"),
            attribute(request, "device.platform"),
            outcome(where, text(where, node, "effect")),
            reasons(where, node.path("reasons")),
            policies(where, node.path("matched")));
    return new EventsReader.Line(event, orElse(attribute(request, "app"), "-"), orElse(ip, "-"));
  }

  private static String text(String where, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new BadInputException(
          where
              + ": field `"
              + field
              + "`: expected a string in a decision record, got "
              + (value == null ? "nothing" : Json.kind(value)));
    }
    return value.asText();
  }

  private static Instant time(String where, String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          where + ": field `time`: malformed time `" + text + "`: expected an ISO-8601 instant");
    }
  }

  /** A request attribute written as a string, or null when absent or of another type. */
  private static String attribute(JsonNode request, String name) {
    JsonNode value = request.get(name);
    return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
  }

  private static String orElse(String value, String otherwise) {
    return value == null ? otherwise : value;
  }

  private static IpAddress address(String text) {
    if (text == null) {
      return NO_ADDRESS;
    }
    if (text.indexOf('/') >= 0) {
      try {
        return IpNetwork.parse(text).first();
      } catch (IllegalArgumentException e) {
        return NO_ADDRESS;
      }
    }
    return IpAddress.tryParse(text).orElse(NO_ADDRESS);
  }

  private static SignInEvent.Outcome outcome(String where, String effect) {
    return switch (effect) {
      case "permit" -> SignInEvent.Outcome.SUCCESS;
      case "deny" -> SignInEvent.Outcome.DENIED;
      case "challenge" -> SignInEvent.Outcome.CHALLENGED;
      default ->
          throw new BadInputException(
              where
                  + ": field `effect`: unknown effect `"
                  + effect
                  + "`; expected one of permit, deny, challenge");
    };
  }

  private static List<ReasonCode> reasons(String where, JsonNode reasons) {
    List<ReasonCode> codes = new ArrayList<>();
    for (JsonNode reason : reasons) {
      String code = reason.path("code").asText("");
      ReasonCode found = null;
      for (ReasonCode c : ReasonCode.values()) {
        if (c.id().equals(code)) {
          found = c;
        }
      }
      if (found == null) {
        throw new BadInputException(
            where + ": field `reasons`: unknown reason code `" + code + "` in a decision record");
      }
      codes.add(found);
    }
    return codes;
  }

  private static List<String> policies(String where, JsonNode matched) {
    List<String> ids = new ArrayList<>();
    for (JsonNode id : matched) {
      if (!id.isTextual()) {
        throw new BadInputException(
            where + ": field `matched`: expected an array of strings, found " + Json.kind(id));
      }
      ids.add(id.asText());
    }
    return ids;
  }
}
