package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.AccessRequest;
import java.util.Collection;
import java.util.Map;

/**
 * Writes an {@link AccessRequest} as the request JSON that {@code eval} and {@code explain} read:
 * {@code action}, {@code ip} and {@code time} at the top with {@code app}, every other attribute in
 * the object named by its first part ({@code user.department} in {@code user}).
 */
final class RequestJson {

  private static final Map<String, String> SHORT =
      Map.of("request.action", "action", "request.ip", "ip", "request.time", "time");

  private RequestJson() {}

  static ObjectNode toJson(AccessRequest request) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    for (Map.Entry<String, Object> e : request.values().entrySet()) {
      String name = e.getKey();
      int dot = name.indexOf('.');
      if (SHORT.containsKey(name) || dot < 0) {
        put(json, SHORT.getOrDefault(name, name), e.getValue());
      } else {
        String group = name.substring(0, dot);
        ObjectNode object = json.get(group) instanceof ObjectNode o ? o : json.putObject(group);
        put(object, name.substring(dot + 1), e.getValue());
      }
    }
    return json;
  }

  private static void put(ObjectNode json, String field, Object value) {
    if (value instanceof Collection<?> set) {
      ArrayNode array = json.putArray(field);
      set.forEach(element -> array.add(element.toString()));
    } else if (value instanceof Long n) {
      json.put(field, n);
    } else if (value instanceof Boolean b) {
      json.put(field, b);
    } else {
      json.put(field, value.toString());
    }
  }
}
