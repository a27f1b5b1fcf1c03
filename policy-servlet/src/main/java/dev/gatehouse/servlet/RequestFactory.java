package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Builds the access request for an HTTP request: subject, target, client, time and auth. */
final class RequestFactory {

  /** The attributes the filter sets itself, whatever a subject resolver put there. */
  private static final Set<String> OWNED =
      Set.of("app", "request.action", "request.ip", "request.time", "auth.methods", "auth.time");

  private final SubjectResolver resolver;
  private final AuthContextMapping mapping;

  RequestFactory(SubjectResolver resolver, AuthContextMapping mapping) {
    this.resolver = resolver;
    this.mapping = mapping;
  }

  static boolean isOwned(String attribute) {
    return OWNED.contains(attribute);
  }

  /**
   * Returns the access request, or empty if the subject is unresolved.
   *
   * @throws RuntimeException if the resolver or a host-provided value is bad
   */
  Optional<AccessRequest> build(
      HttpServletRequest http, Schema schema, AppMapping.Target target, IpAddress ip, Instant now) {
    AccessRequest.Builder b = AccessRequest.builder(schema);
    if (!resolver.resolve(http, b)) {
      return Optional.empty();
    }
    for (String owned : OWNED) {
      b.clear(owned);
    }
    if (target.app() != null) {
      b.set("app", target.app());
    }
    b.set("request.action", target.action()).set("request.ip", ip).set("request.time", now);
    AuthAttributes.apply(http, mapping, b);
    return Optional.of(b.build());
  }
}
