package dev.gatehouse.api;

import static java.util.Objects.requireNonNull;

/**
 * An attribute of a {@link Schema}: its dotted name, its type and the slot that requests and
 * compiled policies use instead of the name.
 *
 * <p>It is also the handle a host resolves once ({@link Schema#attributeOrThrow(String)}) and
 * passes to {@link AccessRequest.Builder#set(Attribute, String)} and its siblings, which then skip
 * the name lookup.
 *
 * @param name the dotted name, such as {@code user.department}
 * @param type the type of its values
 * @param slot its index in the schema, from 0
 */
public record Attribute(String name, AttributeType type, int slot) {

  /**
   * Checks the components.
   *
   * @param name the dotted name
   * @param type the type of its values
   * @param slot its index in the schema
   */
  public Attribute {
    requireNonNull(name, "name");
    requireNonNull(type, "type");
    if (slot < 0) {
      throw new IllegalArgumentException("negative slot " + slot + " for `" + name + "`");
    }
  }

  @Override
  public String toString() {
    return name + ": " + type;
  }
}
