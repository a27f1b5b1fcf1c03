package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds the access request for an HTTP request: subject, target, client, time and auth. */
final class RequestFactory {

  /** The attributes the filter sets itself, whatever a subject resolver put there. */
  private static final List<String> OWNED_NAMES =
      List.of("app", "request.action", "request.ip", "request.time", "auth.methods", "auth.time");

  private static final Set<String> OWNED = Set.copyOf(OWNED_NAMES);

  private final SubjectResolver resolver;
  private final AuthContextMapping mapping;

  /** The attributes the filter sets, for the last schema seen: resolved once, not per request. */
  private volatile @Nullable Owned owned;

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
    Owned o = owned(schema);
    for (Attribute attribute : o.all) {
      b.clear(attribute);
    }
    if (target.app() != null) {
      b.set(o.app, target.app());
    }
    b.set(o.action, target.action()).set(o.ip, ip).set(o.time, now);
    AuthAttributes.apply(http, mapping, b);
    return Optional.of(b.build());
  }

  private Owned owned(Schema schema) {
    Owned o = owned;
    if (o == null || o.schema != schema) {
      o = new Owned(schema);
      owned = o;
    }
    return o;
  }

  /** The owned attributes of one schema. */
  private static final class Owned {
    final Schema schema;
    final List<Attribute> all;
    final Attribute app;
    final Attribute action;
    final Attribute ip;
    final Attribute time;

    Owned(Schema schema) {
      this.schema = schema;
      this.all = OWNED_NAMES.stream().map(schema::attributeOrThrow).toList();
      this.app = all.get(0);
      this.action = all.get(1);
      this.ip = all.get(2);
      this.time = all.get(3);
    }
  }
}
