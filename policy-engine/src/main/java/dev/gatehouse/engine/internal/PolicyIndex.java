package dev.gatehouse.engine.internal;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The candidate finder of one scope (an app, the global policies, the delegations): for every
 * attribute that guards some policy, one hash lookup from the request's value to the policies it
 * may satisfy. Cost follows the request's attributes and the hits, not the number of policies.
 */
final class PolicyIndex {

  private static final int[] NONE = new int[0];

  /** Every policy of the scope. */
  final int[] members;

  /** Policies without a guard: candidates for every request. */
  private final int[] unguarded;

  private final SlotIndex[] slots;

  private PolicyIndex(int[] members, int[] unguarded, SlotIndex[] slots) {
    this.members = members;
    this.unguarded = unguarded;
    this.slots = slots;
  }

  /** Offers to the frame every policy of the scope that may not be false for {@code r}. */
  void collect(AccessRequest r, Frame f, NetworkTable networks) {
    for (SlotIndex s : slots) {
      s.collect(r, f, networks);
    }
    for (int p : unguarded) {
      f.offer(p);
    }
  }

  int size() {
    return members.length;
  }

  /** One guarded attribute: value → policies, plus the restrictive policies guarded on it. */
  private static final class SlotIndex {
    final int slot;
    final AttributeType.Kind kind;
    final @Nullable StringIntsMap strings;
    final @Nullable LongIntsMap numbers;

    /** Restrict and authenticate policies guarded here: they apply when the slot is missing. */
    final int[] whenMissing;

    SlotIndex(
        int slot,
        AttributeType.Kind kind,
        @Nullable StringIntsMap strings,
        @Nullable LongIntsMap numbers,
        int[] whenMissing) {
      this.slot = slot;
      this.kind = kind;
      this.strings = strings;
      this.numbers = numbers;
      this.whenMissing = whenMissing;
    }

    void collect(AccessRequest r, Frame f, NetworkTable networks) {
      if (!r.has(slot)) {
        for (int p : whenMissing) {
          f.offer(p);
        }
        return;
      }
      switch (kind) {
        case STRING:
          offer(f, strings.get(r.string(slot)));
          break;
        case SET:
          for (int i = 0, n = r.setSize(slot); i < n; i++) {
            offer(f, strings.get(r.setElement(slot, i)));
          }
          break;
        case IP:
          for (int id : f.networks(r, slot, networks)) {
            offer(f, numbers.get(id));
          }
          break;
        default:
          offer(f, numbers.get(r.number(slot)));
      }
    }

    private static void offer(Frame f, int @Nullable [] policies) {
      if (policies != null) {
        for (int p : policies) {
          f.offer(p);
        }
      }
    }
  }

  /** Collects the guards of a scope's policies and builds the index. */
  static final class Builder {
    private final Schema schema;
    private final List<Integer> members = new ArrayList<>();
    private final List<Integer> unguarded = new ArrayList<>();
    private final TreeMap<Integer, Map<Object, List<Integer>>> bySlot = new TreeMap<>();
    private final TreeMap<Integer, List<Integer>> missing = new TreeMap<>();

    Builder(Schema schema) {
      this.schema = schema;
    }

    /**
     * Adds policy {@code p} with its guard; {@code restrictive} policies are also candidates when a
     * guard attribute is missing.
     */
    void add(int p, Guards.@Nullable Guard guard, boolean restrictive) {
      members.add(p);
      if (guard == null) {
        unguarded.add(p);
        return;
      }
      for (Key k : guard.keys()) {
        Object value = k.string() != null ? k.string() : (Object) k.number();
        bySlot
            .computeIfAbsent(k.slot(), s -> new HashMap<>())
            .computeIfAbsent(value, v -> new ArrayList<>())
            .add(p);
      }
      if (restrictive) {
        for (int slot : guard.slots()) {
          bySlot.computeIfAbsent(slot, s -> new HashMap<>());
          missing.computeIfAbsent(slot, x -> new ArrayList<>()).add(p);
        }
      }
    }

    PolicyIndex build() {
      List<SlotIndex> slots = new ArrayList<>();
      bySlot.forEach((slot, values) -> slots.add(slotIndex(slot, values)));
      return new PolicyIndex(ints(members), ints(unguarded), slots.toArray(new SlotIndex[0]));
    }

    private SlotIndex slotIndex(int slot, Map<Object, List<Integer>> values) {
      AttributeType.Kind kind = schema.attribute(slot).type().kind();
      int[] whenMissing = ints(missing.getOrDefault(slot, List.of()));
      if (kind == AttributeType.Kind.STRING || kind == AttributeType.Kind.SET) {
        Map<String, int[]> strings = new HashMap<>();
        values.forEach((v, ps) -> strings.put((String) v, ints(ps)));
        return new SlotIndex(slot, kind, new StringIntsMap(strings), null, whenMissing);
      }
      Map<Long, int[]> numbers = new HashMap<>();
      values.forEach((v, ps) -> numbers.put((Long) v, ints(ps)));
      return new SlotIndex(slot, kind, null, new LongIntsMap(numbers), whenMissing);
    }

    private static int[] ints(List<Integer> list) {
      return list.isEmpty() ? NONE : list.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
