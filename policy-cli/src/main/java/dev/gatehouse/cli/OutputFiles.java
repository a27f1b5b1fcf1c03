package dev.gatehouse.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a command writes: each is checked before the command starts its work, so that a bad
 * path costs one line and exit 2 rather than the work done and an internal error after it.
 */
final class OutputFiles {

  private OutputFiles() {}

  /**
   * Checks that {@code file} can be written: it is not a directory, its directory exists, and the
   * file (or, for a new file, the directory) is writable.
   *
   * @param what how the user named the file, such as {@code --svg}
   * @throws BadInputException naming the file and what is wrong with it
   */
  static void checkWritable(String what, Path file) {
    String cannot = "cannot write " + what + " `" + file + "`: ";
    if (Files.isDirectory(file)) {
      throw new BadInputException(cannot + "it is a directory");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new BadInputException(cannot + "no such directory `" + parent + "`");
    }
    if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
      throw new BadInputException(cannot + "permission denied");
    }
  }

  /**
   * Writes {@code text} to {@code file} as UTF-8.
   *
   * @throws UncheckedIOException if it cannot, with a one-line message
   */
  static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write `" + file + "`: " + e.getMessage(), e);
    }
  }
}
