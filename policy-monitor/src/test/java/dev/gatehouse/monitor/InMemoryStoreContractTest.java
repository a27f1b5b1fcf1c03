package dev.gatehouse.monitor;

import java.time.ZoneOffset;

/** The store contract on the in-memory store. */
final class InMemoryStoreContractTest extends SignInStoreContract {

  @Override
  protected SignInStore newStore(MemoryLimits limits, FailurePrefixes prefixes) {
    return SignInStore.inMemory(limits, ZoneOffset.UTC, prefixes);
  }
}
