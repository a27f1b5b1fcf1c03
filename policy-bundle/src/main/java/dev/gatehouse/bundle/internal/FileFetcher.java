package dev.gatehouse.bundle.internal;

import dev.gatehouse.bundle.BundleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a bundle file. The file is read whole every time: a bundle is small, and comparing
 * modification times would miss a file replaced within their resolution.
 */
public final class FileFetcher implements Fetcher {

  private final Path file;

  /** Creates a fetcher of {@code file}. */
  public FileFetcher(Path file) {
    this.file = file;
  }

  @Override
  public Optional<byte[]> fetch() throws IOException {
    try {
      if (Files.size(file) > Archive.MAX_BUNDLE_BYTES) {
        throw new BundleException("the bundle is more than " + Archive.MAX_BUNDLE_BYTES + " bytes");
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new IOException("no bundle file " + describe(), e);
    }
  }

  @Override
  public void accepted() {}

  @Override
  public String describe() {
    return "`" + file + "`";
  }
}
