/** A servlet filter that asks the engine before a request reaches the application. */
module dev.gatehouse.servlet {
  exports dev.gatehouse.servlet;

  requires transitive dev.gatehouse.engine;
  requires transitive jakarta.servlet;
  requires org.slf4j;
  requires static org.jspecify;
}
