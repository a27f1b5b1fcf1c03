/**
 * The Gatehouse engine: {@link dev.gatehouse.engine.PolicyEngine} compiles a policy set into {@link
 * dev.gatehouse.engine.CompiledPolicies}, which decide requests without allocating, in hundreds of
 * nanoseconds to a few microseconds; {@link dev.gatehouse.engine.PolicyEngineHolder} swaps sets at
 * run time.
 */
@NullMarked
package dev.gatehouse.engine;

import org.jspecify.annotations.NullMarked;
