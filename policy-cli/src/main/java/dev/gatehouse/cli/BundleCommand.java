package dev.gatehouse.cli;

import dev.gatehouse.api.Schema;
import dev.gatehouse.bundle.Bundle;
import dev.gatehouse.bundle.BundleException;
import dev.gatehouse.bundle.BundleKeys;
import dev.gatehouse.bundle.TrustedKeys;
import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.dsl.PolicyDsl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse bundle}: builds, signs, verifies and shows policy bundles. */
@Command(
    name = "bundle",
    mixinStandardHelpOptions = true,
    description = "Build, verify and inspect signed policy bundles, and create signing keys.",
    subcommands = {
      BundleCommand.Build.class,
      BundleCommand.Verify.class,
      BundleCommand.Inspect.class,
      BundleCommand.Keygen.class
    },
    footer = {
      "",
      "Examples:",
      "  gatehouse bundle keygen -o keys/signing",
      "  gatehouse bundle build policies/ -o policies.bundle --revision 42 --sign keys/signing.key",
      "  gatehouse bundle verify policies.bundle --key keys/signing.pub"
    })
final class BundleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("error: missing subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }

  /** {@code gatehouse bundle build}: checks a directory of policies and writes its bundle. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description =
          "Check the *.policy files directly in DIR as one policy set and write them,"
              + " with a manifest and a signature, as a bundle.",
      footer = {"", "Exit codes: 0 written, 1 the policies are invalid, 2 usage error."})
  static final class Build implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the directory of policy files")
    Path directory;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description = "the bundle to write")
    Path output;

    @Option(
        names = "--revision",
        required = true,
        paramLabel = "R",
        description = "the revision, a whole number greater than the one nodes run now")
    long revision;

    @Option(
        names = "--sign",
        paramLabel = "KEY",
        description = "the private key to sign with, from `gatehouse bundle keygen`")
    Path key;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (revision < 1) {
        throw new BadInputException("revision must be at least 1, not " + revision);
      }
      if (!Files.isDirectory(directory)) {
        throw new BadInputException("`" + directory + "` is not a directory");
      }
      OutputFiles.checkWritable("`--output`", output);
      ParseResult result = PolicyFiles.parse(List.of(directory));
      if (!result.diagnostics().isEmpty()) {
        err.print(result.render());
        err.flush();
      }
      if (result.hasErrors()) {
        err.println("error: no bundle written: the policies are invalid");
        return ExitCode.FAILED;
      }
      var builder = Bundle.builder().revision(revision).schema(Schema.standard());
      try {
        builder.directory(directory);
        if (key != null) {
          builder.sign(BundleKeys.readPrivate(read(key)));
        }
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      byte[] bytes = builder.build();
      write(output, bytes);
      Bundle written = Bundle.readUnverified(bytes);
      out.println(
          "wrote `"
              + output
              + "`: revision "
              + revision
              + ", "
              + files(written)
              + ", "
              + written.keyId().map(id -> "signed by `" + id + "`").orElse("not signed"));
      if (key == null) {
        err.println("warning: the bundle is not signed; nodes refuse unsigned bundles");
      }
      return ExitCode.OK;
    }
  }

  /** {@code gatehouse bundle verify}: checks a bundle as a node would before running it. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check a bundle as a node does before running it: its signature by one of the"
              + " trusted keys, each file against the manifest, and the policies themselves.",
      footer = {"", "Exit codes: 0 the bundle would run, 1 it would be refused, 2 usage error."})
  static final class Verify implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "the bundle")
    Path bundle;

    @Option(
        names = "--key",
        required = true,
        arity = "1..*",
        paramLabel = "PUB",
        description = "trusted public keys, or directories of *.pub files")
    List<Path> keys;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      TrustedKeys trusted;
      try {
        trusted = TrustedKeys.load(keys);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      Bundle read;
      try {
        read = Bundle.read(BundleFiles.bytes(bundle), trusted);
      } catch (BundleException e) {
        err.println("error: `" + bundle + "` is refused: " + e.getMessage());
        return ExitCode.FAILED;
      }
      if (!read.builtFor(Schema.standard())) {
        err.println("error: `" + bundle + "` is refused: it was built for another schema");
        return ExitCode.FAILED;
      }
      ParseResult result = PolicyDsl.parse(read.files());
      if (result.hasErrors()) {
        err.print(result.render());
        err.println("error: `" + bundle + "` is refused: its policies are invalid");
        return ExitCode.FAILED;
      }
      out.println(
          "ok: revision "
              + read.revision()
              + ", "
              + files(read)
              + ", signed by `"
              + read.keyId().orElseThrow()
              + "`");
      return ExitCode.OK;
    }
  }

  /** {@code gatehouse bundle inspect}: shows the manifest of a bundle. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description =
          "Show the manifest of a bundle: revision, creation time, key id, schema and"
              + " file digests. The files are checked against the manifest; the signature is not.",
      footer = {"", "Exit codes: 0 shown, 2 the bundle is malformed or unreadable."})
  static final class Inspect implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "the bundle")
    Path bundle;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Bundle read = BundleFiles.read(bundle);
      out.println("revision    " + read.revision());
      out.println("created-at  " + read.createdAt());
      out.println("key-id      " + read.keyId().orElse("(not signed)"));
      out.println(
          "schema      "
              + read.schemaDigest()
              + (read.builtFor(Schema.standard()) ? " (standard)" : " (not the standard schema)"));
      read.fileDigests()
          .forEach((name, digest) -> out.println("file        " + digest + "  " + name));
      return ExitCode.OK;
    }
  }

  /** {@code gatehouse bundle keygen}: creates an Ed25519 signing key pair. */
  @Command(
      name = "keygen",
      mixinStandardHelpOptions = true,
      description =
          "Create an Ed25519 key pair: PREFIX.key (private, PKCS#8 PEM, readable by its"
              + " owner only) signs bundles, PREFIX.pub (public) is what nodes trust.",
      footer = {"", "Exit codes: 0 written, 2 a file exists already or cannot be written."})
  static final class Keygen implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "PREFIX",
        description = "where to write, without the .key and .pub endings")
    Path prefix;

    @Override
    public Integer call() {
      Path privateFile = Path.of(prefix + ".key");
      Path publicFile = Path.of(prefix + ".pub");
      // Both checked before either is written, so that a failure leaves no half of a pair.
      for (Path file : List.of(privateFile, publicFile)) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new BadInputException("`" + file + "` exists already");
        }
        OutputFiles.checkWritable("`--output`", file);
      }
      KeyPair pair = BundleKeys.generate();
      createPrivate(privateFile, BundleKeys.privatePem(pair));
      try {
        Files.writeString(
            publicFile,
            BundleKeys.publicPem(pair.getPublic()),
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        throw new BadInputException("`" + publicFile + "` exists already");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write `" + publicFile + "`: " + e.getMessage(), e);
      }
      spec.commandLine()
          .getOut()
          .println(
              "key id `"
                  + BundleKeys.keyId(pair.getPublic())
                  + "`: wrote `"
                  + privateFile
                  + "` and `"
                  + publicFile
                  + "`");
      return ExitCode.OK;
    }

    private static void createPrivate(Path file, String pem) {
      try {
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
          // Not a POSIX file system: the directory's own protection applies.
          Files.createFile(file);
        }
        Files.writeString(file, pem, StandardCharsets.UTF_8);
      } catch (FileAlreadyExistsException e) {
        throw new BadInputException("`" + file + "` exists already");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write `" + file + "`: " + e.getMessage(), e);
      }
    }
  }

  private static String files(Bundle bundle) {
    int n = bundle.files().size();
    return n + (n == 1 ? " file" : " files");
  }

  private static String read(Path file) {
    return PolicyFiles.read(file);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Path temporary = Files.createTempFile(parent, ".bundle", ".tmp");
      Files.write(temporary, bytes);
      // Renamed into place, so a node reading the file never sees half a bundle.
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write `" + file + "`: " + e.getMessage(), e);
    }
  }
}
