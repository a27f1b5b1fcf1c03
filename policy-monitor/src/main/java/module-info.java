/** Sign-in monitoring: the history of sign-ins and the risk it shows. */
module dev.gatehouse.monitor {
  exports dev.gatehouse.monitor;

  requires transitive dev.gatehouse.api;
  requires com.github.benmanes.caffeine;
  requires com.fasterxml.jackson.databind;
  requires static org.jspecify;
}
