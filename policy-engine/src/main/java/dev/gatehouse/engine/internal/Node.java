package dev.gatehouse.engine.internal;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.Operator;
import java.util.Arrays;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A compiled condition: a small tree of final node classes evaluated in three-valued logic, with
 * {@link #FALSE}, {@link #TRUE} and {@link #UNKNOWN} as ints so that nothing is boxed.
 */
abstract class Node {

  static final int FALSE = 0;
  static final int TRUE = 1;
  static final int UNKNOWN = 2;

  /** Returns FALSE, TRUE or UNKNOWN for {@code r}. */
  abstract int eval(AccessRequest r, Frame f);

  static final class Const extends Node {
    final int value;

    Const(int value) {
      this.value = value;
    }

    @Override
    int eval(AccessRequest r, Frame f) {
      return value;
    }
  }

  /**
   * An {@code and} or an {@code or}: stops at the first operand equal to the absorbing value (false
   * for {@code and}, true for {@code or}); otherwise unknown if any operand was.
   */
  static final class Junction extends Node {
    final boolean conjunction;
    final Node[] operands;
    private final int absorbing;

    /**
     * The operands again when there are exactly two, the common case: read from fields, they spare
     * a cold request the read of the array.
     */
    private final Node first;

    private final @Nullable Node second;

    Junction(boolean conjunction, Node[] operands) {
      this.conjunction = conjunction;
      this.operands = operands;
      this.absorbing = conjunction ? FALSE : TRUE;
      this.first = operands[0];
      this.second = operands.length == 2 ? operands[1] : null;
    }

    @Override
    int eval(AccessRequest r, Frame f) {
      if (second != null) {
        int v = first.eval(r, f);
        if (v == absorbing) {
          return v;
        }
        int w = second.eval(r, f);
        if (w == absorbing) {
          return w;
        }
        return v == UNKNOWN || w == UNKNOWN ? UNKNOWN : TRUE - absorbing;
      }
      int result = TRUE - absorbing;
      for (Node n : operands) {
        int v = n.eval(r, f);
        if (v == absorbing) {
          return v;
        }
        if (v == UNKNOWN) {
          result = UNKNOWN;
        }
      }
      return result;
    }
  }

  static final class Not extends Node {
    final Node operand;

    Not(Node operand) {
      this.operand = operand;
    }

    @Override
    int eval(AccessRequest r, Frame f) {
      int v = operand.eval(r, f);
      return v == UNKNOWN ? UNKNOWN : TRUE - v;
    }
  }

  /** A leaf: UNKNOWN when the request lacks the slot, else the test. */
  abstract static class Leaf extends Node {
    final int slot;

    Leaf(int slot) {
      this.slot = slot;
    }

    @Override
    final int eval(AccessRequest r, Frame f) {
      if (!r.has(slot)) {
        return UNKNOWN;
      }
      return test(r, f) ? TRUE : FALSE;
    }

    abstract boolean test(AccessRequest r, Frame f);
  }

  static final class StringIn extends Leaf {
    final Set<String> values;

    StringIn(int slot, Set<String> values) {
      super(slot);
      this.values = values;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      return values.contains(r.string(slot));
    }
  }

  static final class StringEq extends Leaf {
    final String value;

    StringEq(int slot, String value) {
      super(slot);
      this.value = value;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      return value.equals(r.string(slot));
    }
  }

  static final class Affix extends Leaf {
    final String affix;
    final boolean suffix;

    Affix(int slot, String affix, boolean suffix) {
      super(slot);
      this.affix = affix;
      this.suffix = suffix;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      String s = r.string(slot);
      return suffix ? s.endsWith(affix) : s.startsWith(affix);
    }
  }

  static final class SetHas extends Leaf {
    final String[] values;
    final boolean all;

    SetHas(int slot, String[] values, boolean all) {
      super(slot);
      this.values = values;
      this.all = all;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      Set<String> set = r.set(slot);
      for (String v : values) {
        if (set.contains(v) != all) {
          return !all;
        }
      }
      return all;
    }
  }

  static final class NumCompare extends Leaf {
    final Operator op;
    final long value;

    NumCompare(int slot, Operator op, long value) {
      super(slot);
      this.op = op;
      this.value = value;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      return op.test(Long.compare(r.number(slot), value));
    }
  }

  static final class NumIn extends Leaf {
    final long[] sorted;

    NumIn(int slot, long[] sorted) {
      super(slot);
      this.sorted = sorted;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      return Arrays.binarySearch(sorted, r.number(slot)) >= 0;
    }
  }

  static final class IpIn extends Leaf {
    final int[] networks;
    final NetworkTable table;

    IpIn(int slot, int[] networks, NetworkTable table) {
      super(slot);
      this.networks = networks;
      this.table = table;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      return NetworkTable.intersects(f.networks(r, slot, table), networks);
    }
  }

  static final class Window extends Leaf {
    final WindowMatcher matcher;

    Window(int slot, WindowMatcher matcher) {
      super(slot);
      this.matcher = matcher;
    }

    @Override
    boolean test(AccessRequest r, Frame f) {
      return matcher.contains(r.number(slot));
    }
  }
}
