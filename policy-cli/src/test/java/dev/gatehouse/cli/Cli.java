package dev.gatehouse.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the real command line in-process and captures what it prints. */
final class Cli {

  /** The examples directory of the repository, as seen from the module directory. */
  static final Path EXAMPLES = Path.of("..", "examples");

  /** The example policy file. */
  static final String ACME = EXAMPLES.resolve("acme.policy").toString();

  private Cli() {}

  /** What a run printed and returned. */
  record Result(int code, String out, String err) {}

  /** Runs {@code gatehouse args...}. */
  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Returns the path of an example request file. */
  static String request(String name) {
    return EXAMPLES.resolve("requests").resolve(name).toString();
  }
}
