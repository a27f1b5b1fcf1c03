package dev.gatehouse.analysis;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.InvalidRequestException;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.TimeWindow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the policies can tell apart about each attribute, collected from every condition (and the
 * apps, networks, actions and factors the policy kinds read): the constants a value is compared
 * with, the prefixes and suffixes, the set elements, the address blocks, the time windows. From
 * them each attribute's values fall into finitely many classes that no policy can tell apart; one
 * representative value per class makes the encoding exact.
 */
final class Domains {

  /** The constants and patterns the policies use on one attribute. */
  static final class Uses {
    final Attribute attribute;
    final Set<String> strings = new TreeSet<>();
    final Set<String> prefixes = new TreeSet<>();
    final Set<String> suffixes = new TreeSet<>();
    final Set<Long> numbers = new TreeSet<>();
    final Set<String> elements = new TreeSet<>();
    final List<IpNetwork> blocks = new ArrayList<>();
    final Set<TimeWindow> windows = new LinkedHashSet<>();

    Uses(Attribute attribute) {
      this.attribute = attribute;
    }

    AttributeType.Kind kind() {
      return attribute.type().kind();
    }
  }

  private final Schema schema;
  private final Map<String, Uses> uses = new LinkedHashMap<>();

  Domains(Schema schema) {
    this.schema = schema;
  }

  Schema schema() {
    return schema;
  }

  /** Returns the uses of {@code name}, registering the attribute if it is new. */
  Uses of(String name) {
    return uses.computeIfAbsent(name, n -> new Uses(schema.attributeOrThrow(n)));
  }

  Iterable<Uses> all() {
    return uses.values();
  }

  /** Records every constant and pattern that {@code c} uses. */
  void collect(Condition c) {
    if (c instanceof Condition.Always) {
      return;
    } else if (c instanceof Condition.And and) {
      and.operands().forEach(this::collect);
      return;
    } else if (c instanceof Condition.Or or) {
      or.operands().forEach(this::collect);
      return;
    } else if (c instanceof Condition.Not not) {
      collect(not.operand());
      return;
    } else if (c instanceof Condition.Named named) {
      collect(named.body());
      return;
    }
    Uses u = of(((Condition.Leaf) c).attribute());
    if (c instanceof Condition.Compare cmp) {
      literal(u, cmp.value());
    } else if (c instanceof Condition.In in) {
      in.values().forEach(v -> literal(u, v));
    } else if (c instanceof Condition.Contains contains) {
      contains.values().forEach(v -> u.elements.add(text(v)));
    } else if (c instanceof Condition.Affix affix) {
      (affix.suffix() ? u.suffixes : u.prefixes).add(affix.affix());
    } else if (c instanceof Condition.InNetwork in) {
      in.networks().forEach(n -> u.blocks.addAll(n.blocks()));
    } else if (c instanceof Condition.InWindow w) {
      u.windows.add(w.window());
    }
  }

  void networks(List<Network> networks) {
    Uses u = of("request.ip");
    networks.forEach(n -> u.blocks.addAll(n.blocks()));
  }

  private static void literal(Uses u, Literal v) {
    if (v instanceof Literal.Str s) {
      u.strings.add(s.value());
    } else if (v instanceof Literal.Int i) {
      u.numbers.add(i.value());
    } else if (v instanceof Literal.Dur d) {
      u.numbers.add(d.value().toMillis());
    } else if (v instanceof Literal.Symbol s) {
      u.strings.add(s.name());
    }
  }

  static String text(Literal v) {
    return v instanceof Literal.Str s ? s.value() : ((Literal.Symbol) v).name();
  }

  /**
   * The representative strings: each constant, and for the values equal to none, one per pair of a
   * mentioned prefix (or none) and a mentioned suffix (or none), joined by a character that no
   * constant or pattern holds, so the joint adds no other prefix or suffix.
   *
   * <p>A request must spell {@code request.action} as an action name, so there each other value is
   * a lowercase word between the prefix and the suffix, chosen to start and end with no more
   * patterns than they do. A class whose representative is still no action name (a prefix such as
   * {@code 1} or {@code A}) holds no value a request can have, so it is left out.
   */
  List<String> stringValues(Uses u) {
    boolean action = u.attribute.name().equals("request.action");
    Set<String> values = new LinkedHashSet<>(u.strings);
    String fresh = freshChar(u);
    List<String> prefixes = new ArrayList<>(u.prefixes);
    prefixes.add(0, "");
    List<String> suffixes = new ArrayList<>(u.suffixes);
    suffixes.add(0, "");
    for (String p : prefixes) {
      for (String s : suffixes) {
        Optional<String> word = action ? wordBetween(u, p, s) : Optional.empty();
        if (word.isEmpty()) {
          // for an action, no word fits: a value no request holds keeps the class, undecided
          values.add(p + fresh + "other" + fresh + s);
        } else if (isAction(word.get())) {
          values.add(word.get());
        }
      }
    }
    return new ArrayList<>(values);
  }

