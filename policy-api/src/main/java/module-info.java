/**
 * The vocabulary every Gatehouse module speaks: schemas, requests, decisions, the policy model and
 * the diagnostics format.
 */
module dev.gatehouse.api {
  exports dev.gatehouse.api;
  exports dev.gatehouse.api.policy;
  exports dev.gatehouse.api.text;
  // "Did you mean" hints shared by the parser and the CLI; not API.
  exports dev.gatehouse.api.internal to
      dev.gatehouse.dsl,
      dev.gatehouse.cli;

  requires inet.ipaddr;
  requires static transitive org.jspecify;
}
