package dev.gatehouse.cli;

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
            + " error.",
    footer = {
      "",
      "Exit codes: 0 every case passed, 1 a case failed or the policies are invalid,",
      "2 usage error or bad test file.",
      "",
      "Example:",
      "  gatehouse test examples/acme.tests.json"
    })
final class TestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "test files or directories")
  List<Path> paths;

  @Option(
      names = {"-q", "--quiet"},
      description = "print no line about warnings in the policies (`check` lists them)")
  boolean quiet;

  private int passed;
  private int failed;
  private final Set<Diagnostic> warnings = new LinkedHashSet<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
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
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
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
      out.println("FAIL " + file.file() + ": the policies are invalid");
      failed += file.cases().size();
      return;
    }
    CompiledPolicies engine = compiled.get();
    RequestReader reader = new RequestReader(engine.schema());
    List<AccessRequest> requests = new ArrayList<>();
    for (TestFile.Case c : file.cases()) {
      requests.add(reader.read(c.where() + ": `request`", c.request()));
    }
    for (int i = 0; i < requests.size(); i++) {
      TestFile.Case c = file.cases().get(i);
      List<String> diff = CaseCheck.diff(c.expect(), engine.evaluate(requests.get(i)));
      if (diff.isEmpty()) {
        passed++;
      } else {
        failed++;
        out.println("FAIL " + file.file() + ": " + c.name());
        diff.forEach(line -> out.println("  " + line));
      }
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
