/** The Caffeine-backed store, the per-user state it keeps, and the signal detectors. */
@NullMarked
package dev.gatehouse.monitor.internal;

import org.jspecify.annotations.NullMarked;
