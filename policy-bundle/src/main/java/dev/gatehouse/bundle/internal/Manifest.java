package dev.gatehouse.bundle.internal;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.bundle.BundleException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The manifest of a bundle, the text the signature covers: one item a line, in a fixed order.
 *
 * <pre>
 * gatehouse-bundle 1
 * revision 42
 * created-at 2026-12-02T00:20:00Z
 * schema 64-hex-digits
 * file 64-hex-digits acme.policy
 * </pre>
 *
 * <p>File lines are sorted by name, each name once. Reading is strict: any other line, order,
 * spacing or line ending is a refusal, so one manifest has exactly one reading.
 */
public record Manifest(
    long revision, Instant createdAt, String schemaDigest, Map<String, String> files) {

  private static final String HEADER = "gatehouse-bundle 1";
  private static final int MAX_FILES = 1000;

  /** Checks the components and copies the files, sorted by name. */
  public Manifest {
    requireNonNull(createdAt, "createdAt");
    requireNonNull(schemaDigest, "schemaDigest");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, not " + revision);
    }
    files = Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** Returns the manifest text as UTF-8. */
  public byte[] render() {
    StringBuilder text = new StringBuilder();
    text.append(HEADER).append('\n');
    text.append("revision ").append(revision).append('\n');
    text.append("created-at ").append(createdAt).append('\n');
    text.append("schema ").append(schemaDigest).append('\n');
    files.forEach(
        (name, digest) ->
            text.append("file ").append(digest).append(' ').append(name).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a manifest.
   *
   * @throws BundleException if it is not exactly in the format {@link #render()} writes
   */
  public static Manifest parse(byte[] bytes) {
    String text = Text.decode(bytes, Names.MANIFEST);
    if (!text.endsWith("\n")) {
      throw bad("does not end with a line break");
    }
    List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    if (lines.size() < 5) {
      throw bad(
          "has "
              + lines.size()
              + " lines; it needs a header, revision, created-at, schema "
              + "and at least one file");
    }
    if (lines.size() > 4 + MAX_FILES) {
      throw bad("lists more than " + MAX_FILES + " files");
    }
    if (!lines.get(0).equals(HEADER)) {
      throw bad("does not start with `" + HEADER + "`");
    }
    long revision = revision(value(lines.get(1), "revision"));
    Instant createdAt = instant(value(lines.get(2), "created-at"));
    String schema = value(lines.get(3), "schema");
    if (!Digests.isDigest(schema)) {
      throw bad("has a malformed schema digest");
    }
    TreeMap<String, String> files = new TreeMap<>();
    String previous = "";
    for (String line : lines.subList(4, lines.size())) {
      String[] parts = value(line, "file").split(" ", -1);
      if (parts.length != 2 || !Digests.isDigest(parts[0]) || !Names.isPolicyFile(parts[1])) {
        throw bad("has a malformed file line " + Names.quote(line));
      }
      if (parts[1].compareTo(previous) <= 0) {
        throw bad("lists " + Names.quote(parts[1]) + " twice or out of order");
      }
      previous = parts[1];
      files.put(parts[1], parts[0]);
    }
    return new Manifest(revision, createdAt, schema, files);
  }

  private static String value(String line, String key) {
    if (!line.startsWith(key + " ") || line.length() == key.length() + 1) {
      throw bad("has " + Names.quote(line) + " where `" + key + "` belongs");
    }
    return line.substring(key.length() + 1);
  }

  private static long revision(String text) {
    // Digits only, no sign and no leading zero: one revision has one spelling.
    if (text.length() > 18
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')
        || text.startsWith("0")) {
      throw bad("has a malformed revision " + Names.quote(text));
    }
    return Long.parseLong(text);
  }

  private static Instant instant(String text) {
    try {
      Instant instant = Instant.parse(text);
      if (!instant.toString().equals(text)) {
        throw bad("has a created-at not in canonical form " + Names.quote(text));
      }
      return instant;
    } catch (DateTimeParseException e) {
      throw bad("has a malformed created-at " + Names.quote(text));
    }
  }

  private static BundleException bad(String what) {
    return new BundleException("the manifest " + what);
  }
}
