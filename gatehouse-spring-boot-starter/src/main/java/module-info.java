/**
 * The Spring Boot starter: auto-configured policies, reload, sign-in monitor and the authorization
 * manager. Spring's types are in the starter's API (its configuration classes are public), so its
 * modules are read transitively; Spring reads and proxies those classes, so the package is open to
 * Spring.
 */
module dev.gatehouse.spring {
  exports dev.gatehouse.spring;

  opens dev.gatehouse.spring to
      spring.core,
      spring.beans,
      spring.context,
      spring.boot;

  requires transitive dev.gatehouse.dsl;
  requires transitive dev.gatehouse.engine;
  requires transitive dev.gatehouse.monitor;
  requires transitive dev.gatehouse.servlet;
  requires org.slf4j;
  requires transitive spring.aop;
  requires transitive spring.beans;
  requires transitive spring.boot;
  requires transitive spring.boot.autoconfigure;
  requires transitive spring.boot.security;
  requires transitive spring.context;
  requires transitive spring.core;
  requires transitive spring.security.config;
  requires transitive spring.security.core;
  requires transitive spring.security.web;
  requires transitive spring.web;
  // Optional, as in the build: used when the host has them.
  requires static transitive dev.gatehouse.monitor.redis;
  requires static transitive spring.security.oauth2.client;
  requires static transitive spring.security.oauth2.core;
  requires static spring.security.oauth2.jose;
  requires static spring.security.oauth2.resource.server;
  requires static org.jspecify;
}
