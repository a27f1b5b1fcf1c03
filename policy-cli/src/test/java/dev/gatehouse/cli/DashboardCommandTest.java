package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class DashboardCommandTest {

  private static String start(String admin, Server[] server) throws Exception {
    DashboardCommand command = new DashboardCommand();
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.parseArgs(
        "--events",
        Cli.EXAMPLES.resolve("sign-ins.jsonl").toString(),
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
