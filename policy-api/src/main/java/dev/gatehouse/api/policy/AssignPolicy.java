package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditional assignment: every user for whom {@code when} is true gets each grant's app and role.
 *
 * <pre>{@code
 * AssignPolicy books = AssignPolicy.builder("finance-books")
 *     .grant("books", "accountant")
 *     .when(Condition.in("user.department", "Finance", "Accounting"))
 *     .build();
 * }</pre>
 *
 * @param id the policy id
 * @param grants the apps and roles given, at least one
 * @param when the condition a user must meet
 * @param reportOnly whether the policy is only recorded, never enforced
 * @param source where the policy was written
 */
public record AssignPolicy(
    String id, List<Grant> grants, Condition when, boolean reportOnly, SourceRef source)
    implements Policy {

  /**
   * Checks the components and copies the list.
   *
   * @param id the policy id
   * @param grants the apps and roles given
   * @param when the condition
   * @param reportOnly whether the policy is only recorded, never enforced
   * @param source where the policy was written
   */
  public AssignPolicy {
    Policy.checkId(id);
    grants = List.copyOf(grants);
    if (grants.isEmpty()) {
      throw new IllegalArgumentException("assign `" + id + "` grants no app");
    }
    requireNonNull(when, "when");
    requireNonNull(source, "source");
  }

  /**
   * {@return a builder for a policy with the given id}
   *
   * @param id the policy id
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  @Override
  public String kind() {
    return "assign";
  }

  @Override
  public List<Condition> conditions() {
    return List.of(when);
  }

  /** Builds an {@link AssignPolicy}; reusable after {@link #build()}. */
  public static final class Builder extends PolicyBuilder.Conditional<Builder> {
    private final List<Grant> grants = new ArrayList<>();

    private Builder(String id) {
      super(id);
    }

    /**
     * Adds an app and the role in it to grant.
     *
     * @param app the app id
     * @param role the role
     * @return this builder
     */
    public Builder grant(String app, String role) {
      grants.add(new Grant(app, role));
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalArgumentException if no grant was added
     */
    public AssignPolicy build() {
      return new AssignPolicy(id, grants, when, reportOnly, source);
    }
  }
}
