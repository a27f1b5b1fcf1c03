package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/gatehouse} through a symbolic link with a stand-in JDK whose {@code java} records
 * its arguments, and a stand-in jar, so that nothing is built.
 */
final class LauncherTest {

  private static final Path LAUNCHER = Path.of("..", "bin", "gatehouse").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void launcher_throughSymlinkFromElsewhere_runsTheJarWithAnArchiveNamedAfterTheJavaVersion()
      throws IOException, InterruptedException {
    Path jdk = Files.createDirectories(dir.resolve("jdk").resolve("bin")).getParent();
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"99.0.1\"\n");
    Path calls = dir.resolve("calls");
    Path java = jdk.resolve("bin").resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$*\" >>'" + calls + "'\necho ran\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Files.writeString(dir.resolve("gatehouse.jar"), "");
    Path link =
        Files.createSymbolicLink(
            Files.createDirectories(dir.resolve("path")).resolve("gatehouse"), LAUNCHER);

    ProcessBuilder builder =
        new ProcessBuilder("sh", link.toString(), "--version").directory(dir.toFile());
    builder.environment().put("JAVA_HOME", jdk.toString());
    builder.environment().put("GATEHOUSE_JAR", jar.toString());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).isEqualTo("ran\n");
    List<String> lines = Files.readAllLines(calls);
    // The first run writes the archive while evaluating the example of the checkout it found.
    assertThat(lines.get(0))
        .contains("-XX:ArchiveClassesAtExit=" + dir.resolve("gatehouse-99.0.1-"))
        .contains("-jar " + jar + " eval --policies ")
        .contains("examples/acme.policy");
    assertThat(lines.get(lines.size() - 1)).endsWith("-jar " + jar + " --version");
    Files.delete(link);
  }
}
