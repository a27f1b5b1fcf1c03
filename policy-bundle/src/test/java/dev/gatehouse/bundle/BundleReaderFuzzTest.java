package dev.gatehouse.bundle;

import static dev.gatehouse.bundle.Fixtures.TRUSTED;
import static dev.gatehouse.bundle.Fixtures.bundle;
import static dev.gatehouse.bundle.Fixtures.entries;
import static dev.gatehouse.bundle.Fixtures.utf8;
import static dev.gatehouse.bundle.Fixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.bundle.internal.Archive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the bundle reader broken and hostile archives: each must be refused with a {@link
 * BundleException}, never accepted with other content nor failing another way.
 */
final class BundleReaderFuzzTest {

  private static final byte[] GOOD = bundle(5);
  private static final Map<String, String> GOOD_FILES = Bundle.read(GOOD, TRUSTED).files();

  /** Reads {@code bytes}; true if refused, false if accepted with exactly the signed files. */
  private static boolean refused(byte[] bytes) {
    Bundle bundle;
    try {
      bundle = Bundle.read(bytes, TRUSTED);
    } catch (BundleException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      return true;
    }
    assertThat(bundle.files()).isEqualTo(GOOD_FILES);
    assertThat(bundle.revision()).isEqualTo(5);
    return false;
  }

  @Test
  void read_everyTruncation_isRefused() {
    for (int length = 0; length < GOOD.length; length++) {
      byte[] truncated = Arrays.copyOf(GOOD, length);
      // Cutting the central directory alone leaves every entry readable and verified.
      if (!refused(truncated)) {
        assertThat(length).as("accepted truncation").isGreaterThanOrEqualTo(centralDirectory(GOOD));
      }
    }
  }

  @Test
  void read_everySingleByteFlip_isRefusedOrReadsTheSignedFiles() {
    int refused = 0;
    for (int i = 0; i < GOOD.length; i++) {
      byte[] flipped = GOOD.clone();
      flipped[i] ^= 0x01;
      refused += refused(flipped) ? 1 : 0;
    }
    // Names, sizes, CRCs and content are all checked; entry times and flags are not signed, and
    // a flip there leaves the signed files as they were, which refused() asserts.
    assertThat(refused).isGreaterThan(centralDirectory(GOOD) * 3 / 4);
  }

  @Test
  void read_randomBytesAndRandomFlips_areRefused() {
    Random random = new Random(20);
    for (int round = 0; round < 100; round++) {
      byte[] noise = new byte[random.nextInt(2000)];
      random.nextBytes(noise);
      if (round % 2 == 0 && noise.length >= 4) {
        noise[0] = 'P';
        noise[1] = 'K';
        noise[2] = 3;
        noise[3] = 4;
      }
      assertThat(refused(noise)).isTrue();
      byte[] mangled = GOOD.clone();
      for (int k = 0; k < 1 + random.nextInt(8); k++) {
        mangled[random.nextInt(mangled.length)] = (byte) random.nextInt(256);
      }
      refused(mangled);
    }
  }

  @Test
  void read_oversizedArchive_isRefusedBeforeReading() {
    byte[] huge = Arrays.copyOf(GOOD, Archive.MAX_BUNDLE_BYTES + 1);

    assertThatThrownBy(() -> Bundle.read(huge, TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            "the bundle is "
                + huge.length
                + " bytes, more than the "
                + Archive.MAX_BUNDLE_BYTES
                + " allowed");
  }

  @Test
  void read_entryInflatingPastTheLimit_isRefused() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(GOOD));
    entries.add(Map.entry("bomb.policy", new byte[Archive.MAX_ENTRY_BYTES + 1]));
    byte[] bomb = zip(entries);

