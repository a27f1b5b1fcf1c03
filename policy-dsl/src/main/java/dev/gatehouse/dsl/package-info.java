/**
 * The Gatehouse policy language: {@link dev.gatehouse.dsl.PolicyDsl} turns {@code .policy} text
 * into a validated {@link dev.gatehouse.api.policy.PolicySet} with every {@link
 * dev.gatehouse.dsl.Diagnostic} found, and {@link dev.gatehouse.dsl.PolicyFormatter} writes text
 * back in the canonical layout.
 */
@NullMarked
package dev.gatehouse.dsl;

import org.jspecify.annotations.NullMarked;
