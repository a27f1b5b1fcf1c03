package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpNetwork;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of CIDR blocks, named ({@code network office = [...]}) or written inline in a condition
 * (then its name is empty).
 *
 * @param name the network name, or empty for an inline list
 * @param blocks the CIDR blocks, at least one
 */
public record Network(String name, List<IpNetwork> blocks) {

  /**
   * Checks the components and copies the list.
   *
   * @param name the network name, or empty for an inline list
   * @param blocks the CIDR blocks
   */
  public Network {
    requireNonNull(name, "name");
    blocks = List.copyOf(blocks);
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException(
          "network " + (name.isEmpty() ? "list" : "`" + name + "`") + " has no address block");
    }
  }

  /**
   * {@return a named network of the given CIDR blocks}
   *
   * @param name the network name
   * @param cidrs the CIDR blocks or single addresses
   * @throws IllegalArgumentException if a block is malformed or there is none
   */
  public static Network of(String name, String... cidrs) {
    return new Network(
        name, Arrays.stream(cidrs).map(IpNetwork::parse).collect(Collectors.toList()));
  }

  /**
   * {@return an unnamed network of the given CIDR blocks, as written inline in a condition}
   *
   * @param cidrs the CIDR blocks or single addresses
   */
  public static Network inline(String... cidrs) {
    return of("", cidrs);
  }

  /** {@return whether this network was written inline rather than named} */
  public boolean isInline() {
    return name.isEmpty();
  }

  /** Returns the name, or the block list as written when inline. */
  @Override
  public String toString() {
    return isInline()
        ? blocks.stream().map(IpNetwork::toString).collect(Collectors.joining(", ", "[", "]"))
        : name;
  }
}
