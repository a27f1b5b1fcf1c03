package dev.gatehouse.cli;

/** The exit codes of every subcommand. */
final class ExitCode {

  /** The command did what was asked: the policies are valid, the tests passed. */
  static final int OK = 0;

  /** The policies are invalid, a test failed, or files are not formatted. */
  static final int FAILED = 1;

  /** The command line or an input file (request, test file, users) is wrong. */
  static final int USAGE = 2;

  private ExitCode() {}
}
