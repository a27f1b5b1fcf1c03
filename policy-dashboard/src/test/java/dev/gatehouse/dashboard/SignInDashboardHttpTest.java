package dev.gatehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SignInDashboardHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Fixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = Fixture.start(2_000, 200);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static HttpResponse<String> get(String path, String admin) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fixture.base + path)).timeout(Duration.ofSeconds(20));
    if (admin != null) {
      b.header(Fixture.ADMIN, admin);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> whatIf(String admin, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fixture.base + "api/whatif"))
            .timeout(Duration.ofSeconds(20))
            .header(Fixture.ADMIN, admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header(SignInDashboard.CSRF_HEADER, token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void summary_auditor_matchesTheReportOfTheSameEvents() throws Exception {
    HttpResponse<String> r = get("api/summary", "auditor-1");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode s = JSON.readTree(r.body());
    SignInReport report =
        SignInReport.of(
            fixture.events, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(s.at("/headline/attempts").asLong()).isEqualTo(report.total());
    assertThat(s.at("/headline/failures").asLong())
        .isEqualTo(report.byOutcome().get(SignInEvent.Outcome.FAILED_CREDENTIALS));
    assertThat(s.at("/headline/users").asLong()).isEqualTo(report.byUser().size());
    assertThat(s.at("/topFailingUsers/0/failures").asLong())
        .isEqualTo(report.topFailingUsers(1).get(0).count());
    assertThat(s.at("/topFailingAddresses/0/key").asText())
        .isEqualTo(report.topFailingAddresses(1).get(0).key());
    long timelineTotal = 0;
    for (JsonNode series : s.at("/timeline/series")) {
      for (JsonNode n : series) {
        timelineTotal += n.asLong();
      }
    }
    assertThat(timelineTotal).isEqualTo(report.total());
    assertThat(s.at("/byCountry/0/count").asLong())
        .isEqualTo(
            report.byCountry().values().stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  void summary_reportOnlyPolicies_countTheSignInsTheyWouldHaveRefused() throws Exception {
    JsonNode s = JSON.readTree(get("api/summary", "auditor-1").body());
    long fromBlockedRange =
        fixture.events.stream().filter(e -> e.ip().toString().startsWith("192.0.2.")).count();
    JsonNode tor = null;
    for (JsonNode p : s.get("reportOnly")) {
      if (p.get("policy").asText().equals("block-tor")) {
        tor = p;
      }
    }
    assertThat(tor).isNotNull();
    assertThat(tor.get("denied").asLong()).isEqualTo(fromBlockedRange);
  }

  @Test
  void events_filteredByOutcomeAndCidr_pageThroughTheMatchesNewestFirst() throws Exception {
    String q = "api/events?outcome=failed_credentials&ip=198.51.100.0/24&limit=7&offset=7";
    JsonNode page = JSON.readTree(get(q, "auditor-1").body());
    long expected =
        fixture.events.stream()
            .filter(
                e ->
                    e.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS
                        && e.ip().toString().startsWith("198.51.100."))
            .count();
    assertThat(page.get("total").asLong()).isEqualTo(expected);
    assertThat(page.get("events")).hasSize(7);
    Instant previous = Instant.MAX;
    for (JsonNode e : page.get("events")) {
      assertThat(e.get("outcome").asText()).isEqualTo("failed_credentials");
      assertThat(e.get("ip").asText()).startsWith("198.51.100.");
      Instant t = Instant.parse(e.get("time").asText());
      assertThat(t).isBeforeOrEqualTo(previous);
      previous = t;
    }
  }

  @Test
  void events_pageLargerThanTheBound_isRefusedAsBadRequest() throws Exception {
    HttpResponse<String> r = get("api/events?limit=100000", "auditor-1");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
  }

  @Test
  void anyView_withoutASignedInAdmin_is401ProblemJson() throws Exception {
    HttpResponse<String> r = get("api/summary", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("unauthenticated");
  }

  @Test
  void anyView_authTimeAfterTheYear9999_isRefusedAsTheFilterRefusesIt() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(fixture.base + "api/summary"))
            .timeout(Duration.ofSeconds(20))
            .header(Fixture.ADMIN, "auditor-1")
            .header(Fixture.AUTH_TIME, "1000000000000000")
            .build();

    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("unauthenticated");
    assertThat(r.body()).doesNotContain("1000000000000000");
  }

  @Test
  void anyView_undelegatedAdmin_is403AndLeaksNothing() throws Exception {
    for (String path :
        new String[] {
          "", "api/summary", "api/events", "api/export.csv", "api/policies", "api/event?id=1-0"
        }) {
      HttpResponse<String> r = get(path, "nobody-1");
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(r.body())
          .as(path)
          .doesNotContain("u-")
          .doesNotContain("block-tor")
          .doesNotContain("198.51");
    }
  }

  @Test
  void summary_departmentScopedAdmin_countsOnlyThatDepartment() throws Exception {
    JsonNode s = JSON.readTree(get("api/summary", "sales-1").body());
    long sales = fixture.events.stream().filter(e -> Fixture.isSales(e.userId())).count();
    assertThat(s.at("/headline/attempts").asLong())
        .isEqualTo(sales)
        .isLessThan(fixture.events.size());
    JsonNode page = JSON.readTree(get("api/events?limit=200", "sales-1").body());
    for (JsonNode e : page.get("events")) {
      assertThat(Fixture.isSales(e.get("user").asText())).as(e.toString()).isTrue();
    }
  }

  @Test
  void event_ofAnotherDepartment_isNotFoundForTheScopedAdmin() throws Exception {
    JsonNode page = JSON.readTree(get("api/events?user=u-1", "auditor-1").body());
    String financeEvent = page.at("/events/0/id").asText();
    assertThat(get("api/event?id=" + financeEvent, "auditor-1").statusCode()).isEqualTo(200);
    HttpResponse<String> r = get("api/event?id=" + financeEvent, "sales-1");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).doesNotContain("u-1");
  }

  @Test
  void export_scopedAdminWithoutExport_is403() throws Exception {
    assertThat(get("api/export.csv", "sales-1").statusCode()).isEqualTo(403);
  }

  @Test
  void exportCsv_filteredByUser_holdsEveryEventOfTheUser() throws Exception {
    HttpResponse<String> r = get("api/export.csv?user=u-3", "auditor-1");
    assertThat(r.statusCode()).isEqualTo(200);
    long expected = fixture.events.stream().filter(e -> e.userId().equals("u-3")).count();
    String[] lines = r.body().split("\r\n");
    assertThat(lines[0]).startsWith("time,user,ip");
    assertThat(lines).hasSize((int) expected + 1);
    HttpResponse<String> jsonl = get("api/export.jsonl?user=u-3", "auditor-1");
    assertThat(jsonl.body().lines().count()).isEqualTo(expected);
  }

  @Test
  void page_anyAnswer_sendsAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> r = get("", "auditor-1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(SignInDashboard.CSP);
    assertThat(r.body()).doesNotContain("<script>").contains("assets/dashboard.js");
  }

  @Test
  void whatIf_withoutTheCsrfToken_is403() throws Exception {
    HttpResponse<String> r = whatIf("auditor-1", null, "{\"user.id\": \"u-1\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(r.body()).get("code").asText()).isEqualTo("csrf_token_invalid");
    assertThat(whatIf("auditor-1", "forged", "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void whatIf_withThePagesToken_explainsTheDecision() throws Exception {
    Matcher m =
        Pattern.compile("name=\"gatehouse-csrf\" content=\"([^\"]+)\"")
            .matcher(get("", "auditor-1").body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> r =
        whatIf(
            "auditor-1",
            m.group(1),
            """
        {"user.id": "u-9", "request.action": "signin", "request.ip": "192.0.2.7",
         "request.time": "2026-11-28T10:00:00Z", "risk.level": "none"}""");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode d = JSON.readTree(r.body());
    assertThat(d.get("effect").asText()).isEqualTo("PERMIT");
    assertThat(d.at("/reportOnly/0/policy").asText()).isEqualTo("block-tor");
    assertThat(d.get("explanation").asText()).contains("block-tor");
  }

  @Test
  void whatIf_tokenOfAnotherAdmin_is403() throws Exception {
    Matcher m =
        Pattern.compile("name=\"gatehouse-csrf\" content=\"([^\"]+)\"")
            .matcher(get("", "sales-1").body());
    assertThat(m.find()).isTrue();
    assertThat(whatIf("auditor-1", m.group(1), "{}").statusCode()).isEqualTo(403);
  }
}
