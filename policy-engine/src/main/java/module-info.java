/** Compiles policies and evaluates requests against them. */
module dev.gatehouse.engine {
  exports dev.gatehouse.engine;
  // The straightforward evaluator the compiled one is checked against; the analysis replays it.
  exports dev.gatehouse.engine.reference to
      dev.gatehouse.analysis;

  requires transitive dev.gatehouse.api;
  requires org.slf4j;
  requires static org.jspecify;
}
