package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BundleCommandTest {

  @TempDir Path dir;
  private Path policies;
  private Path bundle;
  private String keyId;

  @BeforeEach
  void keysAndPolicies() throws Exception {
    policies = Files.createDirectory(dir.resolve("policies"));
    Files.copy(Path.of(Cli.ACME), policies.resolve("acme.policy"));
    bundle = dir.resolve("acme.bundle");
    Cli.Result keygen = Cli.run("bundle", "keygen", "-o", dir.resolve("signing").toString());
    assertThat(keygen.code()).as(keygen.err()).isZero();
    keyId = keygen.out().substring("key id `".length(), keygen.out().indexOf("`:"));
  }

  private Cli.Result build(String revision) {
    return Cli.run(
        "bundle",
        "build",
        policies.toString(),
        "-o",
        bundle.toString(),
        "--revision",
        revision,
        "--sign",
        dir.resolve("signing.key").toString());
  }

  @Test
  void keygen_writesPrivateKeyReadableByOwnerOnly() throws Exception {
    assertThat(keyId).matches("ed25519-[0-9a-f]{16}");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("signing.key"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("signing.pub"))).contains("BEGIN PUBLIC KEY");

    Cli.Result again = Cli.run("bundle", "keygen", "-o", dir.resolve("signing").toString());
    assertThat(again.code()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err())
        .isEqualTo("error: `" + dir.resolve("signing.key") + "` exists already\n");
  }

  @Test
  void build_outputInMissingDirectory_exitsTwoWithOneLine() {
    Path output = dir.resolve("nonexistent").resolve("acme.bundle");

    Cli.Result result =
        Cli.run("bundle", "build", policies.toString(), "-o", output.toString(), "--revision", "1");

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: cannot write `--output` `"
                + output
                + "`: no such directory `"
                + output.toAbsolutePath().getParent()
                + "`\n");
  }

  @Test
  void keygen_outputInMissingDirectory_exitsTwoWithOneLine() {
    Path prefix = dir.resolve("nonexistent").resolve("k");

    Cli.Result result = Cli.run("bundle", "keygen", "-o", prefix.toString());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "error: cannot write `--output` `"
                + prefix
                + ".key`: no such directory `"
                + prefix.toAbsolutePath().getParent()
                + "`\n");
  }

  @Test
  void keygen_publicKeyExists_writesNeitherFile() throws Exception {
    Files.writeString(dir.resolve("half.pub"), "kept\n");

    Cli.Result result = Cli.run("bundle", "keygen", "-o", dir.resolve("half").toString());

    assertThat(result.code()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).isEqualTo("error: `" + dir.resolve("half.pub") + "` exists already\n");
    assertThat(dir.resolve("half.key")).doesNotExist();
    assertThat(Files.readString(dir.resolve("half.pub"))).isEqualTo("kept\n");
  }

  @Test
  void buildThenVerify_trustedKey_passes() {
    Cli.Result built = build("42");
    Cli.Result verified =
        Cli.run(
            "bundle", "verify", bundle.toString(), "--key", dir.resolve("signing.pub").toString());

    assertThat(built.code()).as(built.err()).isZero();
    assertThat(built.out())
        .isEqualTo("wrote `" + bundle + "`: revision 42, 1 file, signed by `" + keyId + "`\n");
    assertThat(verified.code()).as(verified.err()).isZero();
    assertThat(verified.out()).isEqualTo("ok: revision 42, 1 file, signed by `" + keyId + "`\n");
  }

  @Test
  void verify_otherKey_refuses() {
    build("1");
    Cli.run("bundle", "keygen", "-o", dir.resolve("other").toString());

    Cli.Result verified =
        Cli.run(
            "bundle", "verify", bundle.toString(), "--key", dir.resolve("other.pub").toString());

    assertThat(verified.code()).isEqualTo(ExitCode.FAILED);
    assertThat(verified.err())
        .isEqualTo(
            "error: `"
                + bundle
                + "` is refused: the bundle is"
                + " signed by `"
                + keyId
                + "`, which is not a trusted key\n");
  }

  @Test
  void build_invalidPolicies_writesNothing() throws Exception {
    Files.writeString(policies.resolve("bad.policy"), "assign \"x\" {\n  app \"a\" rol \"r\"\n}\n");

    Cli.Result built = build("1");

    assertThat(built.code()).isEqualTo(ExitCode.FAILED);
    assertThat(built.err())
        .contains("bad.policy:2:11")
        .endsWith("error: no bundle written: the policies are invalid\n");
    assertThat(bundle).doesNotExist();
  }

  @Test
  void inspect_showsTheManifest() {
    build("7");

    Cli.Result shown = Cli.run("bundle", "inspect", bundle.toString());

    assertThat(shown.code()).isZero();
    assertThat(shown.out())
        .startsWith("revision    7\ncreated-at  ")
        .contains("key-id      " + keyId + "\n")
        .containsPattern("schema      [0-9a-f]{64} \\(standard\\)\n")
        .containsPattern("file        [0-9a-f]{64}  acme.policy\n");
  }

  @Test
  void evalAndCheck_bundleInPlaceOfPolicyFiles_decideAsTheFilesDo() {
    build("3");
    String request = Cli.request("finance-books-office.json");

    Cli.Result fromFiles = Cli.run("eval", "--policies", Cli.ACME, "--request", request);
    Cli.Result fromBundle = Cli.run("eval", "--policies", bundle.toString(), "--request", request);
    Cli.Result checked = Cli.run("check", bundle.toString());

    assertThat(fromBundle.code()).as(fromBundle.err()).isZero();
    assertThat(fromBundle.out()).isEqualTo(fromFiles.out());
    assertThat(checked.code()).as(checked.err()).isZero();
  }

  @Test
  void check_malformedBundle_isBadInput() throws Exception {
    Files.write(bundle, new byte[] {'P', 'K', 3, 4, 1, 2, 3});

    Cli.Result checked = Cli.run("check", bundle.toString());

    assertThat(checked.code()).isEqualTo(ExitCode.USAGE);
    assertThat(checked.err())
        .startsWith("error: `" + bundle + "`: the bundle has no `gatehouse.manifest`");
  }
}
