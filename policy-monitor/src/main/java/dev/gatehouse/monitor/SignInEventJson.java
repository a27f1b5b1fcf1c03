package dev.gatehouse.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.ReasonCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Encodes events as one JSON object a line, in the format {@code gatehouse report --events} reads:
 * {@code user}, {@code time}, {@code ip}, {@code country}, {@code device}, {@code platform}, {@code
 * outcome}, {@code reasons}, {@code policies}.
 */
public final class SignInEventJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SignInEventJson() {}

  /**
   * {@return the event as one line of JSON}
   *
   * @param event the event
   */
  public static String encode(SignInEvent event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("user", event.userId());
    node.put("time", event.time().toString());
    node.put("ip", event.ip().toString());
    putOptional(node, "country", event.country());
    putOptional(node, "device", event.deviceId());
    putOptional(node, "platform", event.platform());
    node.put("outcome", event.outcome().id());
    ArrayNode reasons = node.putArray("reasons");
    event.reasons().forEach(r -> reasons.add(r.id()));
    ArrayNode policies = node.putArray("policies");
    event.policies().forEach(policies::add);
    return node.toString();
  }

  /**
   * Returns the event of one line of JSON.
   *
   * @param line the line
   * @return the event
   * @throws IllegalArgumentException if the line is not an event
   */
  public static SignInEvent decode(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed event: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("malformed event: expected an object");
    }
    try {
      return event(node);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed event: " + e.getMessage(), e);
    }
  }

  private static SignInEvent event(JsonNode node) {
    return new SignInEvent(
        node.path("user").asText(),
        Instant.parse(node.path("time").asText()),
        IpAddress.parse(node.path("ip").asText()),
        optional(node, "country"),
        optional(node, "device"),
        optional(node, "platform"),
        SignInEvent.Outcome.valueOf(node.path("outcome").asText().toUpperCase(Locale.ROOT)),
        strings(node, "reasons").stream()
            .map(r -> ReasonCode.valueOf(r.toUpperCase(Locale.ROOT)))
            .toList(),
        strings(node, "policies"));
  }

  private static void putOptional(ObjectNode node, String field, @Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static @Nullable String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    node.path(field).forEach(v -> out.add(v.asText()));
    return out;
  }
}
