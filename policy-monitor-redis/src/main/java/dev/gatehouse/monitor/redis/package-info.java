/** Sign-in history in Redis or Redis Cluster, shared by every node: {@link RedisSignInStore}. */
@NullMarked
package dev.gatehouse.monitor.redis;

import org.jspecify.annotations.NullMarked;
