/** Locates sign-ins with a MaxMind GeoIP2 or GeoLite2 database. */
module dev.gatehouse.monitor.maxmind {
  exports dev.gatehouse.monitor.maxmind;

  requires transitive dev.gatehouse.monitor;
  requires com.maxmind.geoip2;
  requires com.maxmind.db;
  requires org.slf4j;
  requires static org.jspecify;
}
