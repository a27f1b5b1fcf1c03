package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EntitlementsCommandTest {

  @TempDir Path dir;

  @Test
  void entitlements_csv_printsTable() {
    Cli.Result result =
        Cli.run(
            "entitlements",
            "-p",
            Cli.ACME,
            "--users",
            Cli.EXAMPLES.resolve("users.csv").toString());

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(
            "USER  APP    ROLE        POLICIES\n"
                + "u-1   mail   user        everyone-mail\n"
                + "u-2   books  accountant  finance-books\n"
                + "u-2   mail   user        everyone-mail\n"
                + "u-3   books  accountant  finance-books\n"
                + "u-3   mail   user        everyone-mail\n"
                + "u-4   -      -           -\n"
                + "u-5   mail   user        everyone-mail\n");
  }

  @Test
  void entitlements_jsonLines_printsJsonLines() {
    Cli.Result result =
        Cli.run(
            "entitlements",
            "-p",
            Cli.ACME,
            "-u",
            Cli.EXAMPLES.resolve("users.jsonl").toString(),
            "--format",
            "json");

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "{\"user\":\"u-1\",\"entitlements\":[{\"app\":\"mail\",\"role\":\"user\","
                + "\"policies\":[\"everyone-mail\"]}]}\n"
                + "{\"user\":\"u-2\",\"entitlements\":[{\"app\":\"books\",\"role\":\"accountant\","
                + "\"policies\":[\"finance-books\"]},{\"app\":\"mail\",\"role\":\"user\","
                + "\"policies\":[\"everyone-mail\"]}]}\n"
                + "{\"user\":\"u-4\",\"entitlements\":[]}\n");
  }

  @Test
  void entitlements_csvWithQuotesAndDeclaredInt_readsThem() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "id,department,country,clearance\n\"u-9\",\"Finance\",BE,3\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("u-9   books  accountant  finance-books\n");
  }

  @Test
  void entitlements_unknownColumn_exitsTwoNamingLine() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "id,departmnet\nu-1,Finance\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + users
                + ":2: unknown field `user.departmnet`; did you mean"
                + " `user.department`?\n");
  }

  @Test
  void entitlements_csvRowOfWrongWidth_exitsTwo() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "id,department\nu-1,Finance,FR\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: " + users + ":2: 3 cells, but the header names 2 fields\n");
  }

  @Test
  void entitlements_userWithoutId_exitsTwo() throws IOException {
    Path users = dir.resolve("users.jsonl");
    Files.writeString(users, "{\"id\": \"u-1\"}\n\n{\"department\": \"Finance\"}\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: " + users + ":3: the user has no `id`\n");
  }

  @Test
  void entitlements_badJsonLine_exitsTwo() throws IOException {
    Path users = dir.resolve("users.jsonl");
    Files.writeString(users, "{\"id\": \"u-1\"\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: " + users + ":1: not JSON: ");
  }

  @Test
  void entitlements_invalidPolicies_exitsOne() throws IOException {
    Path policy = dir.resolve("bad.policy");
    Files.writeString(policy, "assign {\n");

    Cli.Result result =
        Cli.run(
            "entitlements",
            "-p",
            policy.toString(),
            "-u",
            Cli.EXAMPLES.resolve("users.csv").toString());

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).startsWith("error[");
  }

  @Test
  void entitlements_emptyUsersFile_exitsTwo() throws IOException {
    Path users = dir.resolve("users.jsonl");
    Files.writeString(users, "\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("error: " + users + ": no users in the file\n");
  }

  @Test
  void entitlements_jsonLinesInCsvFile_exitsTwoNamingTheLine() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "{\"id\": \"u-1\"}\n{\"id\": \"u-2\"}\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + users
                + ":1: the header is a JSON object: a `*.csv` file is read as CSV; name a JSON"
                + " lines file `*.jsonl`\n");
  }

  @Test
  void entitlements_duplicateUserId_exitsTwoNamingBothLines() throws IOException {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "id,department\nu-1,Finance\nu-2,Sales\nu-1,Sales\n");

    Cli.Result result = Cli.run("entitlements", "-p", Cli.ACME, "-u", users.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: " + users + ":4: duplicate user id `u-1`, first on line 2\n");
  }

  @Test
  void entitlements_csvNineteenDigitInt_isReadAsTheJsonReaderReadsIt() throws IOException {
    Path csv = dir.resolve("users.csv");
    Files.writeString(csv, "id,clearance\nu-1,1000000000000000000\n");
    Path jsonl = dir.resolve("users.jsonl");
    Files.writeString(jsonl, "{\"id\": \"u-1\", \"clearance\": 1000000000000000000}\n");

    Cli.Result fromCsv = Cli.run("entitlements", "-p", Cli.ACME, "-u", csv.toString());
    Cli.Result fromJson = Cli.run("entitlements", "-p", Cli.ACME, "-u", jsonl.toString());

    assertThat(fromCsv.err()).isEmpty();
    assertThat(fromCsv.code()).isZero();
    assertThat(fromCsv.out()).isEqualTo(fromJson.out()).contains("u-1");
  }

  @Test
  void entitlements_badUsersFileAndInvalidPolicies_reportsTheUsersFileFirst() throws IOException {
    Path policy = dir.resolve("bad.policy");
    Files.writeString(policy, "assign \"a\" {\n  app \"mail\" role\n}\n");
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "id,department\nu-1,Finance,extra\n");

    Cli.Result result = Cli.run("entitlements", "-p", policy.toString(), "-u", users.toString());

    // The cheap input is read before the policies, which may take long to parse on a large set.
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: " + users + ":2: 3 cells, but the header names 2 fields\n");
  }
}
