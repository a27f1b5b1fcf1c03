/** Questions about a policy set as a whole: coverage, conflicts, redundancy. */
module dev.gatehouse.analysis {
  exports dev.gatehouse.analysis;

  requires transitive dev.gatehouse.engine;
  requires logicng;
  requires static org.jspecify;
}
