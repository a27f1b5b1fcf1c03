/**
 * The policy model: an immutable, validated {@link dev.gatehouse.api.policy.PolicySet} of {@code
 * assign}, {@code restrict}, {@code authenticate} and {@code delegate} policies, built by the
 * policy language or directly in Java.
 */
@NullMarked
package dev.gatehouse.api.policy;

import org.jspecify.annotations.NullMarked;
