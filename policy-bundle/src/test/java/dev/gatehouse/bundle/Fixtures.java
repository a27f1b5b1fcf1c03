package dev.gatehouse.bundle;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Schema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Keys, policies and bundles shared by the tests. */
final class Fixtures {

  static final KeyPair KEY = BundleKeys.generate();
  static final KeyPair OTHER_KEY = BundleKeys.generate();
  static final TrustedKeys TRUSTED = TrustedKeys.of(List.of(KEY.getPublic()));
  static final Instant CREATED = Instant.parse("2026-12-02T00:00:00Z");
  static final AccessRequest MAIL =
      AccessRequest.builder(Schema.standard())
          .set("user.id", "u-1")
          .set("app", "mail")
          .set("request.action", "access")
          .set("request.ip", "203.0.113.9")
          .set("request.time", CREATED)
          .build();

  private Fixtures() {}

  /** Policies of revision {@code n}: two files, each giving the mail user a role named after n. */
  static Map<String, String> policies(long n) {
    return Map.of(
        "a.policy", "assign \"a-" + n + "\" {\n  app \"mail\" role \"r" + n + "\"\n}\n",
        "b.policy", "assign \"b-" + n + "\" {\n  app \"mail\" role \"s" + n + "\"\n}\n");
  }

  /** Returns the bundle of revision {@code n}, signed with {@code key}. */
  static byte[] bundle(long n, KeyPair key) {
    BundleBuilder builder =
        Bundle.builder().revision(n).createdAt(CREATED).sign(BundleKeys.SigningKey.of(key));
    policies(n).forEach(builder::file);
    return builder.build();
  }

  /** Returns the bundle of revision {@code n}, signed with the trusted key. */
  static byte[] bundle(long n) {
    return bundle(n, KEY);
  }

  /** Returns the revision a decision was made by, from its roles; -1 if they disagree. */
  static long revisionOf(Decision decision) {
    List<String> roles = decision.roles();
    if (roles.size() != 2) {
      return -1;
    }
    String r = roles.get(0).substring(1);
    String s = roles.get(1).substring(1);
    return roles.get(0).startsWith("r") && roles.get(1).startsWith("s") && r.equals(s)
        ? Long.parseLong(r)
        : -1;
  }

  /** Writes a zip of the given entries, in order, as a forger would. */
  static byte[] zip(List<Map.Entry<String, byte[]>> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Returns the entries of {@code bundle}, manifest and signature first. */
  static List<Map.Entry<String, byte[]>> entries(byte[] bundle) {
    dev.gatehouse.bundle.internal.Archive.Contents contents =
        dev.gatehouse.bundle.internal.Archive.read(bundle);
    java.util.List<Map.Entry<String, byte[]>> entries = new java.util.ArrayList<>();
    entries.add(Map.entry("gatehouse.manifest", contents.manifest()));
    if (contents.signature() != null) {
      entries.add(Map.entry("gatehouse.sig", contents.signature()));
    }
    contents.files().forEach((name, content) -> entries.add(Map.entry(name, content)));
    return entries;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
