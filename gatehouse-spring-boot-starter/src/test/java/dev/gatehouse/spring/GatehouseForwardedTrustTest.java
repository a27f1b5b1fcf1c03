package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Boots the test application trusting the loopback proxy's RFC 7239 {@code Forwarded}. */
@SpringBootTest(
    classes = TestApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gatehouse.policies=../examples/acme.policy",
      "gatehouse.client-address.trusted-proxies=127.0.0.1/32",
      "gatehouse.client-address.header=forwarded"
    })
@ActiveProfiles("replay")
final class GatehouseForwardedTrustTest {

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void authorize_forwardedFromATrustedProxy_isTheClient() throws Exception {
    assertThat(send("Forwarded", "for=203.0.113.9").statusCode()).isEqualTo(200);
  }

  @Test
  void authorize_xForwardedForWhenForwardedIsConfigured_isIgnored() throws Exception {
    HttpResponse<String> response = send("X-Forwarded-For", "203.0.113.9");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("network_not_allowed");
  }

  @Test
  void authorize_forwardedHopThatIsNoAddress_isDenied() throws Exception {
    HttpResponse<String> response = send("Forwarded", "for=unknown");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("client_address_unknown");
  }

  private HttpResponse<String> send(String header, String value) throws Exception {
    String token =
        TestApp.jwt(
            "u-finance",
            Map.of(
                "department", "Finance",
                "country", "FR",
                "roles", List.of(),
                "employment", "employee",
                "risk_level", "low",
                "amr", List.of("pwd"),
                "auth_time", TestApp.NOW.minusSeconds(600).getEpochSecond()));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/books/ledger"))
            .header("Authorization", "Bearer " + token)
            .header(header, value)
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
