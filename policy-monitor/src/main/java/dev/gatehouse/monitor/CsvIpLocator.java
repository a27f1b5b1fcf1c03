package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An {@link IpLocator} read from lines of {@code CIDR,country[,latitude,longitude]}; blank lines
 * and lines starting with {@code #} are skipped. The longest matching prefix wins.
 *
 * <pre>{@code
 * # network, country, latitude, longitude
 * 203.0.113.0/24,FR,48.86,2.35
 * 2001:db8::/32,JP,35.68,139.69
 * 198.51.100.0/24,BR
 * }</pre>
 *
 * <p>A lookup probes one hash table per prefix length present, longest first. Instances are
 * immutable and thread-safe.
 */
public final class CsvIpLocator implements IpLocator {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  private final int[] lengths;
  private final List<Map<Key, Location>> tables;

  private CsvIpLocator(TreeMap<Integer, Map<Key, Location>> byLength) {
    this.lengths = new int[byLength.size()];
    this.tables = new ArrayList<>();
    int i = 0;
    for (Map.Entry<Integer, Map<Key, Location>> e : byLength.descendingMap().entrySet()) {
      lengths[i++] = e.getKey();
      tables.add(Map.copyOf(e.getValue()));
    }
  }

  /**
   * Reads a locator from a UTF-8 file.
   *
   * @param file the file
   * @return the locator
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException listing every malformed line, as {@code file:line: message}
   */
  public static CsvIpLocator load(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * Reads a locator from lines.
   *
   * @param source the name shown in messages, such as the file name
   * @param lines the lines
   * @return the locator
   * @throws IllegalArgumentException listing every malformed line, as {@code source:line: message}
   */
  public static CsvIpLocator parse(String source, List<String> lines) {
    requireNonNull(source, "source");
    TreeMap<Integer, Map<Key, Location>> byLength = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        String[] fields = line.split(",", -1);
        IpNetwork network = network(fields);
        Location location = location(fields);
        byLength
            .computeIfAbsent(network.prefixLength128(), k -> new HashMap<>())
            .putIfAbsent(new Key(network.first().hi(), network.first().lo()), location);
      } catch (IllegalArgumentException e) {
        problems.add(source + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new CsvIpLocator(byLength);
  }

  private static IpNetwork network(String[] fields) {
    if (fields.length != 2 && fields.length != 4) {
      throw new IllegalArgumentException(
          "expected `network,country` or `network,country,latitude,longitude`, got "
              + fields.length
              + " fields");
    }
    return IpNetwork.parse(fields[0].strip());
  }

  private static Location location(String[] fields) {
    String country = fields[1].strip();
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException(
          "country `" + country + "` is not an ISO 3166 alpha-2 code such as `FR`");
    }
    if (fields.length == 2) {
      return Location.ofCountry(country);
    }
    return new Location(country, coordinate(fields[2]), coordinate(fields[3]));
  }

  private static double coordinate(String text) {
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the text as written
    }
    throw new IllegalArgumentException("coordinate `" + text.strip() + "` is not a number");
  }

  @Override
  public Optional<Location> locate(IpAddress ip) {
    for (int i = 0; i < lengths.length; i++) {
      int length = lengths[i];
      Location found =
          tables.get(i).get(new Key(ip.hi() & hiMask(length), ip.lo() & loMask(length)));
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** {@return how many networks the locator knows} */
  public int size() {
    return tables.stream().mapToInt(Map::size).sum();
  }

  private static long hiMask(int prefix) {
    return prefix == 0 ? 0 : prefix >= 64 ? -1L : -1L << (64 - prefix);
  }

  private static long loMask(int prefix) {
    return prefix <= 64 ? 0 : -1L << (128 - prefix);
  }

  @Override
  public String toString() {
    return "CsvIpLocator{" + size() + " networks}";
  }

  private record Key(long hi, long lo) {}
}
