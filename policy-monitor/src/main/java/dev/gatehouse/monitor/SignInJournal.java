package dev.gatehouse.monitor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A store that also appends every event to a local file of JSON lines, the format {@code gatehouse
 * report --events} reads, and rebuilds the store from it at start-up: one node without a shared
 * store keeps its users' profiles across a restart.
 *
 * <pre>{@code
 * SignInMonitor monitor = SignInMonitor.builder()
 *     .journal(Path.of("/var/lib/app/sign-ins.jsonl"), 64 << 20)
 *     .build();
 * }</pre>
 *
 * <p>When the file would pass {@code maxBytes} it is renamed to {@code <file>.1}, replacing the
 * previous one, and a new file is started, so the journal takes at most twice {@code maxBytes}.
 * Replay reads {@code <file>.1} then {@code <file>}; a line that is not an event, such as the last
 * line torn by a crash, is skipped and counted in {@link #skippedLines()}, never fatal. A write
 * that fails (a full disk) is counted in {@link #writeFailures()} and logged, and the sign-in goes
 * on.
 */
public final class SignInJournal implements SignInStore, Closeable {

  private static final System.Logger LOG = System.getLogger(SignInJournal.class.getName());

  private final SignInStore store;
  private final Path file;
  private final Path previous;
  private final long maxBytes;
  private final AtomicLong replayed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();
  private FileChannel channel;

  private SignInJournal(SignInStore store, Path file, long maxBytes) {
    this.store = store;
    this.file = file;
    this.previous = file.resolveSibling(file.getFileName() + ".1");
    this.maxBytes = maxBytes;
  }

  /**
   * Replays {@code file} (and its rotated predecessor) into {@code store} and opens it for
   * appending.
   *
   * @param file the journal file, created if missing
   * @param maxBytes the size at which the file is rotated, at least 1024
   * @param store the store the journal fills and then records into
   * @param locator locates the replayed events' addresses, as the monitor does
   * @return the journaled store
   * @throws IOException if the file cannot be read or opened
   * @throws IllegalArgumentException if {@code maxBytes} is below 1024
   */
  public static SignInJournal open(Path file, long maxBytes, SignInStore store, IpLocator locator)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(store, "store");
    requireNonNull(locator, "locator");
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("journal size " + maxBytes + " is below 1024 bytes");
    }
    SignInJournal journal = new SignInJournal(store, file, maxBytes);
    journal.replay(journal.previous, locator);
    journal.replay(file, locator);
    journal.channel = journal.openForAppend();
    return journal;
  }

  private void replay(Path path, IpLocator locator) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (BufferedReader reader = Files.newBufferedReader(path, UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        SignInEvent event;
        try {
          event = SignInEventJson.decode(line);
        } catch (IllegalArgumentException e) {
          skipped.incrementAndGet();
          continue;
        }
        store.record(event, locator.locate(event.ip()).orElse(null));
        replayed.incrementAndGet();
      }
    }
  }

  /** Opens the file for appending, ending a torn last line first so the next event starts clean. */
  private FileChannel openForAppend() throws IOException {
    FileChannel out =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    long size = out.size();
    if (size > 0) {
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
        in.seek(size - 1);
        if (in.read() != '\n') {
          out.write(ByteBuffer.wrap(new byte[] {'\n'}));
        }
      }
    }
    return out;
  }

  @Override
  public void record(SignInEvent event, @Nullable Location location) {
    store.record(event, location);
    byte[] line = (SignInEventJson.encode(event) + "\n").getBytes(UTF_8);
    synchronized (this) {
      try {
        if (channel.size() + line.length > maxBytes) {
          rotate();
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      } catch (IOException e) {
        long n = writeFailures.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
          LOG.log(Level.WARNING, "sign-in journal `" + file + "` not written (" + n + " times)", e);
        }
      }
    }
  }

  private void rotate() throws IOException {
    channel.close();
    Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel = openForAppend();
  }

  /**
   * Returns how many events were replayed at start-up.
   *
   * @return how many events were replayed
   */
  public long replayed() {
    return replayed.get();
  }

  /**
   * Returns how many lines were skipped at start-up because they were not events, such as a torn
   * last line.
   *
   * @return how many lines were skipped
   */
  public long skippedLines() {
    return skipped.get();
  }

  /** {@return how many events could not be appended} */
  public long writeFailures() {
    return writeFailures.get();
  }

  @Override
  public Optional<UserProfile> profile(String userId) {
    return store.profile(userId);
  }

  @Override
  public int ipFailuresBetween(IpAddress ip, Instant from, Instant to) {
    return store.ipFailuresBetween(ip, from, to);
  }

  @Override
  public Optional<IpNetwork> failureNetwork(IpAddress ip) {
    return store.failureNetwork(ip);
  }

  @Override
  public int networkFailuresBetween(IpAddress ip, Instant from, Instant to) {
    return store.networkFailuresBetween(ip, from, to);
  }

  @Override
  public Lookup lookup(@Nullable String userId, @Nullable IpAddress ip, Instant from, Instant to) {
    return store.lookup(userId, ip, from, to);
  }

  @Override
  public void forEachEvent(Consumer<? super SignInEvent> action) {
    store.forEachEvent(action);
  }

  @Override
  public EventPage events(String cursor, int limit) {
    return store.events(cursor, limit);
  }

  /** Closes the file; the store stays usable but records no longer reach the journal. */
  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "SignInJournal{" + file + ", " + store + "}";
  }
}
