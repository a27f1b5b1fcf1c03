package dev.gatehouse.engine;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.dsl.PolicySyntaxException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a forked JVM by {@link BoundedReloadTest}: reloads a holder from the file named by the
 * first argument, as a host does, then decides one request for a user whose id would forge a log
 * line, and prints what happened on standard output.
 */
final class ReloadProbe {

  private ReloadProbe() {}

  public static void main(String[] args) {
    PolicyEngineHolder holder =
        new PolicyEngineHolder(
            PolicyEngine.compile(
                PolicyDsl.parseOrThrow(
                    "ok.policy", "assign \"mail\" {\n  app \"mail\" role \"user\"\n}\n")));
    try {
      holder.reload(() -> PolicyDsl.loadOrThrow(Path.of(args[0])));
      System.out.println("reloaded");
    } catch (PolicySyntaxException e) {
      System.out.println("refused with " + e.diagnostics().size() + " diagnostics");
    }
    System.out.println("serving " + holder.current().policySet().policies().size());
    AccessRequest request =
        AccessRequest.builder(holder.current().schema())
            .set("user.id", "bob\u0085PERMIT user=admin\u202e")
            .set("request.action", "access")
            .set("app", "mail")
            .set("request.time", Instant.parse("2026-12-01T10:00:00Z"))
            .build();
    System.out.println("decided " + holder.evaluate(request).effect());
  }
}
