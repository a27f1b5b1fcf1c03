package dev.gatehouse.cli;

import dev.gatehouse.api.text.Printable;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gatehouse} command: checks, evaluates, tests, formats policies and lists entitlements.
 *
 * <pre>{@code
 * gatehouse eval --policies examples/acme.policy --request examples/requests/payroll-from-home.json
 * }</pre>
 *
 * <p>Exit codes: 0 when the command succeeded, 1 when the policies are invalid, a test failed or a
 * file is not formatted, 2 for a usage error or a bad input file.
 */
@Command(
    name = "gatehouse",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Check, evaluate, test and format Gatehouse access policies.",
    footer = {
      "",
      "Exit codes: 0 ok, 1 invalid policies, failed tests or unformatted files,",
      "2 usage error or bad input file.",
      "",
      "Example:",
      "  gatehouse eval --policies examples/acme.policy \\",
      "      --request examples/requests/payroll-from-home.json"
    })
public final class Main implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Main() {}

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int code = run(args, out, err);
    out.flush();
    System.exit(code);
  }

  /**
   * Runs the command with the given arguments and output streams, without exiting.
   *
   * @param args the command line arguments
   * @param out where results go
   * @param err where errors and diagnostics go
   * @return the exit code: 0 ok, 1 invalid or failed, 2 usage error or bad input
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    CommandLine cli = commandLine(args);
    cli.setOut(outWriter);
    cli.setErr(errWriter);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          // Messages quote names and values from input files: escaped, a newline or an ESC in
          // them cannot break the line or drive the terminal.
          if (e instanceof BadInputException bad) {
            bad.lines()
                .forEach(line -> errWriter.println("error: " + Printable.escape(line, 2000)));
            return ExitCode.USAGE;
          }
          if (e instanceof UncheckedIOException) {
            errWriter.println("error: " + Printable.escape(String.valueOf(e.getMessage()), 2000));
            return ExitCode.USAGE;
          }
          // Never a stack trace for the user: one line, and a failure exit code.
          errWriter.println("error: internal error: " + Printable.escape(e.toString(), 2000));
          return ExitCode.FAILED;
        });
    int code = cli.execute(args);
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /**
   * Returns the command line with its subcommands. When the first argument names one, only that one
   * is registered: building the model of a subcommand reflects over its class, and a command that
   * runs once should not pay for the others.
   */
  private static CommandLine commandLine(String[] args) {
    Map<String, Supplier<Object>> subcommands = new LinkedHashMap<>();
    subcommands.put("check", CheckCommand::new);
    subcommands.put("eval", EvalCommand::new);
    subcommands.put("explain", ExplainCommand::new);
    subcommands.put("test", TestCommand::new);
    subcommands.put("fmt", FmtCommand::new);
    subcommands.put("entitlements", EntitlementsCommand::new);
    subcommands.put("report", ReportCommand::new);
    subcommands.put("bundle", BundleCommand::new);
    subcommands.put("dashboard", DashboardCommand::new);
    subcommands.put("diff", DiffCommand::new);
    String first = args.length == 0 ? "" : args[0];
    boolean one = subcommands.containsKey(first);
    CommandLine cli = new CommandLine(new Main());
    subcommands.forEach(
        (name, command) -> {
          if (!one || name.equals(first)) {
            cli.addSubcommand(name, command.get());
          }
        });
    if (!one) {
      cli.addSubcommand("help", new CommandLine.HelpCommand());
    }
    return cli;
  }

  /** Without a subcommand: shows the usage and fails as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: missing subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** Reads the version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"gatehouse " + (version == null ? "(development build)" : version)};
    }
  }
}
