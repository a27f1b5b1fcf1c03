/**
 * The vocabulary every Gatehouse module speaks: the {@link dev.gatehouse.api.Schema} of request
 * attributes, the {@link dev.gatehouse.api.AccessRequest} a host builds, and the {@link
 * dev.gatehouse.api.Decision} the engine returns.
 */
@NullMarked
package dev.gatehouse.api;

import org.jspecify.annotations.NullMarked;
