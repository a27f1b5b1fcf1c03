package dev.gatehouse.bundle.internal;

import dev.gatehouse.bundle.BundleException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * The zip archive of a bundle: the manifest, the signature when signed, and the policy files, all
 * flat. Reading is bounded and strict: sizes and counts are capped before anything is inflated, and
 * every name, duplicate, directory or unexpected entry is a refusal.
 */
public final class Archive {

  /** The largest bundle read, compressed. */
  public static final int MAX_BUNDLE_BYTES = 8 << 20;

  /** The largest entry read, inflated; a policy source is capped at 4 Mi characters anyway. */
  public static final int MAX_ENTRY_BYTES = 4 << 20;

  /** The most bytes inflated from one bundle, so a small archive cannot inflate without end. */
  public static final int MAX_TOTAL_BYTES = 16 << 20;

  private static final int MAX_ENTRIES = 1002;

  // A fixed entry time makes the same content give the same bytes, whenever it is built.
  private static final long ENTRY_TIME = 315_532_800_000L + 86_400_000L;

  private Archive() {}

  /** The entries of a bundle, as read. */
  public record Contents(byte[] manifest, byte @Nullable [] signature, Map<String, byte[]> files) {}

  /** Writes the archive of a bundle. */
  public static byte[] write(
      byte[] manifest, byte @Nullable [] signature, Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, Names.MANIFEST, manifest);
      if (signature != null) {
        put(zip, Names.SIGNATURE, signature);
      }
      for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
        put(zip, file.getKey(), file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a bundle in memory", e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  /**
   * Reads the archive of a bundle.
   *
   * @throws BundleException if it is not a bundle archive or breaks a limit
   */
  public static Contents read(byte[] archive) {
    if (archive.length > MAX_BUNDLE_BYTES) {
      throw new BundleException(
          "the bundle is "
              + archive.length
              + " bytes, more than the "
              + MAX_BUNDLE_BYTES
              + " allowed");
    }
    if (archive.length < 4
        || archive[0] != 'P'
        || archive[1] != 'K'
        || archive[2] != 3
        || archive[3] != 4) {
      throw new BundleException("not a bundle: it does not start with a zip entry");
    }
    byte[] manifest = null;
    byte[] signature = null;
    Map<String, byte[]> files = new TreeMap<>();
    int entries = 0;
    long total = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw new BundleException("the bundle has more than " + MAX_ENTRIES + " entries");
        }
        String name = entry.getName();
        byte[] content = content(zip, name, MAX_TOTAL_BYTES - total);
        total += content.length;
        if (name.equals(Names.MANIFEST)) {
          manifest = once(manifest, name, content);
        } else if (name.equals(Names.SIGNATURE)) {
          signature = once(signature, name, content);
        } else if (!Names.isPolicyFile(name)) {
          throw new BundleException(
              "the bundle holds "
                  + Names.quote(name)
                  + ", which is not a flat `*.policy` file name");
        } else if (files.put(name, content) != null) {
          throw new BundleException("the bundle holds " + Names.quote(name) + " twice");
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // ZipInputStream reports truncation, bad CRCs, bad headers and bad names this way.
      throw new BundleException("the bundle is not a readable zip archive: " + e.getMessage(), e);
    }
    if (manifest == null) {
      throw new BundleException("the bundle has no `" + Names.MANIFEST + "`");
    }
    return new Contents(manifest, signature, Collections.unmodifiableMap(files));
  }

  private static byte[] once(byte @Nullable [] seen, String name, byte[] content) {
    if (seen != null) {
      throw new BundleException("the bundle holds `" + name + "` twice");
    }
    return content;
  }

  private static byte[] content(ZipInputStream zip, String name, long left) throws IOException {
    long limit = Math.min(MAX_ENTRY_BYTES, left);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
      if (out.size() + (long) n > limit) {
        throw new BundleException(
            "the entry " + Names.quote(name) + " inflates past the " + limit + " bytes allowed");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
