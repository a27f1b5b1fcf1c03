package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class DiffCommandTest {

  @TempDir Path dir;

  private static final String USERS = Cli.EXAMPLES.resolve("users.csv").toString();
  private static final String SIGN_INS = Cli.EXAMPLES.resolve("sign-ins.jsonl").toString();

  @Test
  void diff_samePolicies_saysNoChangeAndExitsZero() {
    Cli.Result result =
        Cli.run(
            "diff", "--old", Cli.ACME, "--new", Cli.ACME, "--users", USERS, "--events", SIGN_INS);

    assertThat(result.code()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("no change: 5 users and 10 events decided alike\n");
  }

  @Test
  void diff_torBlockEnforced_listsChangedSignInsAfterTheSummaryAndExitsOne() throws IOException {
    Path changed = edited("\"block-tor\" report-only", "\"block-tor\"");

    Cli.Result result =
        Cli.run(
            "diff",
            "--old",
            Cli.ACME,
            "--new",
            changed.toString(),
            "--users",
            USERS,
            "--events",
            SIGN_INS);

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .startsWith(
            "5 users: 0 gain, 0 lose (0 entitlements gained, 0 lost); 10 events: 4 change\n"
                + "  4  CHALLENGE → DENY\n\nevents:\n  "
                + SIGN_INS
                + ":5  u-4  CHALLENGE → DENY\n");
    assertThat(result.out()).contains("blocked [block-tor]: access is blocked by this policy");
  }

  @Test
  void diff_removedAssignAsJson_namesTheLostEntitlementAndItsPolicy() throws IOException {
    Path changed = edited("assign \"everyone-mail\"", "assign \"everyone-mail\" report-only");

    Cli.Result result =
        Cli.run(
            "diff",
            "--old",
            Cli.ACME,
            "--new",
            changed.toString(),
            "--users",
            USERS,
            "--format",
            "json");

    assertThat(result.code()).isEqualTo(1);
    JsonNode json = Json.parse("out", result.out());
    assertThat(json.at("/summary/usersLosing").asInt()).isEqualTo(4);
    assertThat(json.at("/summary/changed").asBoolean()).isTrue();
    assertThat(json.at("/users/0/user").asText()).isEqualTo("u-1");
    assertThat(json.at("/users/0/lost/0").toString())
        .isEqualTo("{\"app\":\"mail\",\"role\":\"user\",\"policies\":[\"everyone-mail\"]}");
    assertThat(json.at("/events").size()).isZero();
  }

  @Test
  void diff_requestEvents_replaysEachWithItsLabel() throws IOException {
    Path changed = edited("203.0.113.0/24", "203.0.113.0/25");
    Path events = dir.resolve("events.jsonl");
    String request =
        Files.readString(Path.of(Cli.request("finance-books-office.json")))
            .replace("\n", " ")
            .replaceFirst("\\{", "{\"event\": \"books-at-office\", ");
    Files.writeString(events, request.replace("203.0.113.9", "203.0.113.200") + "\n");

    Cli.Result result =
        Cli.run(
            "diff",
            "--old",
            Cli.ACME,
            "--new",
            changed.toString(),
            "--events",
            events.toString(),
            "--format",
            "json");

    assertThat(result.err()).isEmpty();
    JsonNode json = Json.parse("out", result.out());
    assertThat(json.at("/events/0/event").asText()).isEqualTo("books-at-office");
    assertThat(json.at("/events/0/change").asText()).isEqualTo("PERMIT → DENY");
    assertThat(json.at("/events/0/after/reasons/0/code").asText()).isEqualTo("network_not_allowed");
  }

  @Test
  void diff_html_isOnePageWithEveryValueEscaped() throws IOException {
    Path changed = edited("assign \"everyone-mail\" {", "assign \"everyone-mail\" report-only {");
    Path users = dir.resolve("users.jsonl");
    Files.writeString(users, "{\"id\": \"<script>x</script>\", \"employment\": \"employee\"}\n");

    Cli.Result result =
        Cli.run(
            "diff",
            "--old",
            Cli.ACME,
            "--new",
            changed.toString(),
            "--users",
            users.toString(),
            "--format",
            "html");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.out())
        .startsWith("<!DOCTYPE html>")
        .contains("&lt;script&gt;x")
        .doesNotContain("<script>")
        .doesNotContain("http");
  }

  @Test
  void diff_badEventLine_namesTheLineAndExitsTwo() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "\n{\"user\": \"u-1\", \"colour\": \"red\"}\n");

    Cli.Result result =
        Cli.run("diff", "--old", Cli.ACME, "--new", Cli.ACME, "--events", events.toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: " + events + ":2: unknown field `colour` of a recorded sign-in\n");
  }

  @Test
  void diff_missingUsersFile_exitsTwo() {
    Cli.Result result =
        Cli.run(
            "diff",
            "--old",
            Cli.ACME,
            "--new",
            Cli.ACME,
            "--users",
            dir.resolve("nobody.csv").toString());

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: no such users file `" + dir.resolve("nobody.csv") + "`\n");
  }

  @Test
  void diffProve_sameRules_saysEquivalentAndExitsZero() {
    Cli.Result result = Cli.run("diff", "--prove", Cli.ACME, Cli.ACME);

    assertThat(result.code()).isZero();
    assertThat(result.out()).isEqualTo("equivalent: the policies decide every request alike\n");
  }

  @Test
  void diffProve_narrowedNetwork_printsARequestThatEvalDecidesDifferently() throws IOException {
    Path changed = edited("203.0.113.0/24", "203.0.113.0/25");

    Cli.Result result = Cli.run("diff", "--prove", Cli.ACME, changed.toString(), "-f", "json");

    assertThat(result.code()).isEqualTo(1);
    JsonNode json = Json.parse("out", result.out());
    assertThat(json.get("verdict").asText()).isEqualTo("different");
    Path request = dir.resolve("witness.json");
    Files.writeString(request, json.get("request").toString());
    Cli.Result old = Cli.run("eval", "-p", Cli.ACME, "--request", request.toString());
    Cli.Result now = Cli.run("eval", "-p", changed.toString(), "--request", request.toString());
    assertThat(Json.parse("old", old.out()).get("effect")).isEqualTo(json.at("/old/effect"));
    assertThat(Json.parse("new", now.out()).get("effect")).isEqualTo(json.at("/new/effect"));
    assertThat(json.at("/old/effect").asText()).isNotEqualTo(json.at("/new/effect").asText());
  }

  @Test
  void diffProve_withUsers_isAUsageError() {
    Cli.Result result = Cli.run("diff", "--prove", Cli.ACME, Cli.ACME, "--users", USERS);

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: `--prove` considers every request; it reads no users or events\n");
  }

  private Path edited(String from, String to) throws IOException {
    String text = Files.readString(Path.of(Cli.ACME));
    assertThat(text).contains(from);
    Path file = dir.resolve("new.policy");
    Files.writeString(file, text.replace(from, to));
    return file;
  }
}
