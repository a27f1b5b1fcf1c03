package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A request as a host application holds it before any engine sees it: the user's directory entry as
 * strings and lists of strings, the action and app as strings, the client address as text, the
 * session's authentication methods and times, and the risk and device signals. Each engine's
 * end-to-end figure includes turning one of these into its own input.
 *
 * <p>{@link #of} reads one back from a workload request, so every engine answers the same stream; a
 * {@code null} string, list or instant is an attribute the request does not have.
 */
public record HostRequest(
    String userId,
    String email,
    String department,
    String country,
    String employment,
    List<String> roles,
    List<String> groups,
    String title,
    String costCenter,
    long clearance,
    String action,
    String app,
    String ip,
    Instant time,
    Instant authTime,
    List<String> authMethods,
    String riskLevel,
    long riskScore,
    String deviceId,
    String devicePlatform,
    boolean deviceManaged,
    boolean deviceKnown,
    String locationCountry) {

  /**
   * The fields holding {@code user.*}, {@code request.*}, ... attributes of the standard schema, by
   * attribute name: what a peer's translation reads, looked up once when it is built.
   */
  private static final Map<String, Function<HostRequest, Object>> FIELDS =
      Map.ofEntries(
          Map.entry("user.id", HostRequest::userId),
          Map.entry("user.email", HostRequest::email),
          Map.entry("user.department", HostRequest::department),
          Map.entry("user.country", HostRequest::country),
          Map.entry("user.employment", HostRequest::employment),
          Map.entry("user.roles", HostRequest::roles),
          Map.entry("user.groups", HostRequest::groups),
          Map.entry("user.title", HostRequest::title),
          Map.entry("user.cost_center", HostRequest::costCenter),
          Map.entry("user.clearance", HostRequest::clearance),
          Map.entry("request.action", HostRequest::action),
          Map.entry("app", HostRequest::app),
          Map.entry("request.ip", HostRequest::ip),
          Map.entry("request.time", HostRequest::time),
          Map.entry("auth.time", HostRequest::authTime),
          Map.entry("auth.methods", HostRequest::authMethods),
          Map.entry("risk.level", HostRequest::riskLevel),
          Map.entry("risk.score", HostRequest::riskScore),
          Map.entry("device.id", HostRequest::deviceId),
          Map.entry("device.platform", HostRequest::devicePlatform),
          Map.entry("device.managed", HostRequest::deviceManaged),
          Map.entry("device.known", HostRequest::deviceKnown),
          Map.entry("location.country", HostRequest::locationCountry));

  /**
   * Returns the field holding an attribute, for a translation to read it without a lookup per
   * request.
   *
   * @param attribute an attribute name such as {@code user.department}
   * @return the accessor
   * @throws UnsupportedOperationException if no field holds the attribute (such as {@code
   *     target.*}, which {@code access} requests never carry)
   */
  static Function<HostRequest, Object> field(String attribute) {
    Function<HostRequest, Object> f = FIELDS.get(attribute);
    if (f == null) {
      throw new UnsupportedOperationException(
          "a host request has no field for `" + attribute + "`");
    }
    return f;
  }

  /** {@return whether a field holds {@code attribute}} */
  static boolean hasField(String attribute) {
    return FIELDS.containsKey(attribute);
  }

  /**
   * Returns what a host held for a request of the workload.
   *
   * @param r an {@code access} request of the workload, every attribute but {@code target.*} set
   * @return the same request in the host's terms
   */
  public static HostRequest of(AccessRequest r) {
    return new HostRequest(
        string(r, "user.id"),
        string(r, "user.email"),
        string(r, "user.department"),
        string(r, "user.country"),
        string(r, "user.employment"),
        list(r, "user.roles"),
        list(r, "user.groups"),
        string(r, "user.title"),
        string(r, "user.cost_center"),
        (Long) r.value("user.clearance").orElseThrow(),
        string(r, "request.action"),
        string(r, "app"),
        r.value("request.ip").map(Object::toString).orElse(null),
        (Instant) r.value("request.time").orElse(null),
        (Instant) r.value("auth.time").orElse(null),
        list(r, "auth.methods"),
        r.value("risk.level").map(Object::toString).orElse(null),
        (Long) r.value("risk.score").orElseThrow(),
        string(r, "device.id"),
        string(r, "device.platform"),
        (Boolean) r.value("device.managed").orElseThrow(),
        (Boolean) r.value("device.known").orElseThrow(),
        string(r, "location.country"));
  }

  private static String string(AccessRequest r, String name) {
    return (String) r.value(name).orElse(null);
  }

  private static List<String> list(AccessRequest r, String name) {
    return r.value(name).map(v -> List.copyOf((java.util.Collection<String>) v)).orElse(null);
  }
}
