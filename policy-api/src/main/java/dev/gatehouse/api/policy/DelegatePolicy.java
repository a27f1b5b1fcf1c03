package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Security delegation: an administrator for whom {@code to} is true may perform the listed admin
 * actions on a target for which {@code on} is true.
 *
 * <p>An action is a dotted name ({@code user.create}); in the list, {@code user.*} covers every
 * action under {@code user.}, and {@code *} covers all.
 *
 * <pre>{@code
 * DelegatePolicy hr = DelegatePolicy.builder("hr-helpdesk")
 *     .to(Condition.contains("user.roles", "hr-manager"))
 *     .allow("user.create", "user.update", "user.reset_mfa")
 *     .on(Condition.ne("target.department", "Executive"))
 *     .build();
 * }</pre>
 *
 * @param id the policy id
 * @param to the condition the administrator must meet
 * @param actions the allowed actions and wildcard prefixes, sorted, at least one
 * @param on the condition the target must meet
 * @param reportOnly whether the policy is only recorded, never enforced
 * @param source where the policy was written
 */
public record DelegatePolicy(
    String id,
    Condition to,
    List<String> actions,
    Condition on,
    boolean reportOnly,
    SourceRef source)
    implements Policy {

  private static final Pattern ACTION =
      Pattern.compile("\\*|[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*(\\.\\*)?");

  /**
   * Checks the components and copies the list.
   *
   * @param id the policy id
   * @param to the condition the administrator must meet
   * @param actions the admin actions or wildcard prefixes
   * @param on the condition the target must meet
   * @param reportOnly whether the policy is only recorded, never enforced
   * @param source where the policy was written
   */
  public DelegatePolicy {
    Policy.checkId(id);
    requireNonNull(to, "to");
    actions = List.copyOf(new TreeSet<>(actions));
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("delegate `" + id + "` allows no action");
    }
    for (String action : actions) {
      if (!ACTION.matcher(action).matches()) {
        throw new IllegalArgumentException(
            "invalid admin action `"
                + action
                + "` in delegate `"
                + id
                + "`: use a dotted name like `user.create` or a wildcard like `user.*`");
      }
    }
    requireNonNull(on, "on");
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
    return "delegate";
  }

  @Override
  public List<Condition> conditions() {
    return List.of(to, on);
  }

  /**
   * {@return whether the allow-list covers {@code action}, directly or by a wildcard}
   *
   * @param action the admin action, such as {@code user.create}
   */
  public boolean allows(String action) {
    for (String allowed : actions) {
      if (allowed.equals("*") || allowed.equals(action)) {
        return true;
      }
      if (allowed.endsWith(".*") && action.startsWith(allowed.substring(0, allowed.length() - 1))) {
        return true;
      }
    }
    return false;
  }

  /** Builds a {@link DelegatePolicy}; reusable after {@link #build()}. */
  public static final class Builder extends PolicyBuilder<Builder> {
    private Condition to = Condition.ALWAYS;
    private final List<String> actions = new ArrayList<>();
    private Condition on = Condition.ALWAYS;

    private Builder(String id) {
      super(id);
    }

    /**
     * Sets the condition the administrator must meet.
     *
     * @param to the condition the administrator must meet
     * @return this builder
     */
    public Builder to(Condition to) {
      this.to = requireNonNull(to, "to");
      return this;
    }

    /**
     * Adds allowed actions or wildcard prefixes.
     *
     * @param actions the admin actions or wildcard prefixes
     * @return this builder
     */
    public Builder allow(String... actions) {
      this.actions.addAll(Arrays.asList(actions));
      return this;
    }

    /**
     * Sets the condition the target must meet.
     *
     * @param on the condition the target must meet
     * @return this builder
     */
    public Builder on(Condition on) {
      this.on = requireNonNull(on, "on");
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalArgumentException if no action was allowed or one is malformed
     */
    public DelegatePolicy build() {
      return new DelegatePolicy(id, to, actions, on, reportOnly, source);
    }
  }
}
