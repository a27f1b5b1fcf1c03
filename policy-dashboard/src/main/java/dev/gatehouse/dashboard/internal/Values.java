package dev.gatehouse.dashboard.internal;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import dev.gatehouse.monitor.SignInEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Sets host-supplied values of plain Java types on an access request. */
public final class Values {

  private Values() {}

  /**
   * Sets {@code value} as attribute {@code name}: a string (any type as text), a number, a boolean,
   * an instant, a duration, an address or a collection of strings.
   *
   * @param b the request being built
   * @param name the attribute
   * @param value the value
   * @throws IllegalArgumentException if the type is unsupported or the value does not fit
   */
  public static void set(AccessRequest.Builder b, String name, Object value) {
    if (value instanceof String) {
      b.set(name, (String) value);
    } else if (value instanceof Long || value instanceof Integer) {
      b.set(name, ((Number) value).longValue());
    } else if (value instanceof Boolean) {
      b.set(name, (boolean) (Boolean) value);
    } else if (value instanceof Instant) {
      b.set(name, (Instant) value);
    } else if (value instanceof Duration) {
      b.set(name, (Duration) value);
    } else if (value instanceof IpAddress) {
      b.set(name, (IpAddress) value);
    } else if (value instanceof Collection) {
      List<String> strings = new ArrayList<>();
      for (Object v : (Collection<?>) value) {
        if (!(v instanceof String)) {
          throw new IllegalArgumentException(
              "`" + name + "` holds an element that is not a string");
        }
        strings.add((String) v);
      }
      b.set(name, strings);
    } else {
      throw new IllegalArgumentException("value of `" + name + "` has an unsupported type");
    }
  }

  /**
   * Sets the user's directory attributes as {@code prefix.*} (such as {@code target.department} for
   * {@code user.department}), skipping those the schema does not declare.
   *
   * @param b the request being built
   * @param schema the schema of the request
   * @param userAttributes the user's attributes by {@code user.*} name
   * @param prefix {@code user} or {@code target}
   */
  public static void setUser(
      AccessRequest.Builder b, Schema schema, Map<String, ?> userAttributes, String prefix) {
    for (Map.Entry<String, ?> e : userAttributes.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("user.") || e.getValue() == null) {
        continue;
      }
      String name = prefix + key.substring("user".length());
      if (schema.attribute(name).isPresent()) {
        set(b, name, e.getValue());
      }
    }
  }

  /**
   * Returns the sign-in request an event stands for: the user's directory attributes, the event's
   * address, time, country and device, and the risk the index gave it.
   *
   * @param schema the schema of the running policies
   * @param row the event
   * @param userAttributes the user's directory attributes
   * @return the sign-in request
   */
  public static AccessRequest signIn(
      Schema schema, EventIndex.Row row, Map<String, ?> userAttributes) {
    AccessRequest.Builder b = AccessRequest.builder(schema);
    setUser(b, schema, userAttributes, "user");
    SignInEvent e = row.event();
    b.set("user.id", e.userId())
        .set("request.action", "signin")
        .set("request.ip", e.ip())
        .set("request.time", e.time())
        .set("risk.level", row.level().id())
        .set("risk.score", row.score());
    if (e.country() != null) {
      b.set("location.country", e.country());
    }
    if (e.deviceId() != null) {
      b.set("device.id", e.deviceId());
    }
    if (e.platform() != null) {
      b.set("device.platform", e.platform());
    }
    return b.build();
  }
}
