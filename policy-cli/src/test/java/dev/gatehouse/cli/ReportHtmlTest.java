package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportHtmlTest {

  private static final String EVENTS = Cli.EXAMPLES.resolve("sign-ins.jsonl").toString();

  @TempDir Path dir;

  private static JsonNode data(String html) {
    Matcher m =
        Pattern.compile(
                "<script type=\"application/json\" id=\"gatehouse-data\">(.*?)" + "</script>",
                Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).isTrue();
    return Json.parse("report.html", m.group(1));
  }

  @Test
  void reportHtml_exampleEvents_writesOneSelfContainedFileWithEveryView() throws IOException {
    Path html = dir.resolve("report.html");

    Cli.Result result = Cli.run("report", "--events", EVENTS, "--html", html.toString());

    assertThat(result.code()).isZero();
    String page = Files.readString(html);
    // Nothing to fetch: no external script, style or image, and no request to a server.
    assertThat(page)
        .doesNotContainPattern("(src|href)=\"(https?:)?//")
        .doesNotContain("assets/dashboard")
        .contains("<style>")
        .contains("<script>");
    JsonNode data = data(page);
    assertThat(data.at("/summary/headline/attempts").asInt()).isEqualTo(10);
    assertThat(data.at("/summary/headline/failures").asInt()).isEqualTo(4);
    assertThat(data.at("/summary/topFailingAddresses/0/key").asText()).isEqualTo("192.0.2.66");
    assertThat(data.get("events")).hasSize(10);
  }

  @Test
  void reportHtml_withPolicies_countsWhatReportOnlyPoliciesWouldHaveDone() throws IOException {
    Path html = dir.resolve("report.html");

    Cli.Result result =
        Cli.run("report", "--events", EVENTS, "--html", html.toString(), "--policies", Cli.ACME);

    assertThat(result.code()).isZero();
    JsonNode data = data(Files.readString(html));
    assertThat(data.at("/summary/reportOnly/0/policy").asText()).isEqualTo("block-tor");
    assertThat(data.at("/summary/reportOnly/0/denied").asInt()).isEqualTo(4);
    assertThat(data.at("/policies/policies")).hasSize(7);
  }

  @Test
  void reportHtml_valueWithScriptEnd_cannotCloseTheDataScript() throws IOException {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(
        events,
        "{\"user\": \"</script><script>alert(1)</script>\", \"time\":"
            + " \"2026-11-28T08:02:11Z\", \"ip\": \"203.0.113.9\", \"outcome\": \"success\"}\n");
    Path html = dir.resolve("report.html");

    assertThat(Cli.run("report", "--events", events.toString(), "--html", html.toString()).code())
        .isZero();
    String page = Files.readString(html);
    assertThat(page).doesNotContain("</script><script>alert");
    assertThat(data(page).at("/events/0/user").asText())
        .isEqualTo("</script><script>alert(1)</script>");
  }
}
