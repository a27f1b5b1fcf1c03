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
      "Exit codes: 0 nothing changes, 1 something changes (or the policies are invalid),",
      "2 usage error or bad input file.",
      "",
      "Example:",
      "  gatehouse diff --old examples/acme.policy --new changed.policy \\",
      "      --users examples/users.csv --events examples/sign-ins.jsonl"
    })
final class DiffCommand implements Callable<Integer> {

  /** How the report is printed. */
  enum Format {
    text,
    json,
    html
  }

  @Spec CommandSpec spec;

  @Option(names = "--old", paramLabel = "PATH", arity = "1..*", required = true,
      description = "the policy files or directories in force")
  List<Path> old;

  @Option(names = "--new", paramLabel = "PATH", arity = "1..*", required = true,
      description = "the changed policy files or directories")
  List<Path> changed;

  @Option(names = {"-u", "--users"}, paramLabel = "FILE",
      description = "the directory: users as JSON lines or CSV (*.csv), as for `entitlements`")
  Path users;

  @Option(names = {"-e", "--events"}, paramLabel = "FILE",
      description = "recorded events as JSON lines: requests, or sign-ins as for `report`")
  Path events;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "text, json or html (one self-contained page); default: ${DEFAULT-VALUE}")
  Format format = Format.text;

  @Override
  public Integer call() throws IOException {
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

  private void readUsers(CompiledPolicies engine, PolicyDiff.Replay replay,
      Map<String, ObjectNode> directory) {
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
