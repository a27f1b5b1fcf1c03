/** The implementation of the Redis store: key layout, scripts, event encoding, the outbox. */
@NullMarked
package dev.gatehouse.monitor.redis.internal;

import org.jspecify.annotations.NullMarked;
