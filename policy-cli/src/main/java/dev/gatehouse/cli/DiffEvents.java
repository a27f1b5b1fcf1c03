package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.analysis.PolicyDiff;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.text.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Replays a file of recorded events, JSON lines read one at a time so that a long history is never
 * held whole. A line is either a request as {@code gatehouse eval} reads it (with an optional
 * {@code event} string labelling it), or a recorded sign-in as {@code gatehouse report} reads it
 * ({@code {"user": "u-1", "time": ..., "ip": ..., "country": ..., "device": ..., "platform": ...,
 * "outcome": ...}}), replayed as a {@code signin} request with the user's attributes from the
 * directory, its address, time, device and country; a sign-in records no factors, so its {@code
 * auth.*} attributes are missing and every MFA rule that applies asks for them.
 */
final class DiffEvents {

  private static final Set<String> SIGN_IN_FIELDS =
      Set.of(
          "user", "time", "ip", "country", "device", "platform", "outcome", "reasons", "policies");

  private final RequestReader reader;
  private final Map<String, ObjectNode> directory;

  /** Creates a replayer of requests over {@code schema}, sign-ins looking users up by id. */
  DiffEvents(Schema schema, Map<String, ObjectNode> directory) {
    this.reader = new RequestReader(schema);
    this.directory = directory;
  }

  /**
   * Feeds every event of {@code file} to {@code replay}, labelled {@code file:line}.
   *
   * @throws BadInputException naming the file, the line and the problem
   */
  void replay(Path file, PolicyDiff.Replay replay) {
    try (BufferedReader lines = new BufferedReader(Utf8.reader(Files.newInputStream(file)))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String where = file + ":" + number;
        JsonNode node = Json.parse(where, line);
        if (!node.isObject()) {
          throw new BadInputException(
              where + ": an event is a JSON object, not " + Json.kind(node));
        }
        ObjectNode event = (ObjectNode) node;
        String label = where;
        if (event.get("user") != null && event.get("user").isTextual()) {
          event = signIn(where, event);
        } else if (event.has("event")) {
          JsonNode name = event.remove("event");
          if (!name.isTextual()) {
            throw new BadInputException(
                where + ": field `event`: expected a string, got " + Json.kind(name));
          }
          label = name.textValue();
        }
        replay.event(label, reader.read(where, event));
      }
    } catch (Utf8.MalformedException e) {
      throw new BadInputException("`" + file + "`: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`: " + e.getMessage(), e);
    }
  }

  /** The request a recorded sign-in stands for. */
  private ObjectNode signIn(String where, ObjectNode event) {
    for (Map.Entry<String, JsonNode> field : event.properties()) {
      if (!SIGN_IN_FIELDS.contains(field.getKey())) {
        throw new BadInputException(
            where + ": unknown field `" + field.getKey() + "` of a recorded sign-in");
      }
    }
    String user = event.get("user").textValue();
    ObjectNode request = Json.MAPPER.createObjectNode();
    ObjectNode attributes = directory.get(user);
    request.set(
        "user",
        attributes == null
            ? Json.MAPPER.createObjectNode().put("id", user)
            : attributes.deepCopy());
    request.put("action", "signin");
    copy(event, "time", request);
    copy(event, "ip", request);
    ObjectNode device = Json.MAPPER.createObjectNode();
    copy(event, "device", device, "id");
    copy(event, "platform", device, "platform");
    if (!device.isEmpty()) {
      request.set("device", device);
    }
    if (event.has("country")) {
      request.set("location", Json.MAPPER.createObjectNode().set("country", event.get("country")));
    }
    return request;
  }

  private static void copy(ObjectNode from, String field, ObjectNode to) {
    copy(from, field, to, field);
  }

  private static void copy(ObjectNode from, String field, ObjectNode to, String as) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull()) {
      to.set(as, value);
    }
  }
}
