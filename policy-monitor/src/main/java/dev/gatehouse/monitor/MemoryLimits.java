package dev.gatehouse.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bounds of the in-memory store: how many users and addresses it tracks, how much it keeps per
 * user, and how long idle entries live.
 *
 * <p>Defaults: 100,000 users and 100,000 addresses, the last 20 events, 16 devices, 16 countries
 * and 32 failure times per user, 32 failure times per address, users dropped after 30 days without
 * an event or a lookup, addresses dropped 1 day after their last failure. When a bound is reached
 * the least recently used entries are evicted first.
 *
 * <p>Users with no trusted sign-in yet (only failures, denials or challenges) are kept apart, at
 * most {@code maxUnprovenUsers} of them (a tenth of {@code maxUsers} by default): a flood of
 * failures for made-up ids then evicts other made-up ids, never the profile of a user who signed
 * in.
 *
 * @param maxUsers how many users are tracked at most
 * @param maxAddresses how many client addresses with recent failures are tracked at most
 * @param eventsPerUser how many of a user's latest events are kept
 * @param devicesPerUser how many known devices are kept per user, most recent first
 * @param countriesPerUser how many known countries are kept per user, most recent first
 * @param failuresPerKey how many failure times are kept per user and per address
 * @param userIdle how long a user without events or lookups is kept
 * @param addressRetention how long an address is kept after its last failure
 * @param maxUnprovenUsers how many users without a trusted sign-in are tracked at most, apart from
 *     {@code maxUsers}
 */
public record MemoryLimits(
    int maxUsers,
    int maxAddresses,
    int eventsPerUser,
    int devicesPerUser,
    int countriesPerUser,
    int failuresPerKey,
    Duration userIdle,
    Duration addressRetention,
    int maxUnprovenUsers) {

  /**
   * Checks every bound at once.
   *
   * @param maxUsers how many users
   * @param maxAddresses how many addresses
   * @param eventsPerUser how many events per user
   * @param devicesPerUser how many devices per user
   * @param countriesPerUser how many countries per user
   * @param failuresPerKey how many failure times per user and per address
   * @param userIdle how long an idle user is kept
   * @param addressRetention how long an address is kept
   * @param maxUnprovenUsers how many users without a trusted sign-in
   * @throws IllegalArgumentException naming every bound that is out of range
   */
  public MemoryLimits {
    requireNonNull(userIdle, "userIdle");
    requireNonNull(addressRetention, "addressRetention");
    List<String> problems = new ArrayList<>();
    atLeast(problems, "maxUsers", maxUsers, 1);
    atLeast(problems, "maxAddresses", maxAddresses, 1);
    atLeast(problems, "eventsPerUser", eventsPerUser, 0);
    atLeast(problems, "devicesPerUser", devicesPerUser, 1);
    atLeast(problems, "countriesPerUser", countriesPerUser, 1);
    atLeast(problems, "failuresPerKey", failuresPerKey, 1);
    atLeast(problems, "maxUnprovenUsers", maxUnprovenUsers, 1);
    if (userIdle.isNegative() || userIdle.isZero()) {
      problems.add("userIdle " + userIdle + " is not positive");
    }
    if (addressRetention.isNegative() || addressRetention.isZero()) {
      problems.add("addressRetention " + addressRetention + " is not positive");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * Creates limits that keep a tenth of {@code maxUsers} (at least 1) users without a trusted
   * sign-in.
   *
   * @param maxUsers how many users
   * @param maxAddresses how many addresses
   * @param eventsPerUser how many events per user
   * @param devicesPerUser how many devices per user
   * @param countriesPerUser how many countries per user
   * @param failuresPerKey how many failure times per user and per address
   * @param userIdle how long an idle user is kept
   * @param addressRetention how long an address is kept
   * @throws IllegalArgumentException naming every bound that is out of range
   */
  public MemoryLimits(
      int maxUsers,
      int maxAddresses,
      int eventsPerUser,
      int devicesPerUser,
      int countriesPerUser,
      int failuresPerKey,
      Duration userIdle,
      Duration addressRetention) {
    this(
        maxUsers,
        maxAddresses,
        eventsPerUser,
        devicesPerUser,
        countriesPerUser,
        failuresPerKey,
        userIdle,
        addressRetention,
        Math.max(1, maxUsers / 10));
  }

  /** {@return the default limits} */
  public static MemoryLimits defaults() {
    return new MemoryLimits(
        100_000, 100_000, 20, 16, 16, 32, Duration.ofDays(30), Duration.ofDays(1));
  }

  /**
   * {@return these limits with another cap on users}
   *
   * @param users how many users are tracked at most
   */
  public MemoryLimits withMaxUsers(int users) {
    return new MemoryLimits(
        users,
        maxAddresses,
        eventsPerUser,
        devicesPerUser,
        countriesPerUser,
        failuresPerKey,
        userIdle,
        addressRetention,
        maxUnprovenUsers);
  }

  /**
   * {@return these limits with another cap on addresses}
   *
   * @param addresses how many addresses are tracked at most
   */
  public MemoryLimits withMaxAddresses(int addresses) {
    return new MemoryLimits(
        maxUsers,
        addresses,
        eventsPerUser,
        devicesPerUser,
        countriesPerUser,
        failuresPerKey,
        userIdle,
        addressRetention,
        maxUnprovenUsers);
  }

  /**
   * {@return these limits with another cap on events kept per user}
   *
   * @param events how many of a user's latest events are kept
   */
  public MemoryLimits withEventsPerUser(int events) {
    return new MemoryLimits(
        maxUsers,
        maxAddresses,
        events,
        devicesPerUser,
        countriesPerUser,
        failuresPerKey,
        userIdle,
        addressRetention,
        maxUnprovenUsers);
  }

  /**
   * {@return these limits with another cap on users without a trusted sign-in}
   *
   * @param users how many users without a trusted sign-in are tracked at most
   */
  public MemoryLimits withMaxUnprovenUsers(int users) {
    return new MemoryLimits(
        maxUsers,
        maxAddresses,
        eventsPerUser,
        devicesPerUser,
        countriesPerUser,
        failuresPerKey,
        userIdle,
        addressRetention,
        users);
  }

  private static void atLeast(List<String> problems, String name, int value, int min) {
    if (value < min) {
      problems.add(name + " " + value + " is below " + min);
    }
  }
}
