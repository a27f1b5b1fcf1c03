/** The policy language: parser, validator, formatter and writer. */
module dev.gatehouse.dsl {
  exports dev.gatehouse.dsl;

  requires transitive dev.gatehouse.api;
  requires static org.jspecify;
}
