package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns request JSON into an {@link AccessRequest}: each nested object ({@code user}, {@code
 * device}, {@code location}, {@code auth}, {@code risk}, {@code target}) maps its fields to dotted
 * attributes such as {@code user.department}; {@code action}, {@code ip} and {@code time} stand for
 * {@code request.action}, {@code request.ip} and {@code request.time}; any other top-level field is
 * the attribute of that name, such as {@code app}. Every field must be an attribute of the schema,
 * with a value of its type, and no attribute may be given twice under two spellings ({@code "user":
 * {"department": ...}} beside {@code "user.department": ...}). Every bad field is reported, not
 * only the first.
 */
final class RequestReader {

  private static final Map<String, String> ALIASES =
      Map.of("action", "request.action", "ip", "request.ip", "time", "request.time");

  private final Schema schema;

  /** Creates a reader of requests over {@code schema}. */
  RequestReader(Schema schema) {
    this.schema = schema;
  }

  /**
   * Reads a request from JSON text.
   *
   * @param source the file name shown in errors
   * @throws BadInputException naming the file, the field and the problem
   */
  AccessRequest read(String source, String text) {
    return read(source, Json.parse(source, text));
  }

  /**
   * Reads a request from a parsed JSON value.
   *
   * @param source the file (and place in it) shown in errors
   * @throws BadInputException naming the source, the field and the problem
   */
  AccessRequest read(String source, JsonNode node) {
    AccessRequest.Builder builder = AccessRequest.builder(schema);
    readInto(source, node, builder);
    return builder.build();
  }

  /**
   * Sets the attributes that the JSON object {@code node} gives on {@code builder}.
   *
   * @throws BadInputException naming the source and every bad field with its problem
   */
  void readInto(String source, JsonNode node, AccessRequest.Builder builder) {
    if (!node.isObject()) {
      throw new BadInputException(source + ": a request is a JSON object, not " + Json.kind(node));
    }
    Fields fields = new Fields(source, builder);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject() && !ALIASES.containsKey(name)) {
        for (Map.Entry<String, JsonNode> inner : value.properties()) {
          String attribute = name + "." + inner.getKey();
          fields.set(
              "`" + inner.getKey() + "` in `" + name + "`", attribute, attribute, inner.getValue());
        }
      } else {
        fields.set("`" + name + "`", name, ALIASES.getOrDefault(name, name), value);
      }
    }
    if (!fields.errors.isEmpty()) {
      throw new BadInputException(fields.errors);
    }
  }

  /** The fields of one request as they are read: what each attribute was spelt as, the errors. */
  private final class Fields {
    private final String source;
    private final AccessRequest.Builder builder;
    private final Map<String, String> spelling = new HashMap<>();
    private final List<String> errors = new ArrayList<>();

    Fields(String source, AccessRequest.Builder builder) {
      this.source = source;
      this.builder = builder;
    }

    /**
     * Sets attribute {@code name} from the JSON field {@code field} (shown as {@code shown}), or
     * records why it cannot be set.
     */
    void set(String shown, String field, String name, JsonNode value) {
      String before = spelling.putIfAbsent(name, shown);
      if (before != null) {
        // Two spellings of one attribute: which one wins would be an accident of field order.
        errors.add(
            source
                + ": fields "
                + before
                + " and "
                + shown
                + " both give `"
                + name
                + "`; keep one");
        return;
      }
      try {
        RequestReader.this.set(field, name, value, builder);
      } catch (BadInputException e) {
        errors.add(source + ": " + e.getMessage());
      }
    }
  }

  private void set(String field, String name, JsonNode value, AccessRequest.Builder b) {
    Attribute attribute =
        schema.attribute(name).orElseThrow(() -> new BadInputException(unknown(field, name)));
    try {
      setValue(attribute, value, b);
    } catch (IllegalArgumentException e) {
      // InvalidRequestException is one: a value the attribute's type refuses.
      throw new BadInputException("field `" + field + "`: " + e.getMessage());
    }
  }

  private String unknown(String field, String name) {
    String message = "unknown field `" + field + "`";
    return schema
        .nearest(name)
        .map(s -> message + "; did you mean `" + fieldName(s) + "`?")
        .orElse(message);
  }

  /** Returns the JSON field that sets attribute {@code name}, for suggestions. */
  private static String fieldName(String name) {
    for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
      if (alias.getValue().equals(name)) {
        return alias.getKey();
      }
    }
    return name;
  }

  private static void setValue(Attribute a, JsonNode value, AccessRequest.Builder b) {
    AttributeType.Kind kind = a.type().kind();
    String expected = "`" + a.name() + "` is " + describe(a.type());
    switch (kind) {
      case INT:
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
          throw wrongType(expected + " (a JSON integer)", value);
        }
        b.set(a, value.longValue());
        return;
      case BOOL:
        if (!value.isBoolean()) {
          throw wrongType(expected + " (true or false)", value);
        }
        b.set(a, value.booleanValue());
        return;
      case SET:
        b.set(a, strings(expected, value));
        return;
      default:
        if (!value.isTextual()) {
          throw wrongType(expected + " (a JSON string)", value);
        }
        b.set(a, value.textValue());
    }
  }

  private static List<String> strings(String expected, JsonNode value) {
    if (!value.isArray()) {
      throw wrongType(expected + " (a JSON array of strings)", value);
    }
    List<String> elements = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw wrongType(expected + " (a JSON array of strings)", element);
      }
      elements.add(element.textValue());
    }
    return elements;
  }

  private static IllegalArgumentException wrongType(String expected, JsonNode value) {
    return new IllegalArgumentException(
        "wrong type: " + expected + ", not " + Json.kind(value) + " (got " + shown(value) + ")");
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  private static String describe(AttributeType type) {
    if (type.kind() == AttributeType.Kind.ORDERED) {
      return "one of " + String.join(", ", type.symbols());
    }
    String name = type.toString();
    return (name.startsWith("int") || name.equals("ip") ? "an " : "a ") + name;
  }
}
