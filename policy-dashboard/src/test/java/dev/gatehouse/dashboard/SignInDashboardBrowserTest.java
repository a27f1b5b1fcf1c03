package dev.gatehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.monitor.SignInEvent;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

final class SignInDashboardBrowserTest {

  private static Fixture fixture;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    fixture = Fixture.start(3_000, 120);
    browser = new Browser(1400, 1800);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      fixture.close();
    }
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static void open(String admin) {
    browser.signInAs(fixture, admin);
    browser.driver.get(fixture.base);
    browser.awaitRenders(0);
  }

  private static int apply() {
    int before = browser.rendered();
    browser.driver.findElement(By.id("apply")).click();
    return browser.awaitRenders(before);
  }

  private static void filter(String name, String value) {
    WebElement field = browser.driver.findElement(By.name(name));
    if (field.getTagName().equals("select")) {
      new Select(field).selectByVisibleText(value);
    } else {
      field.clear();
      field.sendKeys(value);
    }
  }

  @Test
  void everyView_auditor_showsTheStoresNumbers() throws Exception {
    open("auditor-1");
    long failures =
        fixture.events.stream()
            .filter(e -> e.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS)
            .count();
    assertThat(text(".figure[data-key=attempts] .value"))
        .isEqualTo(String.valueOf(fixture.events.size()));
    assertThat(text(".figure[data-key=failures] .value")).isEqualTo(String.valueOf(failures));
    assertThat(browser.driver.findElements(By.cssSelector("#timeline svg rect"))).isNotEmpty();
    assertThat(text("#countries")).contains("FR").contains("unknown");
    assertThat(text("#platforms")).contains("windows");
    assertThat(text("#risk")).contains("new_device");
    assertThat(text("#top-addresses")).contains("198.51.100.");
    assertThat(text("#top-networks")).contains("2001:db8:");
    assertThat(text("#report-only")).contains("block-tor").contains("would have denied");
    assertThat(browser.driver.findElements(By.cssSelector("#events tbody tr"))).hasSize(50);
    assertThat(text("#total")).isEqualTo(fixture.events.size() + " matching");
    assertThat(text("#policies")).contains("sign-in-auditors").contains("revision 1");
    browser.screenshot("dashboard-overview.png");
    ((JavascriptExecutor) browser.driver)
        .executeScript("document.getElementById('top-users').scrollIntoView()");
    browser.screenshot("dashboard-tables.png");
  }

  @Test
  void filters_outcomeAndCidr_narrowEveryViewAndPage() throws Exception {
    open("auditor-1");
    filter("outcome", "failed_credentials");
    filter("ip", "198.51.100.0/24");
    apply();
    long expected =
        fixture.events.stream()
            .filter(
                e ->
                    e.outcome() == SignInEvent.Outcome.FAILED_CREDENTIALS
                        && e.ip().toString().startsWith("198.51.100."))
            .count();
    assertThat(text(".figure[data-key=attempts] .value")).isEqualTo(String.valueOf(expected));
    assertThat(text("#total")).isEqualTo(expected + " matching");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#events tbody tr"));
    for (WebElement row : rows) {
      assertThat(row.getText()).contains("198.51.100.").contains("failed_credentials");
    }
    int before = browser.rendered();
    browser.driver.findElement(By.id("next")).click();
    browser.awaitRenders(before);
    assertThat(text("#page-info")).startsWith("51–");
    browser.screenshot("dashboard-filtered.png");
  }

  @Test
  void event_opened_showsItsDecisionAndTheUsersHistory() throws Exception {
    open("auditor-1");
    filter("user", "u-7");
    apply();
    browser.driver.findElement(By.cssSelector("#events tbody tr.event")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver, java.time.Duration.ofSeconds(20))
        .until(d -> d.findElement(By.id("detail-card")).isDisplayed());
    long ofUser = fixture.events.stream().filter(e -> e.userId().equals("u-7")).count();
    assertThat(text("#detail-facts")).contains("u-7");
    assertThat(browser.driver.findElements(By.cssSelector("#detail-history tbody tr")))
        .hasSize((int) Math.min(20, ofUser));
    assertThat(text("#detail-replay")).contains("Decided again on the running policies");
    browser.screenshot("dashboard-event.png");
  }

  @Test
  void export_csvOfTheFilter_holdsEveryMatchingEvent() {
    open("auditor-1");
    filter("country", "BE");
    apply();
    WebElement link = browser.driver.findElement(By.id("export-csv"));
    assertThat(link.isDisplayed()).isTrue();
    String href = link.getAttribute("href");
    Object lines =
        ((JavascriptExecutor) browser.driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(t => done(t.trim().split('\\r\\n')"
                    + ".length));",
                href);
    long expected = fixture.events.stream().filter(e -> "BE".equals(e.country())).count();
    assertThat(((Number) lines).longValue()).isEqualTo(expected + 1);
  }

  @Test
  void whatIf_form_explainsTheTypedRequest() throws Exception {
    open("auditor-1");
    WebElement input = browser.driver.findElement(By.id("whatif-input"));
    input.sendKeys(
        "{\"user.id\": \"u-9\", \"request.action\": \"signin\", \"request.ip\":"
            + " \"192.0.2.7\", \"request.time\": \"2026-11-28T10:00:00Z\", \"risk.level\": \"high\"}");
    browser.driver.findElement(By.id("whatif-run")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver, java.time.Duration.ofSeconds(20))
        .until(d -> !d.findElement(By.id("whatif-result")).getText().isEmpty());
    assertThat(text("#whatif-result")).contains("PERMIT").contains("block-tor would DENY");
    ((JavascriptExecutor) browser.driver)
        .executeScript("document.getElementById('policies-card').scrollIntoView()");
    browser.screenshot("dashboard-policies.png");
  }

  @Test
  void reportFile_openedWithoutAServer_showsTheSameFigures() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("gatehouse-report-", ".html");
    try {
      java.nio.file.Files.writeString(
          file,
          SignInReportPage.html(
              fixture.events,
              fixture.holder.current(),
              Fixture::directory,
              java.time.Instant.now()));
      browser.driver.get(file.toUri().toString());
      browser.awaitRenders(0);
      assertThat(text(".figure[data-key=attempts] .value"))
          .isEqualTo(String.valueOf(fixture.events.size()));
      assertThat(text("#report-only")).contains("block-tor");
      assertThat(browser.driver.findElement(By.id("filters")).isDisplayed()).isFalse();
      browser.driver.findElement(By.cssSelector("#events tbody tr.event")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(
              browser.driver, java.time.Duration.ofSeconds(20))
          .until(d -> d.findElement(By.id("detail-card")).isDisplayed());
      assertThat(text("#detail-replay")).contains("Decided again on the running policies");
      browser.screenshot("dashboard-report-file.png");
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void page_undelegatedAdmin_gets403AndNoData() {
    browser.signInAs(fixture, "nobody-1");
    browser.driver.get(fixture.base);
    String body = browser.driver.findElement(By.tagName("body")).getText();
    assertThat(body).contains("not_delegated").doesNotContain("u-");
    Object status =
        ((JavascriptExecutor) browser.driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('api/summary').then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
  }

  @Test
  void page_departmentScopedAdmin_seesOnlyThatDepartment() throws Exception {
    open("sales-1");
    long sales = fixture.events.stream().filter(e -> Fixture.isSales(e.userId())).count();
    assertThat(text(".figure[data-key=attempts] .value")).isEqualTo(String.valueOf(sales));
    for (WebElement row : browser.driver.findElements(By.cssSelector("#events tbody tr"))) {
      String user = row.findElements(By.tagName("td")).get(1).getText();
      assertThat(Fixture.isSales(user)).as(user).isTrue();
    }
    assertThat(browser.driver.findElement(By.id("policies-card")).isDisplayed()).isFalse();
    assertThat(browser.driver.findElement(By.id("export-csv")).isDisplayed()).isFalse();
    browser.screenshot("dashboard-sales-scope.png");
  }
}
