/** Micrometer meters for decisions and, when the monitor is present, for sign-ins. */
module dev.gatehouse.metrics {
  exports dev.gatehouse.metrics;

  requires transitive dev.gatehouse.engine;
  requires transitive micrometer.core;
  // Optional, as in the build: only hosts that monitor sign-ins have it.
  requires static transitive dev.gatehouse.monitor;
  requires static org.jspecify;
}
