package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class EvalCommandTest {

  @TempDir Path dir;

  @Test
  void eval_challenge_printsTheWholeDecisionAsJson() {
    Cli.Result result =
        Cli.run("eval", "--policies", Cli.ACME, "--request", Cli.request("sysadmin-no-mfa.json"));

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out())
        .isEqualTo(
            String.join(
                "\n",
                "{",
                "  \"effect\": \"CHALLENGE\",",
                "  \"reasons\": [",
                "    {",
                "      \"code\": \"mfa_required\",",
                "      \"policy\": \"admins-strong\",",
                "      \"message\": \"requires one of `totp`, `webauthn` within 8h\"",
                "    }",
                "  ],",
                "  \"requirements\": [",
                "    {",
                "      \"policy\": \"admins-strong\",",
                "      \"factors\": [",
                "        \"totp\",",
                "        \"webauthn\"",
                "      ],",
                "      \"within\": \"8h\"",
                "    }",
                "  ],",
                "  \"roles\": [",
                "    \"user\"",
                "  ],",
                "  \"matched\": [",
                "    \"admins-strong\",",
                "    \"everyone-mail\"",
                "  ],",
                "  \"reportOnly\": []",
                "}",
                ""));
  }

  @Test
  void eval_deny_reportsEveryReasonAndReportOnlyOutcome() {
    Cli.Result result =
        Cli.run("eval", "-p", Cli.ACME, "-r", Cli.request("payroll-from-home.json"));

    assertThat(result.code()).isZero();
    assertThat(result.out())
        .contains(
            "\"effect\": \"DENY\"",
            "\"code\": \"not_assigned\",\n      \"policy\": null,",
            "\"code\": \"network_not_allowed\",\n      \"policy\": \"payroll-from-office\",");
  }

  @Test
  void eval_formatText_printsTheExplanation() {
    Cli.Result result =
        Cli.run("eval", "-p", Cli.ACME, "-r", Cli.request("tor-sign-in.json"), "-f", "text");

    assertThat(result.code()).isZero();
    assertThat(result.out()).startsWith("PERMIT\n  report-only block-tor would DENY\npolicies:\n");
  }

  @Test
  void eval_invalidPolicies_printsDiagnosticsAndExitsOne() throws IOException {
    Path policy = dir.resolve("bad.policy");
    Files.writeString(policy, "assign \"a\" {\n}\n");

    Cli.Result result =
        Cli.run("eval", "-p", policy.toString(), "-r", Cli.request("hr-reset-mfa.json"));

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error[").contains(policy + ":1:");
  }

  @Test
  void eval_missingRequestFile_exitsTwo() {
    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", dir.resolve("none.json").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: no such request file `" + dir.resolve("none.json") + "`\n");
  }

  @Test
  void eval_missingRequestOption_exitsTwo() {
    Cli.Result result = Cli.run("eval", "-p", Cli.ACME);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Missing required option: '--request=FILE'");
  }

  @Test
  void eval_unknownFormat_exitsTwo() {
    Cli.Result result =
        Cli.run("eval", "-p", Cli.ACME, "-r", Cli.request("tor-sign-in.json"), "-f", "yaml");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("Invalid value for option '--format'");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        arguments(
            "not JSON",
            "not json",
            "not JSON: unrecognized token `not`: was expecting (JSON String, Number, Array, Object"
                + " or token `null`, `true` or `false`) at line 1, column 1"),
        arguments(
            "truncated JSON",
            "{\"user\": {\"id\": \"u-1\"}",
            "not JSON: unexpected end-of-input: expected close marker for Object at line 2, column"
                + " 1"),
        arguments(
            "duplicate field",
            "{\"app\": \"a\", \"app\": \"b\"}",
            "not JSON: duplicate field `app` at line 1, column 19"),
        arguments("not an object", "[\"app\"]", "a request is a JSON object, not an array"),
        arguments(
            "unknown field",
            "{\"user\": {\"departmnet\": \"HR\"}}",
            "unknown field `user.departmnet`; did you mean `user.department`?"),
        arguments("unknown top field", "{\"acton\": \"signin\"}", "unknown field `acton`"),
        arguments(
            "wrong type",
            "{\"user\": {\"roles\": \"sysadmin\"}}",
            "field `user.roles`: wrong type: `user.roles` is a set<string> (a JSON array of"
                + " strings), not a string (got \"sysadmin\")"),
        arguments(
            "number as string",
            "{\"risk\": {\"score\": \"10\"}}",
            "field `risk.score`: wrong type: `risk.score` is an int 0..100 (a JSON integer), not a"
                + " string (got \"10\")"),
        arguments(
            "bool as string",
            "{\"device\": {\"managed\": \"yes\"}}",
            "field `device.managed`: wrong type: `device.managed` is a bool (true or false), not a"
                + " string (got \"yes\")"),
        arguments(
            "null value",
            "{\"user\": {\"id\": null}}",
            "field `user.id`: wrong type: `user.id` is a string (a JSON string), not null (got"
                + " null)"),
        arguments(
            "out of range",
            "{\"risk\": {\"score\": 200}}",
            "field `risk.score`: value 200 of `risk.score` is out of range: expected int 0..100"),
        arguments(
            "unknown level",
            "{\"risk\": {\"level\": \"extreme\"}}",
            "field `risk.level`: `extreme` is not a value of `risk.level`; expected one of none,"
                + " low, medium, high, critical"),
        arguments(
            "malformed IP",
            "{\"ip\": \"300.1.2.3\"}",
            "field `ip`: attribute `request.ip`: malformed IP address `300.1.2.3`: IPv4 segment too"
                + " large"),
        arguments(
            "malformed time",
            "{\"time\": \"yesterday\"}",
            "field `time`: malformed time `yesterday` for `request.time`: expected an ISO-8601"
                + " instant such as 2026-11-29T10:00:00Z"),
        arguments(
            "unknown factor",
            "{\"auth\": {\"methods\": [\"passwrd\"]}}",
            "field `auth.methods`: `passwrd` is not a value of `auth.methods`; did you mean"
                + " `password`?"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void eval_badRequest_printsOneLineNamingTheFieldAndExitsTwo(
      String problem, String json, String message) throws IOException {
    Path request = dir.resolve("request.json");
    Files.writeString(request, json + "\n");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).as(problem).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("error: " + request + ": " + message + "\n");
  }

  @Test
  void eval_emptyRequestFile_exitsTwo() throws IOException {
    Path request = dir.resolve("empty.json");
    Files.writeString(request, "");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: " + request + ": not JSON: the file is empty\n");
  }

  @Test
  void eval_requestFromStandardInput_isRead() throws IOException {
    InputStream stdin = System.in;
    try {
      System.setIn(Files.newInputStream(Path.of(Cli.request("hr-reset-mfa.json"))));

      Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", "-");

      assertThat(result.code()).isZero();
      assertThat(result.out()).startsWith("{\n  \"effect\": \"PERMIT\",\n");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void eval_badRequestFromStandardInput_namesStandardInput() {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("{\"ip\": 7}".getBytes(StandardCharsets.UTF_8)));

      Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", "-");

      assertThat(result.code()).isEqualTo(2);
      assertThat(result.err())
          .isEqualTo(
              "error: <stdin>: field `ip`: wrong type: `request.ip` is an ip (a JSON string), not a"
                  + " number (got 7)\n");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void eval_declaredSchemaAttribute_isAccepted() {
    Cli.Result result =
        Cli.run("eval", "-p", Cli.ACME, "-r", Cli.request("finance-books-office.json"));

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("\"effect\": \"PERMIT\"", "\"accountant\"");
  }

  @Test
  void eval_oneAttributeUnderTwoSpellings_exitsTwoNamingBoth() throws IOException {
    Path request = dir.resolve("request.json");
    Files.writeString(
        request,
        "{\"user\": {\"department\": \"Sales\"}, \"user.department\": \"Payroll\","
            + " \"ip\": \"203.0.113.9\", \"request.ip\": \"10.0.0.1\"}");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + request
                + ": fields `department` in `user` and `user.department` both give"
                + " `user.department`; keep one\n"
                + "error: "
                + request
                + ": fields `ip` and `request.ip` both give `request.ip`; keep one\n");
  }

  @Test
  void eval_requestWithTwoMistakes_reportsBoth() throws IOException {
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"user\": {\"departmnet\": \"Sales\"}, \"ip\": \"300.1.2.3\"}");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: "
                + request
                + ": unknown field `user.departmnet`; did you mean `user.department`?\n"
                + "error: "
                + request
                + ": field `ip`: ")
        .hasLineCount(2);
  }

  @Test
  void eval_factorInCapitals_suggestsTheFactor() throws IOException {
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"auth\": {\"methods\": [\"TOTP\"]}}");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .contains("`TOTP` is not a value of `auth.methods`; did you mean `totp`?");
  }

  @Test
  void eval_directoryAsRequest_saysItIsADirectory() {
    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", dir.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("error: `" + dir + "` is a directory, not a request file\n");
  }

  @Test
  void eval_policiesWithWarnings_printsOneLineOrNothingWhenQuiet() throws IOException {
    Path policy = dir.resolve("wiki.policy");
    Files.writeString(policy, "assign \"all-wiki\" {\n  app \"wiki\" role \"reader\"\n}\n");
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"app\": \"wiki\", \"action\": \"access\"}");
    assertThat(Cli.run("check", policy.toString()).err()).contains("warning[");

    Cli.Result result = Cli.run("eval", "-p", policy.toString(), "-r", request.toString());
    Cli.Result quiet = Cli.run("eval", "-q", "-p", policy.toString(), "-r", request.toString());

    assertThat(result.code()).isZero();
    assertThat(result.err())
        .matches("warning: [0-9]+ warnings? in the policies: run `gatehouse check` for details\n");
    assertThat(quiet.err()).isEmpty();
    assertThat(quiet.out()).isEqualTo(result.out());
  }

  @Test
  void eval_malformedRequestAndInvalidPolicies_reportsTheRequestFirst() throws IOException {
    Path policy = dir.resolve("bad.policy");
    Files.writeString(policy, "assign \"a\" {\n  app \"mail\" role\n}\n");
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"app\": ");

    Cli.Result result = Cli.run("eval", "-p", policy.toString(), "-r", request.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).startsWith("error: " + request + ": not JSON: ").hasLineCount(1);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "2026-11-29T11:00:00Z",
        "+292278994-08-17T07:12:55.807Z",
        "-292275055-05-16T16:47:04.192Z"
      })
  void eval_authTimeInTheFutureOrAtTheEnds_challenges(String authTime) throws IOException {
    Path request = dir.resolve("request.json");
    Files.writeString(
        request,
        Files.readString(Path.of(Cli.request("sysadmin-no-mfa.json")))
            .replace(
                "[\"password\"], \"time\": \"2026-11-29T09:58:00Z\"",
                "[\"password\", \"webauthn\"], \"time\": \"" + authTime + "\""));

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.out()).contains("\"effect\": \"CHALLENGE\"");
  }

  @Test
  void eval_actionThatIsNoName_exitsTwoNamingIt() throws IOException {
    Path request = dir.resolve("request.json");
    Files.writeString(request, "{\"action\": \"ACCESS\"}\n");

    Cli.Result result = Cli.run("eval", "-p", Cli.ACME, "-r", request.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: "
                + request
                + ": field `action`: `ACCESS` is not"
                + " an action: expected `signin`, `access` or a dotted lowercase admin action such as"
                + " `user.create`\n");
  }
}
