package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of strings kept as a sorted array: membership is a binary search that neither
 * hashes nor allocates, and elements can be read by index.
 *
 * <p>It is the form in which an {@link AccessRequest} holds a set, so a host that keeps a user's
 * roles or groups as a {@code SortedStringSet} (built once per session, say) hands them to {@link
 * AccessRequest.Builder#set(Attribute, Collection)} without their being copied or sorted again. Any
 * other collection is copied once when it is set, so a caller that changes it later does not change
 * the request.
 *
 * <pre>{@code
 * SortedStringSet roles = SortedStringSet.copyOf(token.roles());
 * builder.set(userRoles, roles);
 * }</pre>
 */
public final class SortedStringSet extends AbstractSet<String> {

  private static final SortedStringSet EMPTY = new SortedStringSet(new String[0]);

  /** What {@code toArray} is given, so that a copy allocates only its array. */
  private static final String[] NO_STRINGS = new String[0];

  private final String[] elements;

  /** Wraps {@code sorted}, which must be sorted, without duplicates, and not shared. */
  private SortedStringSet(String[] sorted) {
    this.elements = sorted;
  }

  /**
   * {@return the set of {@code elements}, in any order, duplicates dropped}
   *
   * @param elements the elements
   * @throws NullPointerException if an element is null
   */
  public static SortedStringSet of(String... elements) {
    return ofUnsorted(elements.clone());
  }

  /**
   * {@return the set of the elements of {@code collection}; the collection itself if it is a {@code
   * SortedStringSet}}
   *
   * @param collection the elements
   * @throws NullPointerException if an element is null
   */
  public static SortedStringSet copyOf(Collection<String> collection) {
    if (collection instanceof SortedStringSet s) {
      return s;
    }
    return ofUnsorted(collection.toArray(NO_STRINGS));
  }

  /**
   * Sorts {@code array}, which the caller hands over, in place and wraps it, dropping duplicates.
   * The array is this set's from then on: the caller must not keep it.
   */
  static SortedStringSet ofUnsorted(String[] array) {
    for (String element : array) {
      requireNonNull(element, "set element");
    }
    if (array.length == 0) {
      return EMPTY;
    }
    // Below 32 elements this is an insertion sort in place: no allocation.
    Arrays.sort(array);
    int distinct = 1;
    for (int i = 1; i < array.length; i++) {
      if (!array[i].equals(array[distinct - 1])) {
        array[distinct++] = array[i];
      }
    }
    return new SortedStringSet(distinct == array.length ? array : Arrays.copyOf(array, distinct));
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String s && Arrays.binarySearch(elements, s) >= 0;
  }

  @Override
  public int size() {
    return elements.length;
  }

  /**
   * {@return element {@code index} in sorted order}
   *
   * @param index the position, from 0
   * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
   */
  public String get(int index) {
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
