/** The Spring Boot example: every request decided by Gatehouse on {@code acme.policy}. */
@NullMarked
package dev.gatehouse.example.spring;

import org.jspecify.annotations.NullMarked;
