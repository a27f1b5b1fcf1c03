package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared conformance vectors ({@code conformance/*.tests.json} at the repository root)
 * through {@code gatehouse test}, whose file format they are: one run of the real command over the
 * directory, then one dynamic test per case saying whether the command passed it.
 */
final class ConformanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicNode> gatehouseTest_conformanceVectors_everyCasePasses() throws IOException {
    Path dir = directory();
    Cli.Result run = Cli.run("test", "-q", "-f", "json", dir.toString());
    JsonNode report = JSON.readTree(run.out());
    Map<String, List<String>> failures = new HashMap<>();
    for (JsonNode f : report.get("failures")) {
      List<String> diff = new ArrayList<>();
      f.path("diff").forEach(line -> diff.add(line.asText()));
      failures.put(
          Path.of(f.get("file").asText()).getFileName() + ": " + f.get("case").asText(), diff);
    }
    List<DynamicNode> nodes = new ArrayList<>();
    int cases = 0;
    for (Path file : vectors(dir)) {
      List<DynamicNode> tests = new ArrayList<>();
      for (JsonNode c : JSON.readTree(Files.readString(file)).get("cases")) {
        String key = file.getFileName() + ": " + c.get("name").asText();
        tests.add(
            dynamicTest(
                c.get("name").asText(),
                () ->
                    assertThat(failures.get(key))
                        .as("%s failed in `gatehouse test` (- expected, + actual)", key)
                        .isNull()));
        cases++;
      }
      nodes.add(dynamicContainer(file.getFileName().toString(), tests.stream()));
    }
    int total = cases;
    nodes.add(
        dynamicTest(
            "gatehouse test decides every case and exits 0 when all pass",
            () -> {
              assertThat(report.get("passed").asInt() + report.get("failed").asInt())
                  .isEqualTo(total);
              assertThat(run.code()).isEqualTo(report.get("failed").asInt() == 0 ? 0 : 1);
              assertThat(run.err()).isEmpty();
            }));
    return nodes.stream();
  }

  /**
   * Returns the repository's {@code conformance} directory: that of the first directory, from the
   * working directory (the module's, under Maven) up, holding {@code pom.xml} and {@code
   * conformance/README.md}.
   */
  static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isRegularFile(dir.resolve("conformance").resolve("README.md"))) {
        return dir.resolve("conformance");
      }
    }
    throw new IllegalStateException("no conformance/README.md beside a pom.xml");
  }

  private static List<Path> vectors(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".tests.json"))
          .sorted()
          .toList();
    }
  }
}
