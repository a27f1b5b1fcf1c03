package dev.gatehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A million sign-ins of 100,000 users: the first view must render in the browser within 2 s and a
 * filter change within 500 ms, measured by the page itself ({@code performance.now()}).
 */
final class SignInDashboardScaleTest {

  private static final int EVENTS = Integer.getInteger("gatehouse.scale.events", 1_000_000);
  private static final int USERS = EVENTS / 10;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void browser_millionEvents_firstViewUnder2sAndFilterChangesUnder500ms() throws Exception {
    try (Fixture fixture = Fixture.start(EVENTS, USERS);
        Browser browser = new Browser(1400, 1800)) {
      long t0 = System.nanoTime();
      assertThat(fixture.dashboard.refresh()).isEqualTo(EVENTS);
      long indexMs = (System.nanoTime() - t0) / 1_000_000;
      JavascriptExecutor js = browser.driver;
      browser.signInAs(fixture, "auditor-1");
      browser.driver.get(fixture.base);
      browser.awaitRenders(0);
      double first = ((Number) js.executeScript("return window.ghTimings.first;")).doubleValue();
      assertThat(
              browser
                  .driver
                  .findElement(By.cssSelector(".figure[data-key=attempts] .value"))
                  .getText())
          .isEqualTo(String.valueOf(EVENTS));
      // A server runs warm: one round of other values first, then the measured round.
      String[][] warmUp = {
        {"outcome", "denied"},
        {"ip", "198.51.100.10"},
        {"minRisk", "high"},
        {"user", "u-17"},
        {"country", "FR"}
      };
      String[][] changes = {
        {"outcome", "failed_credentials"},
        {"ip", "198.51.100.0/24"},
        {"minRisk", "medium"},
        {"user", "u-4242"},
        {"country", "BE"}
      };
      StringBuilder figures = new StringBuilder();
      double worst = 0;
      for (String[] change : warmUp) {
        filter(browser, change);
      }
      for (String[] change : changes) {
        double ms = filter(browser, change);
        worst = Math.max(worst, ms);
        figures.append(String.format(" %s=%s: %.0f ms;", change[0], change[1], ms));
      }
      System.out.printf(
          "scale: %d events of %d users; index built in %d ms; first view %.0f ms;"
              + " filter changes:%s%n",
          EVENTS, USERS, indexMs, first, figures);
      assertThat(browser.driver.findElement(By.id("error")).getText()).isEmpty();
      assertThat(first).as("first view, ms").isLessThan(2000);
      assertThat(worst).as("slowest filter change, ms").isLessThan(500);
    }
  }

  /**
   * Sets one filter, applies it, waits for the render, clears the filters again, and returns how
   * long the filtered render took in the page.
   */
  private static double filter(Browser browser, String[] change) {
    WebElement field = browser.driver.findElement(By.name(change[0]));
    if (field.getTagName().equals("select")) {
      new Select(field).selectByVisibleText(change[1]);
    } else {
      field.clear();
      field.sendKeys(change[1]);
    }
    int before = browser.rendered();
    browser.driver.findElement(By.id("apply")).click();
    browser.awaitRenders(before);
    double ms =
        ((Number) browser.driver.executeScript("return window.ghTimings.last;")).doubleValue();
    browser.driver.findElement(By.id("reset-filters")).click();
    browser.awaitRenders(before + 1);
    return ms;
  }
}
