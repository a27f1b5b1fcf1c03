package dev.gatehouse.bundle.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A source that watches a directory of {@code .policy} files with the JDK {@link WatchService}.
 *
 * <p>A change is loaded only once the directory has been quiet for the debounce time, and only from
 * a complete snapshot: every file is read, then listed and stat'ed again, and a snapshot that
 * changed while it was read is dropped and retried after the next quiet period. Editors' temporary
 * files ({@code .x.swp}, {@code x~}, {@code #x#}, {@code 4913}) are never read: only names ending
 * in {@code .policy} and not starting with {@code .} or {@code #} are. The parent is watched too,
 * so a directory renamed into place is seen.
 */
public final class DirectoryWatcher extends RunningSource {

  private final Path directory;
  private final long debounceNanos;
  private final WatchService watch;
  private final Thread thread;
  private @Nullable WatchKey directoryKey;
  private volatile boolean closed;

  /** Creates a watcher; nothing is read until {@link #loadNow()} or {@link #startWatching()}. */
  public DirectoryWatcher(SourceCore core, Path directory, Duration debounce) throws IOException {
    super(core);
    this.directory = directory.toAbsolutePath();
    this.debounceNanos = debounce.toNanos();
    this.watch = FileSystems.getDefault().newWatchService();
    Path parent = this.directory.getParent();
    if (parent != null) {
      parent.register(
          watch,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_DELETE,
          StandardWatchEventKinds.ENTRY_MODIFY);
    }
    register();
    this.thread = new Thread(this::run, "gatehouse-source `" + this.directory + "`");
    this.thread.setDaemon(true);
  }

  private void register() {
    try {
      directoryKey =
          directory.register(
              watch,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE,
              StandardWatchEventKinds.ENTRY_MODIFY);
    } catch (IOException e) {
      // Not there for now; the parent's watch tells when it appears.
      directoryKey = null;
    }
  }

  /** Returns whether {@code name} is a policy file and not an editor's temporary file. */
  static boolean isPolicyFile(String name) {
    return name.endsWith(".policy") && !name.startsWith(".") && !name.startsWith("#");
  }

  /** Starts watching on the watcher's thread. */
  public void startWatching() {
    thread.start();
  }

  private void run() {
    boolean dirty = false;
    long quietSince = 0;
    try {
      while (!closed) {
        long waitNanos =
            dirty
                ? Math.max(0, quietSince + debounceNanos - System.nanoTime())
                : TimeUnit.SECONDS.toNanos(1);
        WatchKey key = watch.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (key != null) {
          if (relevant(key)) {
            dirty = true;
            quietSince = System.nanoTime();
          }
          continue;
        }
        if (dirty && !loadNow()) {
          // It changed while being read: wait for the next quiet period.
          quietSince = System.nanoTime();
          continue;
        }
        dirty = false;
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed.
    }
  }

  private boolean relevant(WatchKey key) {
    boolean relevant = false;
    boolean ofDirectory = key.equals(directoryKey);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        relevant = true;
      } else if (ofDirectory) {
        relevant |= isPolicyFile(event.context().toString());
      } else if (event.context().toString().equals(directory.getFileName().toString())) {
        // The directory itself was replaced, renamed or removed: watch what is there now.
        if (directoryKey != null) {
          directoryKey.cancel();
        }
        register();
        relevant = true;
      }
    }
    if (!key.reset() && ofDirectory) {
      directoryKey = null;
    }
    return relevant;
  }

  /**
   * Reads a snapshot and offers it if it held still while read.
   *
   * @return false if the directory changed while it was read, so nothing was offered
   */
  public boolean loadNow() {
    try {
      Map<String, String> before = stat();
      Map<String, String> sources = new LinkedHashMap<>();
      StringBuilder content = new StringBuilder();
      for (String name : before.keySet()) {
        String text = Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
        sources.put(name, text);
        content.append(name).append('\0').append(text).append('\0');
      }
      if (!stat().equals(before)) {
        return false;
      }
      if (sources.isEmpty()) {
        core.fail("no `*.policy` file in `" + directory + "`");
        return true;
      }
      String digest = Digests.sha256(content.toString().getBytes(StandardCharsets.UTF_8));
      core.offer(core.revision() + 1, digest, sources);
      return true;
    } catch (IOException e) {
      // A file vanished or was replaced between listing and reading: a change in progress.
      core.fail("cannot read `" + directory + "`: " + e.getMessage());
      return true;
    }
  }

  /** Returns the policy files with their size, modification time and file key, sorted. */
  private Map<String, String> stat() throws IOException {
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files =
          entries
              .filter(p -> isPolicyFile(p.getFileName().toString()))
              .sorted()
              .collect(Collectors.toCollection(ArrayList::new));
    }
    Map<String, String> stats = new LinkedHashMap<>();
    for (Path file : files) {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isRegularFile()) {
        stats.put(
            file.getFileName().toString(),
            attributes.size()
                + " "
                + attributes.lastModifiedTime().toMillis()
                + " "
                + attributes.fileKey());
      }
    }
    return stats;
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      watch.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }

  @Override
  public String toString() {
    return "PolicySource{`" + directory + "`, " + core.status().state() + "}";
  }
}
