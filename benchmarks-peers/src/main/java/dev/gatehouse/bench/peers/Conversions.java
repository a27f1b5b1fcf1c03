package dev.gatehouse.bench.peers;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Schema;

/**
 * The values no Gatehouse builder can take as the host holds them, since a request keeps another
 * form of them (the address, the risk level, the factors and both instants), set from the host's
 * values on a copy of the prepared request: a new request that pays for those conversions and
 * nothing else, the floor of any host path on this workload.
 */
final class Conversions {

  private final Attribute ip;
  private final Attribute riskLevel;
  private final Attribute authMethods;
  private final Attribute time;
  private final Attribute authTime;

  Conversions(Schema schema) {
    ip = schema.attributeOrThrow("request.ip");
    riskLevel = schema.attributeOrThrow("risk.level");
    authMethods = schema.attributeOrThrow("auth.methods");
    time = schema.attributeOrThrow("request.time");
    authTime = schema.attributeOrThrow("auth.time");
  }

  /** {@return a copy of {@code prepared} with its address set from the host's text} */
  AccessRequest address(AccessRequest.Builder b, AccessRequest prepared, HostRequest h) {
    return withAddress(b, prepared, h).build();
  }

  /** {@return a copy of {@code prepared} with every conversion set from the host's values} */
  AccessRequest all(AccessRequest.Builder b, AccessRequest prepared, HostRequest h) {
    withAddress(b, prepared, h);
    if (h.riskLevel() != null) {
      b.set(riskLevel, h.riskLevel());
    }
    if (h.authMethods() != null) {
      b.set(authMethods, h.authMethods());
    }
    if (h.time() != null) {
      b.set(time, h.time());
    }
    if (h.authTime() != null) {
      b.set(authTime, h.authTime());
    }
    return b.build();
  }

  private AccessRequest.Builder withAddress(
      AccessRequest.Builder b, AccessRequest prepared, HostRequest h) {
    b.reset(prepared);
    if (h.ip() != null) {
      b.set(ip, h.ip());
    }
    return b;
  }
}
