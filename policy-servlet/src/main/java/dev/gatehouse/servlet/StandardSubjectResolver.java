package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The principal name as {@code user.id}, plus a map of attributes from the session or request. */
final class StandardSubjectResolver implements SubjectResolver {

  static final StandardSubjectResolver INSTANCE = new StandardSubjectResolver();

  private static final Logger LOG = LoggerFactory.getLogger(StandardSubjectResolver.class);

  private StandardSubjectResolver() {}

  @Override
  public boolean resolve(HttpServletRequest request, AccessRequest.Builder subject) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    HttpSession session = request.getSession(false);
    if (session != null) {
      collect(session.getAttribute(SUBJECT_ATTRIBUTE), attributes);
    }
    collect(request.getAttribute(SUBJECT_ATTRIBUTE), attributes);
    Object mapped = attributes.remove("user.id");
    Principal principal = request.getUserPrincipal();
    String id = principal == null ? null : principal.getName();
    if (id == null || id.isBlank()) {
      id = mapped instanceof String ? (String) mapped : null;
    } else if (mapped != null && !id.equals(mapped)) {
      LOG.warn("subject map names another user than the principal; denying");
      return false;
    }
    if (id == null || id.isBlank()) {
      return false;
    }
    subject.set("user.id", id);
    for (Map.Entry<String, Object> e : attributes.entrySet()) {
      if (RequestFactory.isOwned(e.getKey())) {
        LOG.warn("subject map sets `{}`, which the filter owns; denying", e.getKey());
        return false;
      }
      set(subject, e.getKey(), e.getValue());
    }
    return true;
  }

  private static void collect(@Nullable Object map, Map<String, Object> into) {
    if (map == null) {
      return;
    }
    if (!(map instanceof Map)) {
      throw new IllegalArgumentException("`" + SUBJECT_ATTRIBUTE + "` is not a map");
    }
    for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
      if (!(e.getKey() instanceof String) || e.getValue() == null) {
        throw new IllegalArgumentException(
            "`" + SUBJECT_ATTRIBUTE + "` has a non-string key" + " or a null value");
      }
      into.put((String) e.getKey(), e.getValue());
    }
  }

  /** Sets one value by its Java type; the builder checks it against the schema. */
  static void set(AccessRequest.Builder subject, String name, Object value) {
    if (value instanceof String) {
      subject.set(name, (String) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      subject.set(name, ((Number) value).longValue());
    } else if (value instanceof Boolean) {
      subject.set(name, (boolean) (Boolean) value);
    } else if (value instanceof Instant) {
      subject.set(name, (Instant) value);
    } else if (value instanceof Duration) {
      subject.set(name, (Duration) value);
    } else if (value instanceof IpAddress) {
      subject.set(name, (IpAddress) value);
    } else if (value instanceof Collection) {
      subject.set(name, strings(name, (Collection<?>) value));
    } else {
      throw new IllegalArgumentException("value of `" + name + "` has an unsupported type");
    }
  }

  private static List<String> strings(String name, Collection<?> values) {
    List<String> strings = new ArrayList<>(values.size());
    for (Object v : values) {
      if (!(v instanceof String)) {
        throw new IllegalArgumentException("`" + name + "` holds an element that is not a string");
      }
      strings.add((String) v);
    }
    return strings;
  }
}
