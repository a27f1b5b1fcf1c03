package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.bundle.PolicySources;
import dev.gatehouse.engine.PolicySource;
import dev.gatehouse.engine.SourceStatus;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A filter fed by a policy source: a watched directory of policy files. */
@Timeout(30)
final class GatehouseFilterSourceTest {

  @TempDir Path dir;

  @Test
  void doFilter_sourceLoadsNewPolicies_nextRequestSeesThem() throws Exception {
    Files.writeString(
        dir.resolve("mail.policy"),
        "assign \"everyone-mail\" {\n" + "  app \"mail\" role \"user\"\n}\n");
    try (PolicySource source =
            PolicySources.directory(dir).debounce(Duration.ofMillis(50)).start();
        JettyHarness server =
            JettyHarness.start(
                GatehouseFilter.builder(source)
                    .app("/mail/*", "mail")
                    .app("/books/*", "books")
                    .build())) {
      HttpResponse<String> mail = get(server.uri("/mail/inbox"), "X-Test-User", "ann");
      HttpResponse<String> books = get(server.uri("/books/x"), "X-Test-User", "ann");

      Files.writeString(
          dir.resolve("books.policy"),
          "assign \"everyone-books\" {\n" + "  app \"books\" role \"reader\"\n}\n");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (source.status().revision() < 2) {
        assertThat(System.nanoTime()).as("%s", source.status()).isLessThan(deadline);
        Thread.sleep(10);
      }
      HttpResponse<String> booksAfter = get(server.uri("/books/x"), "X-Test-User", "ann");

      assertThat(mail.statusCode()).isEqualTo(200);
      assertThat(books.statusCode()).isEqualTo(403);
      assertThat(booksAfter.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void doFilter_sourceNeverLoaded_deniesEveryRequest() throws Exception {
    try (PolicySource source = PolicySources.directory(dir).serveWithoutPolicies().start();
        JettyHarness server =
            JettyHarness.start(GatehouseFilter.builder(source).app("/mail/*", "mail").build())) {
      HttpResponse<String> mail = get(server.uri("/mail/inbox"), "X-Test-User", "ann");

      assertThat(source.status().state()).isEqualTo(SourceStatus.State.NEVER_LOADED);
      assertThat(mail.statusCode()).isEqualTo(403);
      assertThat(mail.body()).contains("not_assigned");
    }
  }
}
