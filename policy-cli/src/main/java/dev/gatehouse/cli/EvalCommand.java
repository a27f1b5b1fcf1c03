package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse eval}: decides one request and prints the decision. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate one request (JSON, see docs/cli.md) against the policies and print the decision"
            + " as JSON (the default) or as a readable explanation.",
    footer = RequestCommand.EVAL_FOOTER)
final class EvalCommand extends RequestCommand implements Callable<Integer> {

  /** How the decision is printed. */
  enum Format {
    json,
    text
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "json or text (default: ${DEFAULT-VALUE})")
  Format format = Format.json;

  @Override
  public Integer call() {
    return evaluate(format == Format.text);
  }
}
