/**
 * Code shared by the Gatehouse modules that is no part of the API; exported only to the modules
 * that use it, may change at any time.
 */
@NullMarked
package dev.gatehouse.api.internal;

import org.jspecify.annotations.NullMarked;
