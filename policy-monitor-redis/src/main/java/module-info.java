/** A sign-in store in Redis, shared by every instance of an application. */
module dev.gatehouse.monitor.redis {
  exports dev.gatehouse.monitor.redis;

  requires transitive dev.gatehouse.monitor;
  requires lettuce.core;
  requires static org.jspecify;
}
