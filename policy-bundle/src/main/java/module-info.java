/** Signed policy bundles and the sources that load them from files, directories and HTTP. */
module dev.gatehouse.bundle {
  exports dev.gatehouse.bundle;

  requires transitive dev.gatehouse.engine;
  requires dev.gatehouse.dsl;
  requires transitive java.net.http;
  requires org.slf4j;
  requires static org.jspecify;
}
