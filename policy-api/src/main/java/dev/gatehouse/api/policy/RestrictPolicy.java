package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Allowed networks: when {@code when} is not false, a request to one of {@code apps} (every
 * request, when {@code apps} is empty) must come from one of the {@code allow} networks.
 *
 * <pre>{@code
 * RestrictPolicy office = RestrictPolicy.builder("payroll-from-office")
 *     .apps("payroll", "books")
 *     .allow(Network.of("office", "203.0.113.0/24"))
 *     .build();
 * }</pre>
 *
 * @param id the policy id
 * @param apps the apps covered, sorted; empty to cover every request
 * @param allow the allowed networks, at least one
 * @param when the condition under which the restriction applies
 * @param reportOnly whether the policy is only recorded, never enforced
 * @param source where the policy was written
 */
public record RestrictPolicy(
    String id,
    List<String> apps,
    List<Network> allow,
    Condition when,
    boolean reportOnly,
    SourceRef source)
    implements Policy {

  /**
   * Checks the components and copies the lists.
   *
   * @param id the policy id
   * @param apps the apps covered
   * @param allow the allowed networks
   * @param when the condition
   * @param reportOnly whether the policy is only recorded, never enforced
   * @param source where the policy was written
   */
  public RestrictPolicy {
    Policy.checkId(id);
    apps = List.copyOf(new TreeSet<>(apps));
    allow = List.copyOf(allow);
    if (allow.isEmpty()) {
      throw new IllegalArgumentException("restrict `" + id + "` allows no network");
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
    return "restrict";
  }

  @Override
  public List<Condition> conditions() {
    return List.of(when);
  }

  /**
   * {@return whether the policy covers a request to {@code app}; empty means sign-in}
   *
   * @param app the app id
   */
  public boolean covers(String app) {
    return apps.isEmpty() || apps.contains(app);
  }

  /** Builds a {@link RestrictPolicy}; reusable after {@link #build()}. */
  public static final class Builder extends PolicyBuilder.Conditional<Builder> {
    private final List<String> apps = new ArrayList<>();
    private final List<Network> allow = new ArrayList<>();

    private Builder(String id) {
      super(id);
    }

    /**
     * Limits the policy to these apps.
     *
     * @param apps the apps covered
     * @return this builder
     */
    public Builder apps(String... apps) {
      this.apps.addAll(Arrays.asList(apps));
      return this;
    }

    /**
     * Adds allowed networks.
     *
     * @param networks the networks
     * @return this builder
     */
    public Builder allow(Network... networks) {
      allow.addAll(Arrays.asList(networks));
      return this;
    }

    /**
     * {@return the policy}
     *
     * @throws IllegalArgumentException if no network was allowed
     */
    public RestrictPolicy build() {
      return new RestrictPolicy(id, apps, allow, when, reportOnly, source);
    }
  }
}
