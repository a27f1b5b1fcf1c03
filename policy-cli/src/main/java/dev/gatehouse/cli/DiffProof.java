package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.analysis.PolicyProver;
import dev.gatehouse.analysis.ProofResult;
import dev.gatehouse.engine.CompiledPolicies;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gatehouse diff --prove}: equivalence of two policy sets, or one request that differs. */
final class DiffProof {

  private final CommandSpec spec;
  private final int budgetSeconds;

  DiffProof(CommandSpec spec, int budgetSeconds) {
    if (budgetSeconds < 0) {
      throw new BadInputException("`--budget` is a number of seconds, not " + budgetSeconds);
    }
    this.spec = spec;
    this.budgetSeconds = budgetSeconds;
  }

  int run(CompiledPolicies before, CompiledPolicies after, DiffCommand.Format format) {
    ProofResult r = PolicyProver.equivalence(before, after, Duration.ofSeconds(budgetSeconds));
    PrintWriter out = spec.commandLine().getOut();
    if (format == DiffCommand.Format.json) {
      out.println(Json.pretty(json(r)));
    } else {
      text(out, r);
    }
    out.flush();
    return r.verdict() == ProofResult.Verdict.PROVED ? ExitCode.OK : ExitCode.FAILED;
  }

  private static void text(PrintWriter out, ProofResult r) {
    switch (r.verdict()) {
      case PROVED -> out.println("equivalent: " + r.detail());
      case UNDECIDED -> out.println("undecided: " + r.detail());
      default -> {
        out.println("different: " + r.detail());
        out.println("request (for `gatehouse explain --request`):");
        out.println(Json.pretty(RequestJson.toJson(r.witness().orElseThrow())));
        out.println("old: " + DiffText.decision(r.before().orElseThrow()));
        out.println("new: " + DiffText.decision(r.after().orElseThrow()));
      }
    }
  }

  private static ObjectNode json(ProofResult r) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put(
        "verdict",
        switch (r.verdict()) {
          case PROVED -> "equivalent";
          case REFUTED -> "different";
          case UNDECIDED -> "undecided";
        });
    json.put("detail", r.detail());
    r.witness().ifPresent(w -> json.set("request", RequestJson.toJson(w)));
    r.before().ifPresent(d -> json.set("old", DecisionJson.toJson(d)));
    r.after().ifPresent(d -> json.set("new", DecisionJson.toJson(d)));
    return json;
  }
}
