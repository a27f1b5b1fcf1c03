package dev.gatehouse.servlet;

import dev.gatehouse.engine.PolicyEngineHolder;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/** The checked, immutable configuration of a {@link GatehouseFilter}. */
record FilterSettings(
    PolicyEngineHolder holder,
    AppMapping apps,
    boolean permitUnmapped,
    boolean allowUnsafePaths,
    ClientIp clientIp,
    RequestFactory requests,
    Responses responses,
    DecisionLog log,
    Clock clock,
    @Nullable EvaluationHook hook) {

  @Override
  public String toString() {
    return "apps="
        + apps
        + ", permitUnmapped="
        + permitUnmapped
        + (allowUnsafePaths ? ", allowUnsafePaths" : "")
        + ", "
        + clientIp;
  }
}
