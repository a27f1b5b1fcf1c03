package dev.gatehouse.bundle;

import static dev.gatehouse.bundle.Fixtures.MAIL;
import static dev.gatehouse.bundle.Fixtures.TRUSTED;
import static dev.gatehouse.bundle.Fixtures.bundle;
import static dev.gatehouse.bundle.Fixtures.revisionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import dev.gatehouse.engine.PolicySource;
import dev.gatehouse.engine.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
final class BundleFileSourceTest {

  @TempDir Path dir;

  private void publish(long revision) throws Exception {
    Path next = dir.resolve(".next");
    Files.write(next, bundle(revision));
    Files.move(
        next,
        dir.resolve("acme.bundle"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void await(PolicySource source, Predicate<SourceStatus> test) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!test.test(source.status())) {
      assertThat(System.nanoTime()).as("%s", source.status()).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  @Test
  void poll_newerBundleFile_isSwappedIn() throws Exception {
    publish(1);
    try (PolicySource source =
        PolicySources.bundleFile(dir.resolve("acme.bundle"), TRUSTED)
            .pollInterval(Duration.ofMillis(50))
            .start()) {
      assertThat(revisionOf(source.holder().evaluate(MAIL))).isEqualTo(1);

      publish(2);
      await(source, s -> s.revision() == 2);

      assertThat(revisionOf(source.holder().evaluate(MAIL))).isEqualTo(2);
      assertThat(source.status().state()).isEqualTo(SourceStatus.State.OK);
      assertThat(source.status().loadedAt()).isPresent();
    }
  }

  @Test
  void poll_olderBundleWithRollbackAllowed_isSwappedIn() throws Exception {
    publish(5);
    try (PolicySource source =
        PolicySources.bundleFile(dir.resolve("acme.bundle"), TRUSTED)
            .pollInterval(Duration.ofMillis(50))
            .allowRollback()
            .start()) {
      publish(4);
      await(source, s -> s.revision() == 4);

      assertThat(revisionOf(source.holder().evaluate(MAIL))).isEqualTo(4);
    }
  }

  @Test
  void start_bundleBuiltForAnotherSchema_isRefused() throws Exception {
    publish(1);
    Schema other = Schema.standard().toBuilder().declare("user.level", AttributeType.INT).build();

    assertThatThrownBy(
            () ->
                PolicySources.bundleFile(dir.resolve("acme.bundle"), TRUSTED).schema(other).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no policies to serve from `"
                + dir.resolve("acme.bundle")
                + "`: revision 1 was built for another schema than this node's;"
                + " no cache directory is configured");
  }

  @Test
  void pollInterval_tooShort_isRejectedNamingTheValue() {
    assertThatThrownBy(() -> PolicySources.directory(dir).pollInterval(Duration.ofMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("poll interval must be at least PT0.01S, not PT0.001S");
  }
}
