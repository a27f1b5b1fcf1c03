package dev.gatehouse.api.policy;

import static java.util.Objects.requireNonNull;

/**
 * What every policy builder sets the same way: the id, report-only and the source. {@code B} is the
 * concrete builder, so that each setter returns it and calls chain.
 *
 * @param <B> the concrete builder
 */
abstract class PolicyBuilder<B extends PolicyBuilder<B>> {
  final String id;
  boolean reportOnly;
  SourceRef source = SourceRef.NONE;

  PolicyBuilder(String id) {
    this.id = Policy.checkId(id);
  }

  /** Returns this builder as its concrete type. */
  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Marks the policy report-only.
   *
   * @return this builder
   */
  public B reportOnly() {
    this.reportOnly = true;
    return self();
  }

  /**
   * Sets where the policy was written.
   *
   * @param source where the policy was written
   * @return this builder
   */
  public B source(SourceRef source) {
    this.source = requireNonNull(source, "source");
    return self();
  }

  /**
   * A builder of a policy with one {@code when} condition: assign, restrict and authenticate.
   *
   * @param <B> the concrete builder
   */
  abstract static class Conditional<B extends Conditional<B>> extends PolicyBuilder<B> {
    Condition when = Condition.ALWAYS;

    Conditional(String id) {
      super(id);
    }

    /**
     * Sets the condition; without one the policy applies to everyone.
     *
     * @param when the condition
     * @return this builder
     */
    public B when(Condition when) {
      this.when = requireNonNull(when, "when");
      return self();
    }
  }
}
