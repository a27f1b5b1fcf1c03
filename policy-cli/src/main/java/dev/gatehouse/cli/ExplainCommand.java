package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code gatehouse explain}: {@code eval --format text}. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate one request (JSON, see docs/cli.md) and explain the decision: the effect and"
            + " reasons, then each relevant policy with its conditions evaluated against the"
            + " request. The same as eval --format text.",
    footer = RequestCommand.EXPLAIN_FOOTER)
final class ExplainCommand extends RequestCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return evaluate(true);
  }
}