    assertThat(bomb.length).isLessThan(Archive.MAX_ENTRY_BYTES / 100);
    assertThatThrownBy(() -> Bundle.read(bomb, TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith("the entry `bomb.policy` inflates past the");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x.policy",
        "/etc/x.policy",
        "dir/x.policy",
        "..\\x.policy",
        "C:x.policy",
        ".hidden.policy",
        "x.policy/",
        "inner.zip",
        "x.policy\u0000.txt",
        "x.bundle",
        "a..policy",
        "\u00e9.policy"
      })
  void read_unsafeEntryName_isRefused(String name) {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(GOOD));
    entries.add(Map.entry(name, utf8("assign \"x\" {\n  app \"mail\" role \"x\"\n}\n")));

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("not a flat `*.policy` file name");
  }

  @Test
  void read_duplicateName_isRefused() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(GOOD));
    entries.add(entries.get(2));
    byte[] duplicated = forceDuplicates(entries);

    assertThatThrownBy(() -> Bundle.read(duplicated, TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the bundle holds `a.policy` twice");
  }

  @Test
  void read_duplicateManifest_isRefused() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(GOOD));
    entries.add(Map.entry("gatehouse.manifest", entries.get(0).getValue()));

    assertThatThrownBy(() -> Bundle.read(forceDuplicates(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the bundle holds `gatehouse.manifest` twice");
  }

  @Test
  void read_nestedArchiveAsPolicyFile_isRefused() {
    byte[] inner = GOOD;
    byte[] outer =
        Bundle.builder()
            .revision(6)
            .sign(BundleKeys.SigningKey.of(Fixtures.KEY))
            .file("a.policy", new String(inner, java.nio.charset.StandardCharsets.ISO_8859_1))
            .build();

    assertThatThrownBy(() -> Bundle.read(outer, TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("`a.policy` is not text: it holds a NUL byte");
  }

  @Test
  void read_bundleInsideBundle_isRefused() {
    List<Map.Entry<String, byte[]>> entries = new ArrayList<>(entries(GOOD));
    entries.add(Map.entry("inner.bundle", GOOD));

    assertThatThrownBy(() -> Bundle.read(zip(entries), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("the bundle holds `inner.bundle`, which is not a flat `*.policy` file name");
  }

  @Test
  void read_notAZip_isRefused() {
    assertThatThrownBy(() -> Bundle.read(utf8("assign \"x\" {}"), TRUSTED))
        .isInstanceOf(BundleException.class)
        .hasMessage("not a bundle: it does not start with a zip entry");
  }

  @Test
  void read_manifestWithCrLf_isRefused() {
    List<Map.Entry<String, byte[]>> entries =
        new ArrayList<>(entries(Bundle.builder().revision(1).file("a.policy", "# a\n").build()));
    String manifest =
        new String(entries.get(0).getValue(), java.nio.charset.StandardCharsets.UTF_8);
    entries.set(0, Map.entry("gatehouse.manifest", utf8(manifest.replace("\n", "\r\n"))));

    assertThatThrownBy(() -> Bundle.readUnverified(zip(entries)))
        .isInstanceOf(BundleException.class)
        .hasMessage("the manifest does not start with `gatehouse-bundle 1`");
  }

  /** Returns the offset of the central directory: the first central header signature. */
  private static int centralDirectory(byte[] zip) {
    for (int i = 0; i + 3 < zip.length; i++) {
      if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
        return i;
      }
    }
    throw new AssertionError("no central directory");
  }

  /** Writes entries with repeated names, which ZipOutputStream refuses, by renaming afterwards. */
  private static byte[] forceDuplicates(List<Map.Entry<String, byte[]>> entries) {
    List<Map.Entry<String, byte[]>> renamed = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : entries) {
      String name = entry.getKey();
      // Same length, so the bytes can be patched back to the repeated name below.
      String written = seen.contains(name) ? "~" + name.substring(1) : name;
      renamed.add(Map.entry(written, entry.getValue()));
      seen.add(name);
    }
    byte[] bytes = zip(renamed);
    for (Map.Entry<String, byte[]> entry : entries) {
      String name = entry.getKey();
      byte[] from = utf8("~" + name.substring(1));
      byte[] to = utf8(name);
      for (int i = 0; i + from.length <= bytes.length; i++) {
        if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
          System.arraycopy(to, 0, bytes, i, to.length);
        }
      }
    }
    return bytes;
  }
}
