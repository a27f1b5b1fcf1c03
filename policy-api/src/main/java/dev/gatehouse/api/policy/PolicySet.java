package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable, validated set of policies over a {@link Schema}, with the named networks and
 * conditions they use; the input of the engine.
 *
 * <p>The policy language produces one; a host that keeps its rules elsewhere builds one in Java:
 *
 * <pre>{@code
 * PolicySet set = PolicySet.builder(Schema.standard())
 *     .add(AssignPolicy.builder("everyone-mail")
 *         .grant("mail", "user")
 *         .when(Condition.ne("user.employment", "contractor"))
 *         .build())
 *     .build();
 * }</pre>
 */
public final class PolicySet {

  private final Schema schema;
  private final Map<String, Network> networks;
  private final Map<String, Condition> conditions;
  private final List<Policy> policies;
  private final Map<String, Policy> byId;

  private PolicySet(Builder b) {
    this.schema = b.schema;
    this.networks = Collections.unmodifiableMap(new LinkedHashMap<>(b.networks));
    this.conditions = Collections.unmodifiableMap(new LinkedHashMap<>(b.conditions));
    this.policies = List.copyOf(b.policies);
    Map<String, Policy> map = new LinkedHashMap<>();
    for (Policy p : policies) {
      map.put(p.id(), p);
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /**
   * {@return a builder of a set over {@code schema}}
   *
   * @param schema the schema the policies are checked against
   */
  public static Builder builder(Schema schema) {
    return new Builder(requireNonNull(schema, "schema"));
  }

  /** {@return the schema the policies were checked against} */
  public Schema schema() {
    return schema;
  }

  /** {@return the named networks, in declaration order} */
  public Map<String, Network> networks() {
    return networks;
  }

  /** {@return the named conditions, in declaration order} */
  public Map<String, Condition> conditions() {
    return conditions;
  }

  /** {@return all policies, in declaration order} */
  public List<Policy> policies() {
    return policies;
  }

  /**
   * {@return the policies of one kind, such as {@code policies(AssignPolicy.class)}}
   *
   * @param <T> the policy class
   * @param kind the policy class
   */
  public <T extends Policy> List<T> policies(Class<T> kind) {
    return policies.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * {@return the policy with the given id, if there is one}
   *
   * @param id the policy id
   */
  public Optional<Policy> policy(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicySet s
        && schema.equals(s.schema)
        && networks.equals(s.networks)
        && conditions.equals(s.conditions)
        && policies.equals(s.policies);
  }

  @Override
  public int hashCode() {
    return policies.hashCode();
  }

  @Override
  public String toString() {
    return "PolicySet{"
        + policies.size()
        + " policies: "
        + policies.stream().map(Policy::id).collect(Collectors.joining(", "))
        + "}";
  }

  /** Collects networks, conditions and policies; {@link #build()} checks them all at once. */
  public static final class Builder {
    private final Schema schema;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private final List<Policy> policies = new ArrayList<>();

    private Builder(Schema schema) {
      this.schema = schema;
    }

    /**
     * Adds a named network.
     *
     * @param network the named network
     * @return this builder
     */
    public Builder network(Network network) {
      requireNonNull(network, "network");
      if (network.isInline()) {
        throw new IllegalArgumentException("a declared network needs a name: " + network);
      }
      networks.put(network.name(), network);
      return this;
    }

    /**
     * Adds a named condition.
     *
     * @param name the condition name
     * @param condition the condition
     * @return this builder
     */
    public Builder condition(String name, Condition condition) {
      conditions.put(requireNonNull(name, "name"), requireNonNull(condition, "condition"));
      return this;
    }

    /**
     * Adds a policy.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder add(Policy policy) {
      policies.add(requireNonNull(policy, "policy"));
      return this;
    }

    /**
     * Adds policies.
     *
     * @param policies the policies
     * @return this builder
     */
    public Builder addAll(Iterable<? extends Policy> policies) {
      policies.forEach(this::add);
      return this;
    }

    /**
     * {@return the set}
     *
     * @throws PolicyValidationException listing every duplicate id and every ill-typed or unknown
     *     attribute in any condition
     */
    public PolicySet build() {
      List<String> problems = new ArrayList<>();
      Map<String, Policy> seen = new LinkedHashMap<>();
      long total = 0;
      for (Policy p : policies) {
        Policy previous = seen.putIfAbsent(p.id(), p);
        if (previous != null) {
          problems.add(
              "duplicate policy id `"
                  + p.id()
                  + "` ("
                  + p.source()
                  + ", first at "
                  + previous.source()
                  + ")");
        }
        for (Condition c : p.conditions()) {
          total = ConditionChecker.saturatedAdd(total, ConditionChecker.expandedSize(c));
          String tooLarge = ConditionChecker.checkSize(c);
          List<String> found =
              tooLarge != null ? List.of(tooLarge) : ConditionChecker.check(schema, c);
          found.forEach(problem -> problems.add(p.kind() + " `" + p.id() + "`: " + problem));
        }
      }
      String tooMuch = ConditionChecker.checkTotalSize(total);
      if (tooMuch != null) {
        problems.add(tooMuch);
      }
      conditions.forEach(
          (name, c) -> {
            String tooLarge = ConditionChecker.checkSize(c);
            List<String> found =
                tooLarge != null ? List.of(tooLarge) : ConditionChecker.check(schema, c);
            found.forEach(problem -> problems.add("condition `" + name + "`: " + problem));
          });
      if (!problems.isEmpty()) {
        throw new PolicyValidationException(problems);
      }
      return new PolicySet(this);
    }
  }
}
