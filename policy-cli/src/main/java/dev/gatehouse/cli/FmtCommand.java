package dev.gatehouse.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.gatehouse.dsl.PolicyFormatter;
import dev.gatehouse.dsl.PolicySyntaxException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse fmt}: rewrites policy files in the canonical layout, or checks that they are.
 */
@Command(
    name = "fmt",
    mixinStandardHelpOptions = true,
    // Worded so that no line breaks inside `*.policy`, here or in the list of `gatehouse --help`.
    description =
        "Format policy files (a directory stands for the *.policy files directly in it) in place"
            + " in the canonical layout, or with --check list the files that are not formatted and"
            + " change nothing.",
    footer = {
      "",
      "Exit codes: 0 formatted (or, with --check, already formatted), 1 a file is not",
      "formatted (--check) or has a syntax error, 2 usage error or unreadable path.",
      "",
      "Examples:",
      "  gatehouse fmt policies/",
      "  gatehouse fmt --check examples/acme.policy",
      "  gatehouse fmt --check --diff policies/"
    })
final class FmtCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--check",
      description = "list the files that are not formatted instead of rewriting them")
  boolean check;

  @Option(
      names = "--diff",
      description = "with --check, also print what formatting would change, as a unified diff")
  boolean diff;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "policy files or directories")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (diff && !check) {
      throw new BadInputException("`--diff` needs `--check`: without it, fmt rewrites the files");
    }
    int exit = ExitCode.OK;
    List<Path> files = PolicyFiles.expand(paths);
    if (!check) {
      // Refuse before rewriting any file, not halfway through a directory.
      files.forEach(file -> OutputFiles.checkWritable("policy file", file));
    }
    for (Path file : files) {
      String text = PolicyFiles.read(file);
      String formatted;
      try {
        formatted = PolicyFormatter.format(file.toString(), text);
      } catch (PolicySyntaxException e) {
        err.print(e.getMessage());
        exit = ExitCode.FAILED;
        continue;
      }
      if (formatted.equals(text)) {
        continue;
      }
      if (check) {
        out.println(file);
        if (diff) {
          out.print(unifiedDiff(file.toString(), text, formatted));
        }
        exit = ExitCode.FAILED;
      } else {
        OutputFiles.write(file, formatted);
        out.println("formatted " + file);
      }
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** Returns the unified diff from {@code text} to {@code formatted}, three lines of context. */
  static String unifiedDiff(String name, String text, String formatted) {
    List<String> before = text.lines().toList();
    List<String> after = formatted.lines().toList();
    Patch<String> patch = DiffUtils.diff(before, after);
    StringBuilder sb = new StringBuilder();
    UnifiedDiffUtils.generateUnifiedDiff(name, name + " (formatted)", before, patch, 3)
        .forEach(line -> sb.append(line).append('\n'));
    return sb.toString();
  }
}
