package dev.gatehouse.dashboard;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Debian's chromedriver: both paths are given, so Selenium
 * downloads nothing, and a Chromium that cannot start fails the test that asked for it.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  final ChromeDriver driver;
  private final Path profile;

  Browser(int width, int height) throws IOException {
    profile = Files.createTempDirectory("gatehouse-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /** Signs in as {@code admin}: the host's sign-in reads the cookie. */
  void signInAs(Fixture fixture, String admin) {
    driver.get(fixture.base + "assets/dashboard.css");
    driver.manage().deleteAllCookies();
    driver.manage().addCookie(new Cookie(Fixture.ADMIN, admin));
  }

  /** Waits until the page has rendered more than {@code renders} times and returns the count. */
  int awaitRenders(int renders) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> rendered() > renders);
    return rendered();
  }

  int rendered() {
    Object n =
        driver.executeScript(
            "return document.body && document.body.getAttribute(" + "'data-renders');");
    return n == null ? 0 : Integer.parseInt(n.toString());
  }

  /** Saves a screenshot of the window into {@code docs/}. */
  void screenshot(String name) throws IOException {
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Path docs = Path.of("..", "docs");
    Files.createDirectories(docs);
    Files.copy(shot.toPath(), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
