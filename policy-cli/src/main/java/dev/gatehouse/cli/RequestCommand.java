package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.text.Utf8;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code eval} and {@code explain} share: the policies, the request, the evaluation. */
abstract class RequestCommand {

  private static final String EXIT_CODES_AND_EXAMPLE =
      "%nExit codes: 0 decided (whatever the effect), 1 invalid policies,%n"
          + "2 usage error or bad request file.%n%nExample:%n  gatehouse ";

  private static final String EXAMPLE_ARGUMENTS =
      " --policies examples/acme.policy \\%n"
          + "      --request examples/requests/payroll-from-home.json";

  /** The help footer of {@code eval}: its exit codes and an example. */
  static final String EVAL_FOOTER = EXIT_CODES_AND_EXAMPLE + "eval" + EXAMPLE_ARGUMENTS;

  /** The help footer of {@code explain}, the same as that of {@code eval} but for the name. */
  static final String EXPLAIN_FOOTER = EXIT_CODES_AND_EXAMPLE + "explain" + EXAMPLE_ARGUMENTS;

  @Spec CommandSpec spec;

  @Mixin PolicyOptions policies;

  @Option(
      names = {"-r", "--request"},
      paramLabel = "FILE",
      required = true,
      description = "the request JSON file, or - for standard input")
  String request;

  /**
   * Decides the request and prints the decision as JSON or, when {@code text}, the explanation.
   *
   * @return the exit code
   * @throws BadInputException if the request file is missing or bad
   */
  final int evaluate(boolean text) {
    PrintWriter out = spec.commandLine().getOut();
    String source = request.equals("-") ? "<stdin>" : request;
    // The request's JSON is checked before the policies are parsed, which on a large set takes
    // far longer; its fields need the set's schema, so they are checked after.
    JsonNode json = Json.parse(source, readRequest());
    Optional<PolicySet> set = policies.load(spec.commandLine().getErr());
    if (set.isEmpty()) {
      return ExitCode.FAILED;
    }
    AccessRequest accessRequest = new RequestReader(set.get().schema()).read(source, json);
    CompiledPolicies engine = PolicyEngine.compile(set.get());
    if (text) {
      out.print(engine.explain(accessRequest).text());
    } else {
      out.println(Json.pretty(DecisionJson.toJson(engine.evaluate(accessRequest))));
    }
    out.flush();
    return ExitCode.OK;
  }

  private String readRequest() {
    if (!request.equals("-")) {
      Path file = Path.of(request);
      if (Files.isDirectory(file)) {
        throw new BadInputException("`" + request + "` is a directory, not a request file");
      }
      if (!Files.isRegularFile(file)) {
        throw new BadInputException("no such request file `" + request + "`");
      }
      return PolicyFiles.read(file);
    }
    try {
      return Utf8.decode(System.in.readAllBytes());
    } catch (Utf8.MalformedException e) {
      throw new BadInputException("<stdin>: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }
}
