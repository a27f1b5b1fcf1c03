package dev.gatehouse.dashboard.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Interns values as dense ids, so that the index stores an int per event instead of a value. */
final class Dict<T> {

  private final Map<T, Integer> ids = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  /** Returns the id of {@code value}, or -1 for null. */
  int id(@Nullable T value) {
    if (value == null) {
      return -1;
    }
    Integer id = ids.get(value);
    if (id == null) {
      id = values.size();
      ids.put(value, id);
      values.add(value);
    }
    return id;
  }

  /** Returns the id of {@code value} if interned, else -1. */
  int find(@Nullable T value) {
    Integer id = value == null ? null : ids.get(value);
    return id == null ? -1 : id;
  }

  List<T> values() {
    return values;
  }
}
