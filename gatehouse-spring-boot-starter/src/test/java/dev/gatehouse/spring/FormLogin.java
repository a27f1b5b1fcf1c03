package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through Spring Security's login form, as a browser does. */
final class FormLogin {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

  private FormLogin() {}

  /**
   * Fetches the login page for its CSRF token and posts the form; the client must keep cookies.
   *
   * @return the answer to the post: a redirect, to {@code /login?error} for a failed sign-in
   */
  static HttpResponse<String> post(HttpClient http, URI base, String username, String password)
      throws IOException, InterruptedException {
    URI login = base.resolve("/login");
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(login).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as(page.body()).isTrue();
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(login)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
