package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.internal.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a request may carry, each with a type and a slot.
 *
 * <p>{@link #standard()} holds the attributes every Gatehouse deployment knows ({@code user.*},
 * {@code app}, {@code request.*}, {@code device.*}, {@code location.country}, {@code auth.*},
 * {@code risk.*}, {@code target.*}); a policy file or a host declares more with {@link #builder()}.
 * Declaring {@code user.x} also declares {@code target.x}, since an admin action's target user has
 * the same attributes as its subject. Schemas are immutable.
 *
 * <pre>{@code
 * Schema schema = Schema.builder().declare("user.clearance", AttributeType.INT).build();
 * int slot = schema.slot("user.clearance");
 * }</pre>
 */
public final class Schema {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
  private static final Schema STANDARD = standardBuilder().build();

  private final List<Attribute> attributes;

  /** The attributes by slot, for the check of a handle that every set through one makes. */
  private final Attribute[] bySlot;

  private final Map<String, Attribute> byName;

  /**
   * Per slot, the kind's ordinal plus {@link #ENUMERATED} and {@link #NUMERIC}: what the typed
   * reads of {@link AccessRequest} check, kept flat because they run on every read of a policy
   * engine's hot path.
   */
  final byte[] kinds;

  /** The slot of {@code request.action}, whose values the request builder checks; -1 if none. */
  final int actionSlot;

  /**
   * Per slot, where a request keeps its numeric form ({@link #NUMERIC} kinds and the symbol mask of
   * an enumerated set) in its array of numbers, or -1. The attributes of an admin action's target
   * come last, so that a request without them keeps shorter arrays.
   */
  final int[] numberAt;

  /** Per slot, where a request keeps its object (string, set, address, instant...), or -1. */
  final int[] objectAt;

  /** How many slots have a number, and an object. */
  final int numbers;

  final int objects;

  /**
   * Per slot of an enumerated set type with at most {@link #CACHED_SYMBOLS} symbols, the sets built
   * so far, indexed by their symbol mask, so that a request holding one reuses it; null for other
   * slots. Filled racily: each entry is immutable and published through final fields.
   */
  private final SortedStringSet[][] symbolSets;

  /** The most symbols whose every subset is worth keeping: 2^10 entries at most per slot. */
  private static final int CACHED_SYMBOLS = 10;

  /** Marks an enumerated type in {@link #kinds}. */
  static final int ENUMERATED = 0x40;

  /** Marks in {@link #kinds} a type read with {@link AccessRequest#number(int)}. */
  static final int NUMERIC = 0x20;

  /** The kind's ordinal in {@link #kinds}. */
  static final int KIND = 0x1f;

  private Schema(List<Attribute> attributes) {
    this.attributes = List.copyOf(attributes);
    this.bySlot = this.attributes.toArray(new Attribute[0]);
    Map<String, Attribute> map = new LinkedHashMap<>();
    this.kinds = new byte[attributes.size()];
    for (Attribute attribute : attributes) {
      map.put(attribute.name(), attribute);
      AttributeType type = attribute.type();
      boolean numeric =
          type.kind() != AttributeType.Kind.STRING
              && type.kind() != AttributeType.Kind.SET
              && type.kind() != AttributeType.Kind.IP;
      kinds[attribute.slot()] =
          (byte)
              (type.kind().ordinal()
                  | (type.isEnumerated() ? ENUMERATED : 0)
                  | (numeric ? NUMERIC : 0));
    }
    this.byName = Collections.unmodifiableMap(map);
    Attribute action = map.get("request.action");
    this.actionSlot = action == null ? -1 : action.slot();
    int size = attributes.size();
    this.numberAt = new int[size];
    this.objectAt = new int[size];
    this.symbolSets = new SortedStringSet[size][];
    int n = 0;
    int o = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (Attribute attribute : this.attributes) {
        if (attribute.name().startsWith("target.") != (pass == 1)) {
          continue;
        }
        int slot = attribute.slot();
        AttributeType type = attribute.type();
        boolean hasNumber = (kinds[slot] & NUMERIC) != 0 || type.isEnumerated();
        boolean hasObject =
            type.kind() != AttributeType.Kind.INT
                && type.kind() != AttributeType.Kind.BOOL
                && type.kind() != AttributeType.Kind.ORDERED;
        numberAt[slot] = hasNumber ? n++ : -1;
        objectAt[slot] = hasObject ? o++ : -1;
        if (type.kind() == AttributeType.Kind.SET
            && type.isEnumerated()
            && type.symbols().size() <= CACHED_SYMBOLS) {
          symbolSets[slot] = new SortedStringSet[1 << type.symbols().size()];
        }
      }
    }
    this.numbers = n;
    this.objects = o;
  }

  /**
   * Returns the set of the symbols of the enumerated set in {@code slot} whose ordinals are the
   * bits of {@code mask}, shared between requests where the type has few symbols.
   */
  SortedStringSet symbolSet(int slot, long mask) {
    SortedStringSet[] cache = symbolSets[slot];
    SortedStringSet set = cache == null ? null : cache[(int) mask];
    if (set == null) {
      List<String> symbols = attributes.get(slot).type().symbols();
      String[] elements = new String[Long.bitCount(mask)];
      int i = 0;
      for (long m = mask; m != 0; m &= m - 1) {
        elements[i++] = symbols.get(Long.numberOfTrailingZeros(m));
      }
      set = SortedStringSet.ofUnsorted(elements);
      if (cache != null) {
        cache[(int) mask] = set;
      }
    }
    return set;
  }

  /**
   * Returns whether {@code attribute} is this schema's attribute (the same one, or an equal one of
   * an equal schema): a handle resolved against one schema cannot write a slot of another.
   */
  boolean owns(Attribute attribute) {
    int slot = attribute.slot();
    // The handle resolved from this schema is the common case: one load and a comparison.
    return slot < bySlot.length && (bySlot[slot] == attribute || bySlot[slot].equals(attribute));
  }

  /** {@return the standard schema of DESIGN §3} */
  public static Schema standard() {
    return STANDARD;
  }

  /** {@return a builder that starts from the standard schema} */
  public static Builder builder() {
    return new Builder(STANDARD.attributes);
  }

  /** {@return a builder that starts from this schema's attributes} */
  public Builder toBuilder() {
    return new Builder(attributes);
  }

  private static Builder standardBuilder() {
    Builder b = new Builder(List.of());
    for (String name : List.of("id", "email", "department", "title", "country", "employment")) {
      b.declare("user." + name, AttributeType.STRING);
    }
    b.declare("user.roles", AttributeType.STRING_SET);
    b.declare("user.groups", AttributeType.STRING_SET);
    b.declare("app", AttributeType.STRING);
    b.declare("request.action", AttributeType.STRING);
    b.declare("request.ip", AttributeType.IP);
    b.declare("request.time", AttributeType.TIME);
    b.declare("device.id", AttributeType.STRING);
    b.declare("device.platform", AttributeType.STRING);
    b.declare("device.managed", AttributeType.BOOL);
    b.declare("device.known", AttributeType.BOOL);
    b.declare("location.country", AttributeType.STRING);
    b.declare("auth.methods", AttributeType.FACTOR_SET);
    b.declare("auth.time", AttributeType.TIME);
    b.declare("risk.level", AttributeType.RISK_LEVEL);
    b.declare("risk.score", AttributeType.intBetween(0, 100));
    b.declare("target.app", AttributeType.STRING);
    return b;
  }

  /**
   * {@return the attribute called {@code name}, if the schema has one}
   *
   * @param name the attribute name
   */
  public Optional<Attribute> attribute(String name) {
    return Optional.ofNullable(byName.get(requireNonNull(name, "name")));
  }

  /** Returns the attribute called {@code name}, or null: the lookup of the name setters. */
  @Nullable Attribute attributeOrNull(String name) {
    return byName.get(name);
  }

  /**
   * {@return the attribute called {@code name}}
   *
   * @param name the attribute name
   * @throws IllegalArgumentException if the schema has no such attribute; the message suggests the
   *     nearest known name
   */
  public Attribute attributeOrThrow(String name) {
    Attribute attribute = byName.get(requireNonNull(name, "name"));
    if (attribute == null) {
      throw new IllegalArgumentException(unknownMessage(name));
    }
    return attribute;
  }

  /**
   * {@return the message for an unknown attribute name, with a suggestion when one is near}
   *
   * @param name the attribute name
   */
  public String unknownMessage(String name) {
    return "unknown attribute `"
        + name
        + "`"
        + nearest(name).map(s -> "; did you mean `" + s + "`?").orElse("");
  }

  /**
   * {@return the known attribute name nearest to a misspelt {@code name}, if one is close}
   *
   * @param name the attribute name
   */
  public Optional<String> nearest(String name) {
    return Suggestions.nearest(name, byName.keySet());
  }

  /**
   * {@return the slot of the attribute called {@code name}}
   *
   * @param name the attribute name
   * @throws IllegalArgumentException if the schema has no such attribute
   */
  public int slot(String name) {
    return attributeOrThrow(name).slot();
  }

  /**
   * {@return the attribute in {@code slot}}
   *
   * @param slot the attribute's slot
   */
  public Attribute attribute(int slot) {
    return attributes.get(slot);
  }

  /** {@return all attributes, ordered by slot} */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** {@return the names of all attributes, in slot order} */
  public Set<String> names() {
    return byName.keySet();
  }

  /** {@return the number of attributes, which is one more than the highest slot} */
  public int size() {
    return attributes.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && attributes.equals(s.attributes);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode();
  }

  @Override
  public String toString() {
    return "Schema" + attributes;
  }

  /** Declares attributes on top of a starting schema; reusable after {@link #build()}. */
  public static final class Builder {
    private final Map<String, Attribute> attributes = new LinkedHashMap<>();

    private Builder(List<Attribute> start) {
      for (Attribute attribute : start) {
        attributes.put(attribute.name(), attribute);
      }
    }

    /**
     * Declares an attribute; declaring {@code user.x} also declares {@code target.x}. Declaring an
     * attribute that exists with the same type is allowed and changes nothing.
     *
     * @param name the attribute name
     * @param type the attribute type
     * @return this builder
     * @throws IllegalArgumentException if the name is not a dotted lowercase name, or the attribute
     *     exists with another type
     */
    public Builder declare(String name, AttributeType type) {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "invalid attribute name `" + name + "`: use dotted lowercase names like `user.site`");
      }
      put(name, type);
      if (name.startsWith("user.")) {
        put("target." + name.substring("user.".length()), type);
      }
      return this;
    }

    private void put(String name, AttributeType type) {
      Attribute existing = attributes.get(name);
      if (existing != null) {
        if (!existing.type().equals(type)) {
          throw new IllegalArgumentException(
              "attribute `"
                  + name
                  + "` is already "
                  + article(existing.type())
                  + ", not "
                  + article(type));
        }
        return;
      }
      attributes.put(name, new Attribute(name, type, attributes.size()));
    }

    private static String article(AttributeType type) {
      String t = type.toString();
      return (t.startsWith("int") || t.equals("ip") ? "an " : "a ") + t;
    }

    /** {@return the schema declared so far} */
    public Schema build() {
      return new Schema(new ArrayList<>(attributes.values()));
    }
  }
}
