package dev.gatehouse.monitor.redis.internal;

import dev.gatehouse.api.IpNetwork;

/**
 * The key layout. A user's keys share the hash tag {@code {u:<id>}}, so that one script updates
 * them on one shard of a cluster; each address and network has its own tag; the indexes that bound
 * the counts of users and addresses share {@code {idx}}, and the event stream is {@code {ev}}.
 *
 * @param prefix what every key starts with, such as {@code gh}
 */
public record Keys(String prefix) {

  /**
   * Returns the five keys of a user: profile hash, devices, countries, failures, events.
   *
   * @param userId the canonical user id
   * @return the five keys of a user
   */
  public String[] user(String userId) {
    String base = prefix + ":{u:" + userId + "}:";
    return new String[] {base + "p", base + "d", base + "c", base + "f", base + "e"};
  }

  /**
   * Returns the key of the failure times of an address or a network.
   *
   * @param network the address as a /128, or the network
   * @return the key of its failure times
   */
  public String failures(IpNetwork network) {
    return prefix + ":{n:" + network + "}:f";
  }

  /**
   * Returns the three index keys: users with a trusted sign-in, users without, addresses.
   *
   * @return the three index keys
   */
  public String[] indexes() {
    String base = prefix + ":{idx}:";
    return new String[] {base + "users", base + "unproven", base + "addresses"};
  }

  /** {@return the key of the event stream} */
  public String events() {
    return prefix + ":{ev}:events";
  }
}
