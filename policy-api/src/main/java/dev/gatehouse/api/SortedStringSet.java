package dev.gatehouse.api;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of strings kept as a sorted array: membership is a binary search that neither
 * hashes nor allocates, and elements can be read by index.
 */
final class SortedStringSet extends AbstractSet<String> {

  private final String[] elements;

  /** Wraps {@code sorted}, which must be sorted, without duplicates, and not shared. */
  SortedStringSet(String[] sorted) {
    this.elements = sorted;
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && Arrays.binarySearch(elements, s) >= 0;
  }

  @Override
  public int size() {
    return elements.length;
  }

  String get(int index) {
    return elements[index];
  }

  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < elements.length;
      }

      @Override
      public String next() {
        if (next >= elements.length) {
          throw new NoSuchElementException();
        }
        return elements[next++];
      }
    };
  }
}
