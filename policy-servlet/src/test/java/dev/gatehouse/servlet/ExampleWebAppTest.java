package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The documented wiring works as documented. */
final class ExampleWebAppTest {

  @Test
  void start_documentedWiring_permitsMailAndRefusesUnmapped() throws Exception {
    Server server = ExampleWebApp.start(TestPolicies.standard());
    try {
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      HttpResponse<String> mail =
          get(URI.create("http://127.0.0.1:" + port + "/mail/inbox"), "X-Test-User", "ann");
      HttpResponse<String> other =
          get(URI.create("http://127.0.0.1:" + port + "/payroll/run"), "X-Test-User", "ann");

      assertThat(mail.statusCode()).isEqualTo(200);
      assertThat(other.statusCode()).isEqualTo(403);
      assertThat(other.body()).contains("unmapped_path");
    } finally {
      server.stop();
    }
  }
}
