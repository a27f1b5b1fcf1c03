package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

final class SortedStringSetTest {

  /** Small sets take the insertion sort, larger ones the library's: both must be a TreeSet. */
  @Property(tries = 2_000)
  void of_anyStrings_holdsTheirDistinctElementsInOrder(
      @ForAll @Size(max = 40) List<@StringLength(max = 3) String> elements) {
    SortedStringSet set = SortedStringSet.of(elements.toArray(new String[0]));

    List<String> inOrder = new ArrayList<>();
    for (int i = 0; i < set.size(); i++) {
      inOrder.add(set.get(i));
    }
    assertThat(inOrder).containsExactlyElementsOf(new TreeSet<>(elements));
    assertThat(set).isEqualTo(new TreeSet<>(elements));
    elements.forEach(e -> assertThat(set.contains(e)).isTrue());
  }

  @Test
  void of_repeatsAndReverseOrder_keepsEachOnceSorted() {
    assertThat(SortedStringSet.of("c", "b", "a", "b", "c", "a")).containsExactly("a", "b", "c");
  }

  @Test
  void of_nullElement_throws() {
    assertThatThrownBy(() -> SortedStringSet.of("a", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("set element");
  }
}
