package dev.gatehouse.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class CompareTest {

  /** This test's own classpath, as a build: every class the benchmarks jar would hold. */
  private static URL[] testClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(
            entry -> {
              try {
                return new File(entry).toURI().toURL();
              } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
              }
            })
        .toArray(URL[]::new);
  }

  @Test
  void run_sameBuildTwice_agreesAndReportsBothAndTheirRatio() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    URL[] build = testClasspath();

    int status =
        Compare.run(
            100,
            2,
            1,
            new URL[][] {build, build},
            new String[] {"old", "new"},
            new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(status).as(out).isZero();
    assertThat(out)
        .startsWith("100 policies, 2 rounds of 1 passes over 1,024 requests")
        .contains("old\n  stream ", "new\n  stream ")
        .containsPattern("second / first, medians: stream \\d+\\.\\d\\d, one \\d+\\.\\d\\d");
  }
}
