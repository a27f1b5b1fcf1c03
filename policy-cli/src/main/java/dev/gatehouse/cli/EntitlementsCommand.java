package dev.gatehouse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Entitlement;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse entitlements}: lists each user's apps and roles, for audits. */
@Command(
    name = "entitlements",
    mixinStandardHelpOptions = true,
    description =
        "List the apps and roles each user gets from the assign policies, with the granting"
            + " policies. Users come as JSON lines (each a request's `user` object) or as CSV (a"
            + " header of user fields; set fields such as roles separate elements with `;`), told"
            + " apart by the file name: *.csv is CSV.",
    footer = {
      "",
      "Exit codes: 0 listed, 1 invalid policies, 2 usage error or bad users file.",
      "",
      "Example:",
      "  gatehouse entitlements --policies examples/acme.policy \\",
      "      --users examples/users.csv"
    })
final class EntitlementsCommand implements Callable<Integer> {

  /** How the entitlements are printed. */
  enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Mixin PolicyOptions policies;

  @Option(
      names = {"-u", "--users"},
      paramLabel = "FILE",
      required = true,
      description = "users as JSON lines or CSV (*.csv)")
  Path users;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "table or json (JSON lines, one user a line; default: ${DEFAULT-VALUE})")
  Format format = Format.table;

  @Override
  public Integer call() throws JsonProcessingException {
    if (!Files.isRegularFile(users)) {
      throw new BadInputException("no such users file `" + users + "`");
    }
    String text = PolicyFiles.read(users);
    // The file's form (JSON, cells per row, no users) needs no policies: check it before parsing
    // them, which on a large set takes far longer. Types are checked once the schema is known.
    UsersReader.read(users.toString(), text, Schema.standard());
    Optional<PolicySet> set = policies.load(spec.commandLine().getErr());
    if (set.isEmpty()) {
      return ExitCode.FAILED;
    }
    Schema schema = set.get().schema();
    RequestReader reader = new RequestReader(schema);
    List<String> ids = new ArrayList<>();
    List<AccessRequest> requests = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    for (UsersReader.User user : UsersReader.read(users.toString(), text, schema)) {
      String where = users + ":" + user.line();
      ObjectNode request = Json.MAPPER.createObjectNode();
      request.set("user", user.fields());
      requests.add(reader.read(where, request));
      if (!user.fields().has("id")) {
        throw new BadInputException(where + ": the user has no `id`");
      }
      String id = user.fields().get("id").textValue();
      Integer first = lines.putIfAbsent(id, user.line());
      if (first != null) {
        // Two rows for one user would list one person's entitlements twice, or two people as one.
        throw new BadInputException(
            where + ": duplicate user id `" + id + "`, first on line " + first);
      }
      ids.add(id);
    }
    // The users file is read and checked before the policies are compiled, which on a large set
    // takes far longer: a bad line is reported at once.
    CompiledPolicies engine = PolicyEngine.compile(set.get());
    List<Set<Entitlement>> entitlements = engine.entitlements(requests);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      printJson(out, ids, entitlements);
    } else {
      printTable(out, ids, entitlements);
    }
    out.flush();
    return ExitCode.OK;
  }

  private static List<Entitlement> sorted(Set<Entitlement> entitlements) {
    List<Entitlement> list = new ArrayList<>(entitlements);
    list.sort(Comparator.comparing(Entitlement::app).thenComparing(Entitlement::role));
    return list;
  }

  private static void printJson(PrintWriter out, List<String> ids, List<Set<Entitlement>> all)
      throws JsonProcessingException {
    for (int i = 0; i < ids.size(); i++) {
      ObjectNode line = Json.MAPPER.createObjectNode();
      line.put("user", ids.get(i));
      ArrayNode list = line.putArray("entitlements");
      for (Entitlement e : sorted(all.get(i))) {
        ObjectNode item = list.addObject().put("app", e.app()).put("role", e.role());
        ArrayNode granted = item.putArray("policies");
        e.policies().forEach(granted::add);
      }
      out.println(Json.MAPPER.writeValueAsString(line));
    }
  }

  private static void printTable(PrintWriter out, List<String> ids, List<Set<Entitlement>> all) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"USER", "APP", "ROLE", "POLICIES"});
    for (int i = 0; i < ids.size(); i++) {
      if (all.get(i).isEmpty()) {
        rows.add(new String[] {ids.get(i), "-", "-", "-"});
      }
      for (Entitlement e : sorted(all.get(i))) {
        rows.add(new String[] {ids.get(i), e.app(), e.role(), String.join(", ", e.policies())});
      }
    }
    int[] widths = new int[3];
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        line.append(row[c]).append(" ".repeat(widths[c] - row[c].length() + 2));
      }
      out.println(line.append(row[3]));
    }
  }
}
