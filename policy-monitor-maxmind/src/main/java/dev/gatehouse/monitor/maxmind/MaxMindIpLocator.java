package dev.gatehouse.monitor.maxmind;

import static java.util.Objects.requireNonNull;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.record.Country;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.IpLocator;
import dev.gatehouse.monitor.Location;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link IpLocator} reading a MaxMind GeoIP2 or GeoLite2 City or Country database.
 *
 * <pre>{@code
 * MaxMindIpLocator geo = MaxMindIpLocator.open(Path.of("/var/lib/GeoIP/GeoLite2-City.mmdb"));
 * SignInMonitor monitor = SignInMonitor.builder().locator(geo).build();
 * }</pre>
 *
 * <p>The database is memory-mapped and its decoded records are cached, so a lookup reads no file. A
 * City database gives the country and the coordinates that impossible-travel needs; a Country
 * database gives the country alone. Lookups that fail (an address the database does not hold, a
 * record without a country, a damaged file) answer empty, as for any unknown address.
 *
 * <p>When the file is replaced (updaters such as {@code geoipupdate} write a new file and rename it
 * over the old one), the next lookup after {@link #checkEvery(Duration) the check interval} opens
 * the new file; until it opens cleanly the previous one keeps answering. Replace the file by
 * renaming, never by writing into it: the running mapping reads the old file's pages. Instances are
 * thread-safe.
 */
public final class MaxMindIpLocator implements IpLocator, Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(MaxMindIpLocator.class);
  private static final Duration DEFAULT_CHECK = Duration.ofMinutes(1);

  private final Path file;
  private final LongSupplier nanoClock;
  private final AtomicLong nextCheck;
  private volatile long checkNanos;
  private volatile Opened opened;

  private MaxMindIpLocator(Path file, Opened opened, LongSupplier nanoClock) {
    this.file = file;
    this.opened = opened;
    this.nanoClock = nanoClock;
    this.checkNanos = DEFAULT_CHECK.toNanos();
    this.nextCheck = new AtomicLong(nanoClock.getAsLong() + checkNanos);
  }

  /**
   * Opens a City or Country database, memory-mapped, checking for a replaced file every minute.
   *
   * @param file the {@code .mmdb} file
   * @return the locator
   * @throws IOException if the file cannot be read or is not a MaxMind database
   * @throws IllegalArgumentException if the database is neither a City nor a Country one
   */
  public static MaxMindIpLocator open(Path file) throws IOException {
    return open(file, System::nanoTime);
  }

  static MaxMindIpLocator open(Path file, LongSupplier nanoClock) throws IOException {
    requireNonNull(file, "file");
    return new MaxMindIpLocator(file, Opened.of(file), requireNonNull(nanoClock, "nanoClock"));
  }

  /**
   * Sets how often lookups look whether the file was replaced; zero looks on every lookup.
   *
   * @param interval the interval, zero or more
   * @return this locator
   * @throws IllegalArgumentException if {@code interval} is negative
   */
  public MaxMindIpLocator checkEvery(Duration interval) {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("check interval `" + interval + "` is negative");
    }
    checkNanos = interval.toNanos();
    nextCheck.set(nanoClock.getAsLong() + checkNanos);
    return this;
  }

  /**
   * Returns the database type read from the file's metadata, such as {@code GeoLite2-City}.
   *
   * @return the database type
   */
  public String databaseType() {
    return opened.type;
  }

  /**
   * Opens the file again if it was replaced since it was last opened.
   *
   * @return whether a new file was opened
   * @throws IOException if the replaced file cannot be opened; the previous one keeps answering
   */
  public boolean reloadIfChanged() throws IOException {
    synchronized (this) {
      Opened running = opened;
      if (Stamp.of(file).equals(running.stamp)) {
        return false;
      }
      // The old reader is left to the collector rather than closed: lookups in flight may still
      // be reading it, and an unmapped buffer cannot fail them.
      opened = Opened.of(file);
      LOG.info("reloaded geoip database `{}` ({})", file, opened.type);
      return true;
    }
  }

  @Override
  public Optional<Location> locate(IpAddress ip) {
    maybeReload();
    Opened db = opened;
    try {
      InetAddress address = InetAddress.getByAddress(bytes(ip));
      // A record without a country maps to null, which Optional.map turns into empty.
      return db.city
          ? db.reader.tryCity(address).map(r -> location(r.country(), r.location()))
          : db.reader.tryCountry(address).map(r -> location(r.country(), null));
    } catch (IOException | GeoIp2Exception | RuntimeException e) {
      LOG.debug("geoip lookup of `{}` failed: {}", ip, e.toString());
      return Optional.empty();
    }
  }

  private void maybeReload() {
    long now = nanoClock.getAsLong();
    long due = nextCheck.get();
    if (now - due < 0 || !nextCheck.compareAndSet(due, now + checkNanos)) {
      return;
    }
    try {
      reloadIfChanged();
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "geoip database `{}` changed but cannot be opened; keeping the previous one: {}",
          file,
          e.getMessage());
    }
  }

  private static Location location(Country country, com.maxmind.geoip2.record.Location where) {
    String code = country == null ? null : country.isoCode();
    if (code == null) {
      return null;
    }
    if (where == null || where.latitude() == null || where.longitude() == null) {
      return Location.ofCountry(code);
    }
    return new Location(code, where.latitude(), where.longitude());
  }

  private static byte[] bytes(IpAddress ip) {
    if (ip.isIpv4()) {
      long v4 = ip.lo();
      return new byte[] {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4};
    }
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (ip.hi() >>> (56 - 8 * i));
      b[i + 8] = (byte) (ip.lo() >>> (56 - 8 * i));
    }
    return b;
  }

  /**
   * Closes the running database; later lookups answer empty.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    opened.reader.close();
  }

  @Override
  public String toString() {
    return "MaxMindIpLocator{" + file + ", " + opened.type + "}";
  }

  /** What identifies one version of the file: replacing it by rename changes the file key. */
  private record Stamp(Object key, long modified, long size) {
    static Stamp of(Path file) throws IOException {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
    }
  }

  private record Opened(DatabaseReader reader, String type, boolean city, Stamp stamp) {
    static Opened of(Path file) throws IOException {
      Stamp stamp = Stamp.of(file);
      DatabaseReader reader =
          new DatabaseReader.Builder(file.toFile())
              .fileMode(Reader.FileMode.MEMORY_MAPPED)
              .withCache(new CHMCache())
              .build();
      String type = reader.metadata().databaseType();
      boolean city = type.contains("City") || type.contains("Enterprise");
      if (!city && !type.contains("Country")) {
        reader.close();
        throw new IllegalArgumentException(
            "geoip database `" + file + "` is a `" + type + "` one, not a City or Country one");
      }
      return new Opened(reader, type, city, stamp);
    }
  }
}
