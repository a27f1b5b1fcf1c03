package dev.gatehouse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload of a megabyte of garbage, in a JVM with a 256 MB heap as a small server has: the old set
 * keeps serving and the log gets one bounded warning. Run in a forked JVM, so that the heap is
 * really that small and the log is really what slf4j writes.
 */
final class BoundedReloadTest {

  @Test
  void reload_megabyteOfGarbageIn256MbHeap_keepsOldSetAndLogsOneBoundedWarning(@TempDir Path dir)
      throws Exception {
    Path garbage = dir.resolve("garbage.policy");
    Files.writeString(garbage, garbage(1 << 20), StandardCharsets.UTF_8);

    Result run = fork(garbage, dir);

    assertThat(run.exit).as(run.err).isZero();
    assertThat(run.out).contains("refused with 101 diagnostics", "serving 1", "decided PERMIT");
    List<String> warnings = run.err.lines().filter(l -> l.contains("WARN")).toList();
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w).contains("policy reload failed; keeping the running set: error[");
              assertThat(w.length()).isLessThan(4_000);
            });
    assertThat(run.err.length()).isLessThan(10_000);
  }

  @Test
  void evaluate_debugLine_escapesTheUserId(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.policy");
    Files.writeString(ok, "assign \"mail\" {\n  app \"mail\" role \"user\"\n}\n");

    Result run = fork(ok, dir);

    assertThat(run.out).contains("reloaded", "decided PERMIT");
    String debug =
        run.err
            .lines()
            .filter(l -> l.contains("DEBUG") && l.contains("PERMIT"))
            .findFirst()
            .orElseThrow();
    assertThat(debug).contains("PERMIT bob\\u{85}PERMIT user=admin\\u{202e} reasons=");
    assertThat(run.err).doesNotContain("\u0085").doesNotContain("\u202e");
  }

  private record Result(int exit, String out, String err) {}

  private static Result fork(Path policy, Path dir) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Dstdout.encoding=UTF-8",
                "-Dstderr.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                ReloadProbe.class.getName(),
                policy.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the forked JVM did not finish in 60 s");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Printable ASCII with a line break now and then, as a mangled or random file has. */
  static String garbage(int size) {
    Random random = new Random(13);
    StringBuilder text = new StringBuilder(size);
    while (text.length() < size) {
      text.append(random.nextInt(120) == 0 ? '\n' : (char) (0x20 + random.nextInt(0x5f)));
    }
    return text.toString();
  }
}
