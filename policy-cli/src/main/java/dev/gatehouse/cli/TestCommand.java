package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.analysis.CoverageReport;
import dev.gatehouse.analysis.PolicyCoverage;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.dsl.Diagnostic;
import dev.gatehouse.engine.CompiledPolicies;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse test}: runs policy test files and reports each failing case with a diff. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description =
        "Run policy test files (*.tests.json, format in docs/cli.md): evaluate each case's request"
            + " against the file's policies and compare the decision with the case's expectation."
            + " Prints each failure with a diff (- expected, + actual), then `N passed, N failed`."
            + " A directory stands for the *.tests.json files under it. Finding no test case is an"
            + " error. With --coverage, also reports which policies and which parts of their"
            + " conditions the cases made true, false and unknown.",
    footer = {
      "",
      "Exit codes: 0 every case passed, 1 a case failed, the policies are invalid or the",
      "coverage is under --min,",
      "2 usage error or bad test file.",
      "",
      "Example:",
      "  gatehouse test examples/acme.tests.json",
      "  gatehouse test --coverage --min 80 examples/"
    })
final class TestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "test files or directories")
  List<Path> paths;

  @Option(
      names = {"-q", "--quiet"},
      description = "print no line about warnings in the policies (`check` lists them)")
  boolean quiet;

  @Option(
      names = "--coverage",
      description =
          "report the policies and condition parts the cases"
              + " made true and false, and list the policies none made apply")
  boolean coverage;

  @Option(
      names = "--min",
      paramLabel = "PERCENT",
      description =
          "with --coverage: fail the run" + " when fewer than PERCENT of the policies are covered")
  Double min;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text or json (one JSON document); default: ${DEFAULT-VALUE}")
  Format format = Format.text;

  /** The output formats. */
  enum Format {
    text,
    json
  }

  private final PolicyCoverage recorded = new PolicyCoverage();
  private final ArrayNode failures = Json.MAPPER.createArrayNode();
  private int passed;
  private int failed;
  private final Set<Diagnostic> warnings = new LinkedHashSet<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (min != null && (!coverage || min < 0 || min > 100)) {
      throw new BadInputException(
          "`--min` takes a percentage from 0 to 100 and needs `--coverage`");
    }
    List<TestFile> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(read(path));
    }
    for (TestFile file : files) {
      run(file, out);
    }
    if (!quiet) {
      PolicyFiles.summarize(warnings, spec.commandLine().getErr());
    }
    CoverageReport report = recorded.report();
    boolean below = coverage && TestCoverage.belowMinimum(report, min);
    if (format == Format.json) {
      ObjectNode json = Json.MAPPER.createObjectNode();
      json.put("passed", passed);
      json.put("failed", failed);
      json.set("failures", failures);
      if (coverage) {
        json.set("coverage", TestCoverage.json(report, min));
      }
      out.println(Json.pretty(json));
    } else {
      out.println(passed + " passed, " + failed + " failed");
      if (coverage) {
        TestCoverage.print(report, out);
      }
      if (below) {
        out.println(TestCoverage.shortfall(report, min));
      }
    }
    out.flush();
    return failed == 0 && !below ? ExitCode.OK : ExitCode.FAILED;
  }

  /**
   * Reads the test files that {@code path} names.
   *
   * @throws BadInputException if they hold no test case: a CI job pointed at the wrong path must
   *     not pass on nothing
   */
  private static List<TestFile> read(Path path) {
    List<Path> found = files(path);
    List<TestFile> files = new ArrayList<>();
    int cases = 0;
    for (Path file : found) {
      TestFile read = TestFile.parse(file, PolicyFiles.read(file));
      files.add(read);
      cases += read.cases().size();
    }
    if (found.isEmpty()) {
      throw new BadInputException(
          "no test cases in `" + path + "`: test files are named `*.tests.json`");
    }
    if (cases == 0) {
      throw new BadInputException("no test cases in `" + path + "`: `cases` is empty");
    }
    return files;
  }

  private void run(TestFile file, PrintWriter out) {
    Optional<CompiledPolicies> compiled =
        PolicyFiles.compile(file.policies(), spec.commandLine().getErr(), warnings);
    if (compiled.isEmpty()) {
      fail(file, null, List.of("the policies are invalid"), out);
      failed += file.cases().size();
      return;
    }
    CompiledPolicies engine = compiled.get();
    RequestReader reader = new RequestReader(engine.schema());
    List<AccessRequest> requests = new ArrayList<>();
    for (TestFile.Case c : file.cases()) {
      requests.add(reader.read(c.where() + ": `request`", c.request()));
    }
    if (coverage) {
      recorded.include(engine.policySet());
      requests.forEach(r -> recorded.record(engine.policySet(), r));
    }
    for (int i = 0; i < requests.size(); i++) {
      TestFile.Case c = file.cases().get(i);
      List<String> diff = CaseCheck.diff(c.expect(), engine.evaluate(requests.get(i)));
      if (diff.isEmpty()) {
        passed++;
      } else {
        failed++;
        fail(file, c.name(), diff, out);
      }
    }
  }

  /** Prints a failure, or keeps it for the JSON report; {@code name} null for the whole file. */
  private void fail(TestFile file, String name, List<String> diff, PrintWriter out) {
    if (format == Format.json) {
      ObjectNode f = failures.addObject();
      f.put("file", file.file().toString());
      f.put("case", name);
      diff.forEach(f.putArray("diff")::add);
    } else if (name == null) {
      out.println("FAIL " + file.file() + ": " + diff.get(0));
    } else {
      out.println("FAIL " + file.file() + ": " + name);
      diff.forEach(line -> out.println("  " + line));
    }
  }

  private static List<Path> files(Path path) {
    if (Files.isDirectory(path)) {
      return walk(path);
    }
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    throw new BadInputException("no such file or directory `" + path + "`");
  }

  private static List<Path> walk(Path directory) {
    try (Stream<Path> entries = Files.walk(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".tests.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list `" + directory + "`: " + e.getMessage(), e);
    }
  }
}
