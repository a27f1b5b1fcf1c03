/**
 * Micrometer meters for a Gatehouse host: decisions by effect and reason, the shared-decision
 * cache, the policies that matched most, policy reloads, sign-ins by outcome, risk signals raised
 * and the sign-in store's latency and errors. See {@link dev.gatehouse.metrics.DecisionMetrics},
 * {@link dev.gatehouse.metrics.MeteredEngine} and {@link dev.gatehouse.metrics.SignInMetrics};
 * {@code docs/operations.md} lists the meters.
 */
package dev.gatehouse.metrics;
