package dev.gatehouse.cli;

import dev.gatehouse.bundle.Bundle;
import dev.gatehouse.bundle.BundleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a policy bundle named where policy files are accepted. Its files are checked against its
 * manifest but its signature is not: the command line tests and shows policies, it does not run
 * them on a node; {@code gatehouse bundle verify} checks the signature.
 */
final class BundleFiles {

  private BundleFiles() {}

  /** Returns whether {@code path} names a bundle rather than a policy file. */
  static boolean isBundle(Path path) {
    return path.getFileName() != null && path.getFileName().toString().endsWith(".bundle");
  }

  /**
   * Returns the policy files of a bundle, each named {@code BUNDLE/FILE} for diagnostics.
   *
   * @throws BadInputException if the bundle is malformed
   */
  static Map<String, String> sources(Path bundle) {
    Map<String, String> sources = new LinkedHashMap<>();
    read(bundle).files().forEach((name, text) -> sources.put(bundle + "/" + name, text));
    return sources;
  }

  /**
   * Reads a bundle, checking its files but not its signature.
   *
   * @throws BadInputException if it is malformed
   */
  static Bundle read(Path bundle) {
    try {
      return Bundle.readUnverified(bytes(bundle));
    } catch (BundleException e) {
      throw new BadInputException("`" + bundle + "`: " + e.getMessage());
    }
  }

  /**
   * Reads the bytes of a file.
   *
   * @throws UncheckedIOException if it cannot be read, with a one-line message
   */
  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read `" + file + "`: " + e.getMessage(), e);
    }
  }
}
