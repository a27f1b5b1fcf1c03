package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;

/** Strict JSON reading (duplicate keys and trailing tokens are errors) and compact writing. */
final class Json {

  /** The shared mapper; immutable once configured. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .build();

  private Json() {}

  /**
   * Returns {@code node} as indented JSON: two spaces, {@code "key": value}, {@code []} when empty,
   * and no trailing newline.
   */
  static String pretty(JsonNode node) {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // A tree of our own making always serializes.
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * Parses {@code text} as one JSON value.
   *
   * @param source the file name shown in the error
   * @throws BadInputException if the text is not JSON, naming the line and column
   */
  static JsonNode parse(String source, String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new BadInputException(source + ": not JSON: the file is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadInputException(source + ": not JSON: " + describe(e));
    }
  }

  /** Returns a one-line account of a parse error with its line and column. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int cut = message.indexOf('\n');
    if (cut >= 0) {
      message = message.substring(0, cut);
    }
    // Jackson's quotes become backticks, and its source excerpt is dropped: we name the file.
    message = message.replaceAll("\\s*\\(start marker at \\[.*?\\]\\)", "");
    message = lowerFirst(message.replaceAll("'([^']*)'", "`$1`"));
    if (e.getLocation() == null) {
      return message;
    }
    return message
        + " at line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr();
  }

  private static String lowerFirst(String s) {
    if (s.length() > 1
        && Character.isUpperCase(s.charAt(0))
        && !Character.isUpperCase(s.charAt(1))) {
      return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }

  /** Returns what kind of JSON value {@code node} is, for messages: a string, a number... */
  static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case BOOLEAN:
        return "a boolean";
      case NUMBER:
        return "a number";
      case STRING:
        return "a string";
      default:
        return "null";
    }
  }
}
