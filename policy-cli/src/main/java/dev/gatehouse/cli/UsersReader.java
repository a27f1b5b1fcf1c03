package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a directory of users: JSON lines, each a user object as in a request's {@code user} field
 * ({@code {"id": "u-1", "department": "Finance", "roles": ["auditor"]}}), or CSV whose header names
 * the user fields. In CSV a set field such as {@code roles} separates its elements with {@code ;},
 * int and bool cells are read as numbers and booleans, and an empty cell leaves the field out.
 * Blank lines are skipped; a file without users is an error.
 */
final class UsersReader {

  private UsersReader() {}

  /** One user as read, with the line it came from. */
  record User(int line, ObjectNode fields) {}

  /**
   * Reads users from {@code text}: CSV when {@code source} ends with {@code .csv}, JSON lines
   * otherwise.
   *
   * @throws BadInputException naming the file, the line and the problem
   */
  static List<User> read(String source, String text, Schema schema) {
    List<User> users =
        source.endsWith(".csv") ? csv(source, text, schema) : jsonLines(source, text);
    if (users.isEmpty()) {
      // An empty listing would be an audit that found nobody, and look like one that passed.
      throw new BadInputException(source + ": no users in the file");
    }
    return users;
  }

  private static List<User> jsonLines(String source, String text) {
    List<User> users = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = source + ":" + (i + 1);
      JsonNode node = Json.parse(where, lines[i]);
      if (!node.isObject()) {
        throw new BadInputException(where + ": a user is a JSON object, not " + Json.kind(node));
      }
      users.add(new User(i + 1, (ObjectNode) node));
    }
    return users;
  }

  private static List<User> csv(String source, String text, Schema schema) {
    List<User> users = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    List<String> header = null;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = source + ":" + (i + 1);
      List<String> cells = cells(where, lines[i]);
      if (header == null) {
        if (lines[i].stripLeading().startsWith("{")) {
          throw new BadInputException(
              where
                  + ": the header is a JSON object: a `*.csv` file is"
                  + " read as CSV; name a JSON lines file `*.jsonl`");
        }
        header = cells;
        continue;
      }
      if (cells.size() != header.size()) {
        throw new BadInputException(
            where
                + ": "
                + cells.size()
                + " cells, but the header names "
                + header.size()
                + " fields");
      }
      users.add(new User(i + 1, row(header, cells, schema)));
    }
    return users;
  }

  private static ObjectNode row(List<String> header, List<String> cells, Schema schema) {
    ObjectNode user = Json.MAPPER.createObjectNode();
    for (int c = 0; c < cells.size(); c++) {
      String name = header.get(c);
      String cell = cells.get(c);
      if (cell.isEmpty()) {
        continue;
      }
      AttributeType.Kind kind =
          schema
              .attribute("user." + name)
              .map(a -> a.type().kind())
              .orElse(AttributeType.Kind.STRING);
      if (kind == AttributeType.Kind.SET) {
        ArrayNode set = user.putArray(name);
        for (String element : cell.split(";", -1)) {
          set.add(element.strip());
        }
      } else if (kind == AttributeType.Kind.INT && isLong(cell)) {
        user.put(name, Long.parseLong(cell));
      } else if (kind == AttributeType.Kind.BOOL && (cell.equals("true") || cell.equals("false"))) {
        user.put(name, Boolean.parseBoolean(cell));
      } else {
        // Left as text: the request reader names the field if its type wants otherwise.
        user.put(name, cell);
      }
    }
    return user;
  }

  /** Whether {@code cell} is a whole number that fits a long, as a JSON integer must. */
  private static boolean isLong(String cell) {
    if (!cell.matches("-?[0-9]+")) {
      return false;
    }
    try {
      Long.parseLong(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Splits one CSV line into cells; double quotes enclose a cell, {@code ""} is a quote in it. */
  static List<String> cells(String where, String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new BadInputException(where + ": unterminated quoted cell");
    }
    cells.add(cell.toString().strip());
    return cells;
  }
}
