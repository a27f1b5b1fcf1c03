/** Writes every decision as a line of JSON. */
module dev.gatehouse.decisionlog {
  exports dev.gatehouse.decisionlog;

  requires transitive dev.gatehouse.engine;
  requires com.fasterxml.jackson.core;
  requires transitive org.slf4j;
  requires static org.jspecify;
}
