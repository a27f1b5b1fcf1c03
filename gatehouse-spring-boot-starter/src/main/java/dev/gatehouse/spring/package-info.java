/**
 * Gatehouse for Spring Boot and Spring Security: auto-configuration of the running policies and the
 * sign-in monitor, and {@link dev.gatehouse.spring.GatehouseAuthorizationManager}, which decides
 * each request from what Spring Security's {@code Authentication} says about the user.
 */
@NullMarked
package dev.gatehouse.spring;

import org.jspecify.annotations.NullMarked;
