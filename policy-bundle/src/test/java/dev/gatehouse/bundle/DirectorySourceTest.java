package dev.gatehouse.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicySource;
import dev.gatehouse.engine.SourceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A watched directory written slowly and by editors: only complete sets are ever compiled. */
@Timeout(60)
final class DirectorySourceTest {

  private static final Duration DEBOUNCE = Duration.ofMillis(300);

  @TempDir Path root;
  private PolicySource source;
  private final List<Long> revisions = new CopyOnWriteArrayList<>();
  private final List<Set<String>> sets = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    if (source != null) {
      source.close();
    }
  }

  private PolicySource start(Path directory) {
    source =
        PolicySources.directory(directory)
            .debounce(DEBOUNCE)
            .listener(
                new PolicySource.Listener() {
                  @Override
                  public void loaded(long revision, CompiledPolicies policies) {
                    revisions.add(revision);
                    sets.add(
                        policies.policySet().policies().stream()
                            .map(Policy::id)
                            .collect(Collectors.toCollection(TreeSet::new)));
                  }

                  @Override
                  public void failed(String error) {
                    failures.add(error);
                  }
                })
            .start();
    return source;
  }

  /** Two policies in one file, so the text up to the first one alone is a valid prefix. */
  private static String twoPolicies(String first, String second) {
    return "assign \""
        + first
        + "\" {\n  app \"mail\" role \"r\"\n}\n\nassign \""
        + second
        + "\" {\n  app \"mail\" role \"s\"\n}\n";
  }

  /** Writes {@code text} one byte at a time, each its own write. */
  private static void writeSlowly(Path file, String text) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
        out.flush();
        TimeUnit.MILLISECONDS.sleep(2);
      }
    }
  }

  private void awaitSet(Set<String> expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sets.isEmpty() || !sets.get(sets.size() - 1).equals(expected)) {
      assertThat(System.nanoTime())
          .as("sets seen %s, failures %s", sets, failures)
          .isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void watch_slowWritesAndEditorSwapFiles_neverCompilePartialSets() throws Exception {
    Path dir = Files.createDirectory(root.resolve("policies"));
    Files.writeString(dir.resolve("a.policy"), twoPolicies("a1", "a2"));
    start(dir);
    Set<String> first = Set.of("a1", "a2");
    Set<String> second = Set.of("a1", "a2", "b1", "b2");
    Set<String> third = Set.of("a3", "a4", "b1", "b2");

    writeSlowly(dir.resolve("b.policy"), twoPolicies("b1", "b2"));
    awaitSet(second);

    // An editor: a swap file and a backup written slowly, then the new text renamed into place.
    writeSlowly(dir.resolve(".a.policy.swp"), twoPolicies("a3", "a4"));
    writeSlowly(dir.resolve("a.policy~"), twoPolicies("a1", "a2"));
    writeSlowly(dir.resolve("#a.policy#"), "assign \"half");
    writeSlowly(dir.resolve("4913"), "");
    Files.delete(dir.resolve("4913"));
    Files.move(
        dir.resolve(".a.policy.swp"),
        dir.resolve("a.policy"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    Files.delete(dir.resolve("a.policy~"));
    awaitSet(third);

    assertThat(sets)
        .as("every compiled set")
        .allSatisfy(set -> assertThat(set).isIn(first, second, third));
    assertThat(sets).containsExactly(first, second, third);
    assertThat(revisions).containsExactly(1L, 2L, 3L);
    assertThat(source.status().state()).isEqualTo(SourceStatus.State.OK);
  }

  @Test
  void watch_invalidEdit_isRefusedAndTheRunningSetKept() throws Exception {
    Path dir = Files.createDirectory(root.resolve("policies"));
    Files.writeString(dir.resolve("a.policy"), twoPolicies("a1", "a2"));
    start(dir);

    Files.writeString(dir.resolve("b.policy"), "assign \"b1\" {\n  app \"mail\" rol \"r\"\n}\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (source.status().state() != SourceStatus.State.DEGRADED) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(10);
    }

    assertThat(source.status().revision()).isEqualTo(1);
    assertThat(source.status().lastError()).startsWith("revision 2 is invalid: error[");
    assertThat(source.holder().current().policySet().policy("a1")).isPresent();
    assertThat(sets).containsExactly(Set.of("a1", "a2"));
  }

  @Test
  void watch_symlinkSwappedIntoPlace_loadsTheNewDirectoryWhole() throws Exception {
    Path v1 = Files.createDirectory(root.resolve("v1"));
    Files.writeString(v1.resolve("a.policy"), twoPolicies("a1", "a2"));
    Path current = Files.createSymbolicLink(root.resolve("current"), v1.getFileName());
    start(current);

    Path v2 = Files.createDirectory(root.resolve("v2"));
    Files.writeString(v2.resolve("a.policy"), twoPolicies("c1", "c2"));
    Files.writeString(v2.resolve("b.policy"), twoPolicies("d1", "d2"));
    Path link = Files.createSymbolicLink(root.resolve(".current.tmp"), v2.getFileName());
    Files.move(link, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    awaitSet(Set.of("c1", "c2", "d1", "d2"));

    assertThat(sets).containsExactly(Set.of("a1", "a2"), Set.of("c1", "c2", "d1", "d2"));
  }

  @Test
  void start_emptyDirectory_refusesToServe() throws IOException {
    Path dir = Files.createDirectory(root.resolve("policies"));

    assertThatThrownBy(() -> start(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no policies to serve from `" + dir + "`: no `*.policy` file in `" + dir + "`");
  }
}
