package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.internal.Suggestions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 */
public final class AccessRequest {

  private final Schema schema;
  private final long[] present;
  private final long[] numbers;
  private final @Nullable Object[] objects;

  private AccessRequest(Builder b) {
    this.schema = b.schema;
    this.present = b.present.clone();
    this.numbers = b.numbers.clone();
    this.objects = b.objects.clone();
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
    System.arraycopy(present, 0, b.present, 0, present.length);
    System.arraycopy(numbers, 0, b.numbers, 0, numbers.length);
    System.arraycopy(objects, 0, b.objects, 0, objects.length);
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
    return slot >= 0 && slot < numbers.length && (present[slot >>> 6] & (1L << slot)) != 0;
  }

  /**
   * {@return whether the attribute called {@code name} has a value}
   *
   * @param name the attribute name
   */
  public boolean has(String name) {
    return schema.attribute(name).map(a -> has(a.slot())).orElse(false);
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
      return numbers[slot];
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
    return numbers[slot];
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
    long n = numbers[a.slot()];
    switch (a.type().kind()) {
      case INT:
        return n;
      case BOOL:
        return n != 0;
      case ORDERED:
        return a.type().symbols().get((int) n);
      default:
        return requireNonNull(objects[a.slot()]);
    }
  }

  private Object typed(int slot, AttributeType.Kind kind) {
    if (!has(slot) || (schema.kinds[slot] & Schema.KIND) != kind.ordinal()) {
      Attribute attribute = present(slot);
      throw new IllegalStateException(
          "`" + attribute.name() + "` is " + Builder.article(attribute.type().toString()));
    }
    return requireNonNull(objects[slot]);
  }

  private Attribute present(int slot) {
    if (!has(slot)) {
      throw new IllegalStateException(
          slot >= 0 && slot < numbers.length
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
   * can be reused after {@link #build()}.
   */
  public static final class Builder {
    private final Schema schema;
    private final long[] present;
    private final long[] numbers;
    private final @Nullable Object[] objects;

    private Builder(Schema schema) {
      this.schema = schema;
      this.present = new long[(schema.size() + 63) >>> 6];
      this.numbers = new long[schema.size()];
      this.objects = new Object[schema.size()];
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
      Attribute a = attribute(name, value);
      requireNonNull(value, () -> "value of `" + name + "`");
      switch (a.type().kind()) {
        case STRING:
          if (a.slot() == schema.actionSlot && !isActionName(value)) {
            throw new InvalidRequestException(
                name,
                value,
                "`"
                    + value
                    + "` is not an action:"
                    + " expected `signin`, `access` or a dotted lowercase admin action such as"
                    + " `user.create`");
          }
          return put(a, 0, value);
        case IP:
          return put(a, 0, parseIp(a, value));
        case ORDERED:
          return put(a, symbol(a, value), null);
        case TIME:
          return set(name, parseInstant(a, value));
        case DURATION:
          return set(name, parseDuration(a, value));
        case INT:
          return set(name, parseLong(a, value));
        case BOOL:
          if (!value.equals("true") && !value.equals("false")) {
            throw wrongType(a, value, "`" + value + "`", "string");
          }
          return set(name, value.equals("true"));
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
      Attribute a = attribute(name, value);
      if (a.type().kind() != AttributeType.Kind.INT) {
        throw wrongType(a, Long.toString(value), "int");
      }
      if (!a.type().accepts(value)) {
        throw new InvalidRequestException(
            name,
            Long.toString(value),
            "value " + value + " of `" + name + "` is out of range: expected " + a.type());
      }
      return put(a, value, null);
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
      Attribute a = attribute(name, value);
      if (a.type().kind() != AttributeType.Kind.BOOL) {
        throw wrongType(a, Boolean.toString(value), "bool");
      }
      return put(a, value ? 1 : 0, null);
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
      Attribute a = attribute(name, value);
      requireNonNull(value, () -> "value of `" + name + "`");
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
      Attribute a = attribute(name, value);
      requireNonNull(value, () -> "value of `" + name + "`");
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
      Attribute a = attribute(name, value);
      requireNonNull(value, () -> "value of `" + name + "`");
      if (a.type().kind() != AttributeType.Kind.IP) {
        throw wrongType(a, value.toString(), "ip");
      }
      return put(a, 0, value);
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
      Attribute a = attribute(name, value);
      requireNonNull(value, () -> "value of `" + name + "`");
      if (a.type().kind() != AttributeType.Kind.SET) {
        throw wrongType(a, value.toString(), "set<string>");
      }
      long symbols = 0;
      for (String element : value) {
        if (element == null) {
          throw new InvalidRequestException(
              name, value.toString(), "set `" + name + "` holds a null element");
        }
        if (a.type().isEnumerated()) {
          int ordinal = a.type().ordinal(element);
          if (ordinal < 0) {
            throw unknownSymbol(a, element);
          }
          symbols |= 1L << ordinal;
        }
      }
      return put(a, symbols, new SortedStringSet(new TreeSet<>(value).toArray(new String[0])));
    }

    /**
     * Removes the value of an attribute.
     *
     * @param name the attribute name
     * @return this builder
     * @throws InvalidRequestException if the attribute is unknown
     */
    public Builder clear(String name) {
      int slot = attribute(name, "").slot();
      present[slot >>> 6] &= ~(1L << slot);
      numbers[slot] = 0;
      objects[slot] = null;
      return this;
    }

    /** {@return the request built so far} */
    public AccessRequest build() {
      return new AccessRequest(this);
    }

    private Builder put(Attribute a, long number, @Nullable Object object) {
      int slot = a.slot();
      present[slot >>> 6] |= 1L << slot;
      numbers[slot] = number;
      objects[slot] = object;
      return this;
    }

    private Attribute attribute(String name, @Nullable Object value) {
      requireNonNull(name, "attribute name");
      return schema
          .attribute(name)
          .orElseThrow(
              () ->
                  new InvalidRequestException(
                      name, String.valueOf(value), schema.unknownMessage(name)));
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