  /** A value of the class of the values starting with {@code p} and ending with {@code s}. */
  private static Optional<String> wordBetween(Uses u, String p, String s) {
    for (String word : List.of("zother", "qother", "xother", "jother", "kother")) {
      for (int n = 0; n < 10; n++) {
        String v = p + word + (n == 0 ? "" : n) + s;
        if (!u.strings.contains(v)
            && u.prefixes.stream().allMatch(q -> v.startsWith(q) == p.startsWith(q))
            && u.suffixes.stream().allMatch(t -> v.endsWith(t) == s.endsWith(t))) {
          return Optional.of(v);
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a request can hold {@code action}: the request builder's own rule decides. */
  private boolean isAction(String action) {
    try {
      AccessRequest.builder(schema).set("request.action", action);
      return true;
    } catch (InvalidRequestException e) {
      return false;
    }
  }

  private static String freshChar(Uses u) {
    for (char c : "~#%^_|!zqxjkZQXJK".toCharArray()) {
      String s = String.valueOf(c);
      if (u.strings.stream().noneMatch(x -> x.contains(s))
          && u.prefixes.stream().noneMatch(x -> x.contains(s))
          && u.suffixes.stream().noneMatch(x -> x.contains(s))) {
        return s;
      }
    }
    for (char c = 0x2400; ; c++) {
      String s = String.valueOf(c);
      if (u.strings.stream().noneMatch(x -> x.contains(s))) {
        return s;
      }
    }
  }

  /**
   * The representative numbers: each constant and its two neighbours, clamped into the type's
   * range, so that every interval between two constants that holds a value of the type holds one of
   * them.
   */
  static List<Long> numberValues(Uses u) {
    AttributeType type = u.attribute.type();
    long min = Long.MIN_VALUE;
    long max = Long.MAX_VALUE;
    if (u.kind() == AttributeType.Kind.INT) {
      min = bound(type, true);
      max = bound(type, false);
    } else if (u.kind() == AttributeType.Kind.BOOL) {
      min = 0;
      max = 1;
    } else if (u.kind() == AttributeType.Kind.ORDERED) {
      min = 0;
      max = type.symbols().size() - 1;
    } else if (u.kind() == AttributeType.Kind.DURATION) {
      min = 0; // a duration is never negative
    }
    Set<Long> values = new TreeSet<>();
    values.add(clamp(0, min, max));
    values.add(min);
    values.add(max);
    for (long c : u.numbers) {
      for (long v :
          new long[] {c == Long.MIN_VALUE ? c : c - 1, c, c == Long.MAX_VALUE ? c : c + 1}) {
        values.add(clamp(v, min, max));
      }
    }
    if (u.kind() == AttributeType.Kind.ORDERED) {
      for (long i = 0; i <= max; i++) {
        values.add(i);
      }
    }
    return new ArrayList<>(values);
  }

  private static long clamp(long v, long min, long max) {
    return Math.max(min, Math.min(max, v));
  }

  /** The least (or greatest) value an int type accepts, found by bisection over its range. */
  private static long bound(AttributeType type, boolean least) {
    long inside = type.accepts(0) ? 0 : type.accepts(1) ? 1 : -1;
    long outside = least ? Long.MIN_VALUE : Long.MAX_VALUE;
    if (type.accepts(outside)) {
      return outside;
    }
    // Invariant: `inside` is accepted, `outside` is not, and the accepted values are an interval.
    while (least ? outside < inside - 1 : inside < outside - 1) {
      long mid = (inside & outside) + ((inside ^ outside) >> 1);
      if (type.accepts(mid)) {
        inside = mid;
      } else {
        outside = mid;
      }
    }
    return inside;
  }

  /**
   * The representative addresses: the first address of each block and the address after each
   * block's last, plus the lowest address and one ordinary IPv4 one, so that every run of addresses
   * that the blocks do not cut holds one of them.
   */
  static List<IpAddress> ipValues(Uses u) {
    Set<IpAddress> values = new TreeSet<>();
    values.add(IpAddress.of128(0, 0));
    values.add(IpAddress.parse("100.64.0.1"));
    for (IpNetwork block : u.blocks) {
      values.add(block.first());
      IpAddress last = block.last();
      if (last.lo() != -1L) {
        values.add(IpAddress.of128(last.hi(), last.lo() + 1));
      } else if (last.hi() != -1L) {
        values.add(IpAddress.of128(last.hi() + 1, 0));
      }
    }
    return new ArrayList<>(values);
  }
}
