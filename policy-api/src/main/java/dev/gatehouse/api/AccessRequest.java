package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.internal.Suggestions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One request to decide: typed attribute values stored by slot, checked against a {@link Schema}
 * when built.
 *
 * <p>Ints, booleans, times (epoch milliseconds), durations (milliseconds) and ordered symbols
 * (their ordinal) are read with {@link #number(int)}; strings, sets and IP addresses with {@link
 * #string(int)}, {@link #set(int)} and {@link #ip(int)}. Reading never allocates.
 *
 * <pre>{@code
 * AccessRequest request = AccessRequest.builder(schema)
 *     .set("user.id", "u-1")
 *     .set("user.roles", Set.of("sysadmin"))
 *     .set("app", "payroll")
 *     .set("request.action", "access")
 *     .set("request.ip", "203.0.113.9")
 *     .set("request.time", Instant.parse("2026-11-29T10:00:00Z"))
 *     .build();
 * }</pre>
 *
 * <p>A host that builds many requests resolves each attribute once ({@link
 * Schema#attributeOrThrow(String)} gives the {@link Attribute} that serves as its handle), sets
 * values through it with no name lookup, hands over sets as {@link SortedStringSet} so they are not
 * copied, and keeps one builder per thread, {@link Builder#reset() reset} before each request:
 *
 * <pre>{@code
 * Attribute department = schema.attributeOrThrow("user.department");
 * Attribute ip = schema.attributeOrThrow("request.ip");
 * ...
 * builder.reset().set(department, user.department()).set(ip, remoteAddr);
 * Decision decision = policies.evaluate(builder.build());
 * }</pre>
 */
public final class AccessRequest {

  private static final long[] NO_WORDS = new long[0];
  private static final long[] NO_NUMBERS = new long[0];
  private static final Object[] NO_OBJECTS = new Object[0];

  /** What {@code toArray} is given: a new zero-length array would cost 16 B a set. */
  private static final String[] NO_STRINGS = new String[0];

  private final Schema schema;

  /** Which of slots 0 to 63 have a value, one bit each. */
  private final long present;

  /** Which of the slots from 64 on have a value; empty for a schema of at most 64 attributes. */
  private final long[] presentBeyond;

  /** The numeric forms, at {@link Schema#numberAt}; cut after the last one set. */
  private final long[] numbers;

  /**
   * The objects, at {@link Schema#objectAt}: the array the builder filled, taken over rather than
   * copied (it may run past the last object set), or empty.
   */
  private final @Nullable Object[] objects;

  private AccessRequest(Builder b) {
    this.schema = b.schema;
    this.present = b.present[0];
    this.presentBeyond =
        b.present.length == 1 ? NO_WORDS : Arrays.copyOfRange(b.present, 1, b.present.length);
    this.numbers = b.numbersUsed == 0 ? NO_NUMBERS : Arrays.copyOf(b.numbers, b.numbersUsed);
    this.objects = b.objectsUsed == 0 ? NO_OBJECTS : b.handOverObjects();
  }

  /**
   * {@return a builder for a request against {@code schema}}
   *
   * @param schema the schema to check values against
   */
  public static Builder builder(Schema schema) {
    return new Builder(requireNonNull(schema, "schema"));
  }

  /** {@return a builder holding this request's values, to derive a changed request} */
  public Builder toBuilder() {
    Builder b = new Builder(schema);
    b.present[0] = present;
    System.arraycopy(presentBeyond, 0, b.present, 1, presentBeyond.length);
    System.arraycopy(numbers, 0, b.numbers, 0, numbers.length);
    if (objects.length > 0) {
      b.objects = objects.clone();
    }
    b.numbersUsed = numbers.length;
    b.objectsUsed = objects.length;
    return b;
  }

  /** {@return the schema the request was checked against} */
  public Schema schema() {
    return schema;
  }

  /**
   * {@return whether the attribute in {@code slot} has a value}
   *
   * @param slot the attribute's slot
   */
  public boolean has(int slot) {
    // No bit beyond the schema's size is ever set, so slots 0 to 63 need no other check.
    if (slot >>> 6 == 0) {
      return (present & (1L << slot)) != 0;
    }
    int word = (slot >>> 6) - 1;
    return slot >= 0 && word < presentBeyond.length && (presentBeyond[word] & (1L << slot)) != 0;
  }

  /**
   * {@return whether the attribute called {@code name} has a value}
   *
   * @param name the attribute name
   */
  public boolean has(String name) {
    Attribute a = schema.attributeOrNull(requireNonNull(name, "name"));
    return a != null && has(a.slot());
  }

  /**
   * {@return the numeric form of the value in {@code slot}: the int, 1 or 0 for a bool, epoch
   * milliseconds for a time, milliseconds for a duration, the ordinal of an ordered symbol}
   *
   * @param slot the attribute's slot
   * @throws IllegalStateException if the slot has no value or holds a string, set or IP
   */
  public long number(int slot) {
    if (has(slot) && (schema.kinds[slot] & Schema.NUMERIC) != 0) {
      return numbers[schema.numberAt[slot]];
    }
    throw new IllegalStateException("`" + present(slot).name() + "` is not numeric");
  }

  /**
   * {@return the string in {@code slot}}
   *
   * @param slot the attribute's slot
   * @throws IllegalStateException if the slot has no value or is not a string
   */
  public String string(int slot) {
    return (String) typed(slot, AttributeType.Kind.STRING);
  }

  /**
   * {@return the set in {@code slot}}
   *
   * @param slot the attribute's slot
   * @throws IllegalStateException if the slot has no value or is not a set
   */
  @SuppressWarnings("unchecked")
  public Set<String> set(int slot) {
    return (Set<String>) typed(slot, AttributeType.Kind.SET);
  }

  /**
   * Returns the number of elements of the set in {@code slot}.
   *
   * @param slot the slot of a set attribute
   * @return the number of elements
   * @throws IllegalStateException if the slot has no value or is not a set
   */
  public int setSize(int slot) {
    return ((SortedStringSet) typed(slot, AttributeType.Kind.SET)).size();
  }

  /**
   * Returns element {@code index} of the set in {@code slot}, in sorted order; with {@link
   * #setSize(int)} this walks a set without allocating an iterator.
   *
   * @param slot the slot of a set attribute
   * @param index the element's position in sorted order
   * @return the element
   * @throws IllegalStateException if the slot has no value or is not a set
   * @throws IndexOutOfBoundsException if {@code index} is not below the set's size
   */
  public String setElement(int slot, int index) {
    return ((SortedStringSet) typed(slot, AttributeType.Kind.SET)).get(index);
  }

  /**
   * Returns the set in {@code slot}, whose type is an enumerated set such as {@code auth.methods},
   * as a bit set: bit {@code i} is set when the set holds the type's symbol {@code i}. Lets a
   * policy engine test several symbols at once without comparing strings.
   *
   * @param slot the slot of an enumerated set attribute
   * @return the bit set of the symbols' ordinals
   * @throws IllegalStateException if the slot has no value or is not an enumerated set
   */
  public long symbols(int slot) {
    int setOfSymbols = AttributeType.Kind.SET.ordinal() | Schema.ENUMERATED;
    if (!has(slot) || (schema.kinds[slot] & ~Schema.NUMERIC) != setOfSymbols) {
      throw new IllegalStateException("`" + present(slot).name() + "` is not an enumerated set");
    }
    return numbers[schema.numberAt[slot]];
  }

  /**
   * {@return the IP address in {@code slot}}
   *
   * @param slot the attribute's slot
   * @throws IllegalStateException if the slot has no value or is not an IP address
   */
  public IpAddress ip(int slot) {
    return (IpAddress) typed(slot, AttributeType.Kind.IP);
  }

  /**
   * {@return the value of the attribute called {@code name} in its natural Java type ({@code
   * String}, {@code Long}, {@code Boolean}, {@code Set<String>}, {@link IpAddress}, {@link
   * Instant}, {@link Duration}; an ordered value as its symbol), or empty if it has none}
   *
   * @param name the attribute name
   */
  public Optional<Object> value(String name) {
    return schema.attribute(name).filter(a -> has(a.slot())).map(a -> display(a));
  }

  private Object display(Attribute a) {
    switch (a.type().kind()) {
      case INT:
        return numbers[schema.numberAt[a.slot()]];
      case BOOL:
        return numbers[schema.numberAt[a.slot()]] != 0;
      case ORDERED:
        return a.type().symbols().get((int) numbers[schema.numberAt[a.slot()]]);
      default:
        return requireNonNull(objects[schema.objectAt[a.slot()]]);
    }
  }

  private Object typed(int slot, AttributeType.Kind kind) {
    if (!has(slot) || (schema.kinds[slot] & Schema.KIND) != kind.ordinal()) {
      Attribute attribute = present(slot);
      throw new IllegalStateException(
          "`" + attribute.name() + "` is " + Builder.article(attribute.type().toString()));
    }
    return requireNonNull(objects[schema.objectAt[slot]]);
  }

  private Attribute present(int slot) {
    if (!has(slot)) {
      throw new IllegalStateException(
          slot >= 0 && slot < schema.size()
              ? "`" + schema.attribute(slot).name() + "` has no value"
              : "no slot " + slot + " in the schema");
    }
    return schema.attribute(slot);
  }

  /** {@return the values that are set, by attribute name, in slot order} */
  public Map<String, Object> values() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Attribute a : schema.attributes()) {
      if (has(a.slot())) {
        map.put(a.name(), display(a));
      }
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessRequest r && schema.equals(r.schema) && values().equals(r.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return "AccessRequest" + values();
  }

  /**
   * Builds an {@link AccessRequest}, checking each value against the schema as it is set; a builder
   * can be reused after {@link #build()}, and {@link #reset()} empties it for the next request.
   *
   * <p>Each setter comes twice: by attribute name, and by the {@link Attribute} itself, resolved
   * once from the schema, which skips the name lookup. Not thread-safe: keep one per thread.
   */
  public static final class Builder {
    private final Schema schema;
    private final long[] present;
    private final long[] numbers;

    /**
     * The objects of the request being built, allocated on the first one set. {@link #build()}
     * hands the array to the request instead of copying it, and the builder then copies it on its
     * next change (or drops it on {@link #reset()}). That also keeps the array young: storing
     * references into an array of a long-lived builder would cost the collector's write barrier on
     * every value set.
     */
    private @Nullable Object @Nullable [] objects;

    /**
     * Whether {@link #objects} belongs to a built request too, and must be copied before a change.
     */
    private boolean objectsShared;

    /**
     * How long the last request's objects ran: the next array starts at that length, so that a host
     * building alike requests allocates one array of the right size each.
     */
    private int objectsHint;

    /** One more than the highest index of {@link #numbers} and {@link #objects} set so far. */
    private int numbersUsed;

    private int objectsUsed;

    private Builder(Schema schema) {
      this.schema = schema;
      this.present = new long[Math.max(1, (schema.size() + 63) >>> 6)];
      this.numbers = new long[schema.numbers];
    }

    /**
     * Sets a value given as text: a string, or the text form of an IP address, an ordered symbol
     * (such as {@code high}), an ISO-8601 instant or duration, an int or a bool.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown or the text is not a valid value
     *     of its type
     */
    public Builder set(String name, String value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets a value given as text, as {@link #set(String, String)} does. An IP address in one of its
     * common forms is read without allocating anything but the address.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the text is not a valid value of the attribute's type
     */
    public Builder set(Attribute attribute, String value) {
      Attribute a = own(attribute);
      requireValue(a, value);
      switch (a.type().kind()) {
        case STRING:
          if (a.slot() == schema.actionSlot && !isActionName(value)) {
            throw new InvalidRequestException(
                a.name(),
                value,
                "`"
                    + value
                    + "` is not an action:"
                    + " expected `signin`, `access` or a dotted lowercase admin action such as"
                    + " `user.create`");
          }
          return putObject(a, value);
        case IP:
          return putObject(a, parseIp(a, value));
        case ORDERED:
          return putNumber(a, symbol(a, value));
        case TIME:
          return set(a, parseInstant(a, value));
        case DURATION:
          return set(a, parseDuration(a, value));
        case INT:
          return set(a, parseLong(a, value));
        case BOOL:
          if (!value.equals("true") && !value.equals("false")) {
            throw wrongType(a, value, "`" + value + "`", "string");
          }
          return set(a, value.equals("true"));
        default:
          throw wrongType(a, value, "`" + value + "`", "string");
      }
    }

    /**
     * Sets an int value.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown, not an int, or the value is out
     *     of its range
     */
    public Builder set(String name, long value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets an int value.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the attribute is not an int, or the value is out of its
     *     range
     */
    public Builder set(Attribute attribute, long value) {
      Attribute a = own(attribute);
      if (a.type().kind() != AttributeType.Kind.INT) {
        throw wrongType(a, Long.toString(value), "int");
      }
      if (!a.type().accepts(value)) {
        throw new InvalidRequestException(
            a.name(),
            Long.toString(value),
            "value " + value + " of `" + a.name() + "` is out of range: expected " + a.type());
      }
      return putNumber(a, value);
    }

    /**
     * Sets a bool value.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown or not a bool
     */
    public Builder set(String name, boolean value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets a bool value.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the attribute is not a bool
     */
    public Builder set(Attribute attribute, boolean value) {
      Attribute a = own(attribute);
      if (a.type().kind() != AttributeType.Kind.BOOL) {
        throw wrongType(a, Boolean.toString(value), "bool");
      }
      return putNumber(a, value ? 1 : 0);
    }

    /**
     * Sets a time value.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown, not a time, or the instant is
     *     too far from 1970 to count in milliseconds
     */
    public Builder set(String name, Instant value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets a time value.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the attribute is not a time, or the instant is too far
     *     from 1970 to count in milliseconds
     */
    public Builder set(Attribute attribute, Instant value) {
      Attribute a = own(attribute);
      requireValue(a, value);
      if (a.type().kind() != AttributeType.Kind.TIME) {
        throw wrongType(a, value.toString(), "time");
      }
      long millis;
      try {
        millis = value.toEpochMilli();
      } catch (ArithmeticException e) {
        throw outOfRange(a, value.toString());
      }
      return put(a, millis, value);
    }

    /**
     * Sets a duration value.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown, not a duration, or too long to
     *     count in milliseconds
     */
    public Builder set(String name, Duration value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets a duration value.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the attribute is not a duration, or too long to count in
     *     milliseconds
     */
    public Builder set(Attribute attribute, Duration value) {
      Attribute a = own(attribute);
      requireValue(a, value);
      if (a.type().kind() != AttributeType.Kind.DURATION) {
        throw wrongType(a, value.toString(), "duration");
      }
      long millis;
      try {
        millis = value.toMillis();
      } catch (ArithmeticException e) {
        throw outOfRange(a, value.toString());
      }
      return put(a, millis, value);
    }

    /**
     * Sets an IP address value.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown or not an IP address
     */
    public Builder set(String name, IpAddress value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets an IP address value.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the attribute is not an IP address
     */
    public Builder set(Attribute attribute, IpAddress value) {
      Attribute a = own(attribute);
      requireValue(a, value);
      if (a.type().kind() != AttributeType.Kind.IP) {
        throw wrongType(a, value.toString(), "ip");
      }
      return putObject(a, value);
    }

    /**
     * Sets a set value; for {@code auth.methods} every element must be a known factor.
     *
     * @param name the attribute name
     * @param value the value
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown or not a set, an element is null,
     *     or an element is not one of the type's symbols
     */
    public Builder set(String name, Collection<String> value) {
      return set(attribute(name, value), value);
    }

    /**
     * Sets a set value; for {@code auth.methods} every element must be a known factor.
     *
     * <p>A {@link SortedStringSet} is kept as it is, since it cannot change; any other collection
     * is copied once into one (an array sorted in place), so changing it afterwards does not change
     * the request. A set of an enumerated type with few symbols, such as {@code auth.methods}, is
     * shared between requests holding the same symbols.
     *
     * @param attribute the attribute, from this builder's schema
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     * @throws InvalidRequestException if the attribute is not a set, an element is null, or an
     *     element is not one of the type's symbols
     */
    public Builder set(Attribute attribute, Collection<String> value) {
      Attribute a = own(attribute);
      requireValue(a, value);
      if (a.type().kind() != AttributeType.Kind.SET) {
        throw wrongType(a, value.toString(), "set<string>");
      }
      if (a.type().isEnumerated()) {
        long symbols = symbols(a, value);
        return put(a, symbols, schema.symbolSet(a.slot(), symbols));
      }
      if (value instanceof SortedStringSet s) {
        return putObject(a, s);
      }
      String[] elements = value.toArray(NO_STRINGS);
      for (String element : elements) {
        if (element == null) {
          throw nullElement(a, value);
        }
      }
      return putObject(a, SortedStringSet.ofUnsorted(elements));
    }

    private static long symbols(Attribute a, Collection<String> value) {
      long symbols = 0;
      if (value instanceof SortedStringSet s) {
        for (int i = 0; i < s.size(); i++) {
          symbols |= 1L << symbol(a, s.get(i));
        }
        return symbols;
      }
      // By index where that is cheap: the iterator would be the one allocation of the factors.
      if (value instanceof List<String> list && value instanceof RandomAccess) {
        for (int i = 0, n = list.size(); i < n; i++) {
          String element = list.get(i);
          if (element == null) {
            throw nullElement(a, value);
          }
          symbols |= 1L << symbol(a, element);
        }
        return symbols;
      }
      for (String element : value) {
        if (element == null) {
          throw nullElement(a, value);
        }
        symbols |= 1L << symbol(a, element);
      }
      return symbols;
    }

    private static InvalidRequestException nullElement(Attribute a, Collection<String> value) {
      return new InvalidRequestException(
          a.name(), value.toString(), "set `" + a.name() + "` holds a null element");
    }

    /**
     * Removes the value of an attribute.
     *
     * @param name the attribute name
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown
     */
    public Builder clear(String name) {
      return clear(attribute(name, ""));
    }

    /**
     * Removes the value of an attribute.
     *
     * @param attribute the attribute, from this builder's schema
     * @return this builder
     * @throws IllegalArgumentException if the attribute is not one of the schema's
     */
    public Builder clear(Attribute attribute) {
      int slot = own(attribute).slot();
      present[slot >>> 6] &= ~(1L << slot);
      int n = schema.numberAt[slot];
      if (n >= 0) {
        numbers[n] = 0;
      }
      int o = schema.objectAt[slot];
      if (o >= 0 && objects != null && o < objects.length) {
        writableObjects(o)[o] = null;
      }
      return this;
    }

    /**
     * Removes every value, so that the builder starts the next request empty without allocating
     * anything.
     *
     * @return this builder
     */
    public Builder reset() {
      Arrays.fill(present, 0);
      Arrays.fill(numbers, 0, numbersUsed, 0);
      objects = null;
      objectsShared = false;
      numbersUsed = 0;
      objectsUsed = 0;
      return this;
    }

    /**
     * Empties the builder and starts it from {@code base}'s values: the part of a request that
     * stays the same for a session, such as the user's attributes and how they signed in, built and
     * checked once, then taken in a few array copies for each request. Values set afterwards
     * replace base's; {@code base} itself never changes.
     *
     * @param base a request of this builder's schema (or an equal one)
     * @return this builder
     * @throws IllegalArgumentException if {@code base} is of another schema
     */
    public Builder reset(AccessRequest base) {
      requireNonNull(base, "base");
      if (base.schema != schema && !base.schema.equals(schema)) {
        throw new IllegalArgumentException("the base request is not of the builder's schema");
      }
      reset();
      present[0] = base.present;
      System.arraycopy(base.presentBeyond, 0, present, 1, base.presentBeyond.length);
      System.arraycopy(base.numbers, 0, numbers, 0, base.numbers.length);
      numbersUsed = base.numbers.length;
      if (base.objects.length > 0) {
        // Shared until the first change, which copies it: the request built may share it too.
        objects = base.objects;
        objectsShared = true;
        objectsUsed = base.objects.length;
      }
      return this;
    }

    /** {@return the schema values are checked against} */
    public Schema schema() {
      return schema;
    }

    /** {@return the request built so far} */
    public AccessRequest build() {
      return new AccessRequest(this);
    }

    /** Sets an attribute kept as an object alone: a string, an address, a set of strings. */
    private Builder putObject(Attribute a, Object object) {
      int slot = a.slot();
      present[slot >>> 6] |= 1L << slot;
      int o = schema.objectAt[slot];
      writableObjects(o)[o] = object;
      if (o >= objectsUsed) {
        objectsUsed = o + 1;
      }
      return this;
    }

    /** Sets an attribute kept as a number alone: an int, a bool, an ordered symbol. */
    private Builder putNumber(Attribute a, long number) {
      int slot = a.slot();
      present[slot >>> 6] |= 1L << slot;
      int n = schema.numberAt[slot];
      numbers[n] = number;
      if (n >= numbersUsed) {
        numbersUsed = n + 1;
      }
      return this;
    }

    private Builder put(Attribute a, long number, @Nullable Object object) {
      int slot = a.slot();
      present[slot >>> 6] |= 1L << slot;
      int n = schema.numberAt[slot];
      if (n >= 0) {
        numbers[n] = number;
        numbersUsed = Math.max(numbersUsed, n + 1);
      }
      int o = schema.objectAt[slot];
      if (o >= 0) {
        writableObjects(o)[o] = object;
        objectsUsed = Math.max(objectsUsed, o + 1);
      }
      return this;
    }

    /** Returns the builder's own array of objects, long enough to hold index {@code index}. */
    private @Nullable Object[] writableObjects(int index) {
      Object[] o = objects;
      if (o == null) {
        // The last request's length, unless this one goes further (or there was none): then all.
        o = new Object[index < objectsHint ? objectsHint : schema.objects];
        objects = o;
      } else if (objectsShared || index >= o.length) {
        o = Arrays.copyOf(o, index < o.length ? o.length : schema.objects);
        objects = o;
        objectsShared = false;
      }
      return o;
    }

    /** Gives the objects to the request being built; the builder copies them on its next change. */
    private @Nullable Object[] handOverObjects() {
      objectsShared = true;
      objectsHint = objectsUsed;
      return objects;
    }

    /** A null check without a capturing lambda: this runs for every value a host sets. */
    private static void requireValue(Attribute attribute, @Nullable Object value) {
      if (value == null) {
        throw new NullPointerException("value of `" + attribute.name() + "`");
      }
    }

    /** Returns {@code attribute} if it is of this builder's schema; refuses a foreign handle. */
    private Attribute own(Attribute attribute) {
      requireNonNull(attribute, "attribute");
      if (!schema.owns(attribute)) {
        throw new IllegalArgumentException(
            "attribute `" + attribute.name() + "` is not of the request's schema");
      }
      return attribute;
    }

    private Attribute attribute(String name, @Nullable Object value) {
      // No Optional or capturing lambda: this runs for every value set by name.
      Attribute attribute = schema.attributeOrNull(requireNonNull(name, "attribute name"));
      if (attribute == null) {
        throw new InvalidRequestException(name, String.valueOf(value), schema.unknownMessage(name));
      }
      return attribute;
    }

    /**
     * Returns whether {@code action} is a name the language can grant: lowercase words of {@code
     * a-z}, {@code 0-9} and {@code _} (not starting with a digit) joined by single dots. A scan of
     * the characters, since it runs for every request built.
     */
    static boolean isActionName(String action) {
      boolean wordStart = true;
      for (int i = 0; i < action.length(); i++) {
        char c = action.charAt(i);
        if (c == '.') {
          if (wordStart) {
            return false;
          }
          wordStart = true;
        } else if ((c >= 'a' && c <= 'z') || c == '_' || (!wordStart && c >= '0' && c <= '9')) {
          wordStart = false;
        } else {
          return false;
        }
      }
      return !wordStart;
    }

    private static InvalidRequestException wrongType(Attribute a, String value, String given) {
      return wrongType(a, value, value, given);
    }

    private static InvalidRequestException wrongType(
        Attribute a, String value, String shown, String given) {
      return new InvalidRequestException(
          a.name(),
          value,
          "attribute `"
              + a.name()
              + "` is "
              + article(a.type().toString())
              + ", not "
              + article(given)
              + " (got "
              + shown
              + ")");
    }

    private static String article(String type) {
      return (type.startsWith("int") || type.equals("ip") ? "an " : "a ") + type;
    }

    private static InvalidRequestException outOfRange(Attribute a, String value) {
      return new InvalidRequestException(
          a.name(),
          value,
          "value "
              + value
              + " of `"
              + a.name()
              + "` is out of range: it does not fit in"
              + " milliseconds");
    }

    private static InvalidRequestException unknownSymbol(Attribute a, String value) {
      String hint =
          Suggestions.nearest(value, a.type().symbols())
              .map(s -> "; did you mean `" + s + "`?")
              .orElse("; expected one of " + String.join(", ", a.type().symbols()));
      return new InvalidRequestException(
          a.name(), value, "`" + value + "` is not a value of `" + a.name() + "`" + hint);
    }

    private static int symbol(Attribute a, String value) {
      int ordinal = a.type().ordinal(value);
      if (ordinal < 0) {
        throw unknownSymbol(a, value);
      }
      return ordinal;
    }

    private static IpAddress parseIp(Attribute a, String value) {
      try {
        return IpAddress.parse(value);
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            a.name(), value, "attribute `" + a.name() + "`: " + e.getMessage());
      }
    }

    private static Instant parseInstant(Attribute a, String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            a.name(),
            value,
            "malformed time `"
                + value
                + "` for `"
                + a.name()
                + "`: expected an ISO-8601 instant such as 2026-11-29T10:00:00Z");
      }
    }

    private static Duration parseDuration(Attribute a, String value) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new InvalidRequestException(
            a.name(),
            value,
            "malformed duration `"
                + value
                + "` for `"
                + a.name()
                + "`: expected an ISO-8601 duration such as PT15M");
      }
    }

    private static long parseLong(Attribute a, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw wrongType(a, value, "`" + value + "`", "string");
      }
    }

    @Override
    public String toString() {
      return "AccessRequest.Builder" + Arrays.toString(objects);
    }
  }
}
