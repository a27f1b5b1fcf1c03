package dev.gatehouse.engine.internal;

import org.jspecify.annotations.Nullable;

/**
 * One index key: "the attribute in {@code slot} has this value". Strings and set elements use
 * {@code string}; ints, bools, ordered symbols (by ordinal), durations and network ids use {@code
 * number}.
 */
record Key(int slot, long number, @Nullable String string) {

  static Key of(int slot, String value) {
    return new Key(slot, 0, value);
  }

  static Key of(int slot, long value) {
    return new Key(slot, value, null);
  }
}
