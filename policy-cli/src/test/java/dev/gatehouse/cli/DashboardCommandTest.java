package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class DashboardCommandTest {

  @TempDir Path dir;

  private static String start(String admin, Server[] server) throws Exception {
    return start(Cli.EXAMPLES.resolve("sign-ins.jsonl"), admin, server);
  }

  private static String start(Path events, String admin, Server[] server) throws Exception {
    DashboardCommand command = new DashboardCommand();
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.parseArgs(
        "--events",
        events.toString(),
        "--users",
        Cli.EXAMPLES.resolve("users.jsonl").toString(),
        "--policies",
        Cli.ACME,
        Cli.EXAMPLES.resolve("dashboard/admins.policy").toString(),
        "--as",
        admin,
        "--port",
        "0");
    server[0] = command.start().orElseThrow();
    Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    return m.group();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void dashboard_exampleData_servesTheSummaryToADelegatedSysadmin() throws Exception {
    Server[] server = new Server[1];
    try {
      String base = start("u-1", server);
      HttpResponse<String> r = get(base + "api/summary");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode summary = Json.parse("summary", r.body());
      assertThat(summary.at("/headline/attempts").asInt()).isEqualTo(10);
      assertThat(get(base).body()).contains("assets/dashboard.js");
    } finally {
      server[0].stop();
    }
  }

  @Test
  void dashboard_decisionLog_servesDecisionsAsAttemptsWithMaskedValuesMasked() throws Exception {
    Path log = DecisionLogs.write(dir.resolve("decisions.jsonl"), "user.id");
    Server[] server = new Server[1];
    try {
      String base = start(log, "u-1", server);
      HttpResponse<String> r = get(base + "api/summary");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode summary = Json.parse("summary", r.body());
      assertThat(summary.at("/headline/attempts").asInt()).isEqualTo(4);
      assertThat(summary.at("/headline/denials").asInt()).isEqualTo(1);
      assertThat(summary.at("/headline/challenges").asInt()).isEqualTo(1);
      assertThat(summary.at("/headline/users").asInt()).isEqualTo(1);
      assertThat(r.body()).doesNotContain("u-2").doesNotContain("198.51.100.99");
    } finally {
      server[0].stop();
    }
  }

  @Test
  void dashboard_undelegatedUser_gets403() throws Exception {
    Server[] server = new Server[1];
    try {
      String base = start("u-2", server);
      assertThat(get(base + "api/summary").statusCode()).isEqualTo(403);
    } finally {
      server[0].stop();
    }
  }
}
