package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.analysis.ImpactReport;
import dev.gatehouse.analysis.PolicyDiff;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.engine.CompiledPolicies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse diff}: what a policy change does to every user and every recorded event. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description =
        "Show what changing the policies from --old to --new does: the apps and roles each user"
            + " of the directory gains and loses, with the policies responsible, and each recorded"
            + " event whose decision changes, with the reasons on each side. The summary comes"
            + " first.",
    footer = {
      "",
      "Exit codes: 0 nothing changes (with --prove: proved equivalent), 1 something changes",
      "(or, with --prove, undecided; or the policies are invalid), 2 usage error or bad input.",
      "",
      "Example:",
      "  gatehouse diff --old examples/acme.policy --new changed.policy \\",
      "      --users examples/users.csv --events examples/sign-ins.jsonl",
      "  gatehouse diff --prove examples/acme.policy changed.policy"
    })
final class DiffCommand implements Callable<Integer> {

  /** How the report is printed. */
  enum Format {
    text,
    json,
    html
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--old",
      paramLabel = "PATH",
      arity = "1..*",
      description = "the policy files or directories in force")
  List<Path> old;

  @Option(
      names = "--new",
      paramLabel = "PATH",
      arity = "1..*",
      description = "the changed policy files or directories")
  List<Path> changed;

  @Option(
      names = "--prove",
      description =
          "prove with a solver that the two sets decide every"
              + " possible request alike, or print one request on which they differ")
  boolean prove;

  @Option(
      names = "--budget",
      paramLabel = "SECONDS",
      description =
          "the solver's time for"
              + " --prove; out of time, the answer is `undecided` (default: ${DEFAULT-VALUE})")
  int budget = 30;

  @Parameters(
      arity = "0..2",
      paramLabel = "OLD NEW",
      description = "with --prove: the old and the new policy file or directory")
  List<Path> sides = List.of();

  @Option(
      names = {"-u", "--users"},
      paramLabel = "FILE",
      description = "the directory: users as JSON lines or CSV (*.csv), as for `entitlements`")
  Path users;

  @Option(
      names = {"-e", "--events"},
      paramLabel = "FILE",
      description = "recorded events as JSON lines: requests, or sign-ins as for `report`")
  Path events;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "text, json or html (one self-contained page); default: ${DEFAULT-VALUE}")
  Format format = Format.text;

  @Override
  public Integer call() throws IOException {
    if (!sides.isEmpty()) {
      if (!prove || sides.size() != 2 || old != null || changed != null) {
        throw new BadInputException(
            "the old and the new policies come as `--old` and `--new`, or as two paths after"
                + " `--prove`");
      }
      old = List.of(sides.get(0));
      changed = List.of(sides.get(1));
    }
    if (old == null || changed == null) {
      throw new BadInputException("missing `--old` or `--new`");
    }
    if (prove) {
      if (users != null || events != null) {
        throw new BadInputException(
            "`--prove` considers every request; it reads no users or" + " events");
      }
    }
    checkFile(users, "users");
    checkFile(events, "events");
    PrintWriter err = spec.commandLine().getErr();
    Optional<CompiledPolicies> before = PolicyFiles.compile(old, err);
    Optional<CompiledPolicies> after = PolicyFiles.compile(changed, err);
    if (before.isEmpty() || after.isEmpty()) {
      return ExitCode.FAILED;
    }
    if (!before.get().schema().equals(after.get().schema())) {
      throw new BadInputException("the old and the new policies declare different schemas");
    }
    if (prove) {
      return new DiffProof(spec, budget).run(before.get(), after.get(), format);
    }
    PolicyDiff.Replay replay = PolicyDiff.between(before.get(), after.get()).replay();
    Map<String, ObjectNode> directory = new HashMap<>();
    if (users != null) {
      readUsers(before.get(), replay, directory);
    }
    if (events != null) {
      new DiffEvents(before.get().schema(), directory).replay(events, replay);
    }
    ImpactReport report = replay.report();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case json -> DiffJson.write(out, report);
      case html -> out.print(DiffHtml.page(report));
      default -> DiffText.write(out, report);
    }
    out.flush();
    return report.summary().changesSomething() ? ExitCode.FAILED : ExitCode.OK;
  }

  private void readUsers(
      CompiledPolicies engine, PolicyDiff.Replay replay, Map<String, ObjectNode> directory) {
    RequestReader reader = new RequestReader(engine.schema());
    for (UsersReader.User user :
        UsersReader.read(users.toString(), PolicyFiles.read(users), engine.schema())) {
      String where = users + ":" + user.line();
      if (!user.fields().has("id") || !user.fields().get("id").isTextual()) {
        throw new BadInputException(where + ": the user has no `id`");
      }
      ObjectNode request = Json.MAPPER.createObjectNode();
      request.set("user", user.fields());
      AccessRequest read = reader.read(where, request);
      directory.put(user.fields().get("id").textValue(), user.fields());
      replay.user(read);
    }
  }

  private static void checkFile(Path file, String what) {
    if (file != null && !Files.isRegularFile(file)) {
      throw new BadInputException("no such " + what + " file `" + file + "`");
    }
  }
}
