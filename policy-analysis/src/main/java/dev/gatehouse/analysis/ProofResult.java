package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import java.util.Optional;

/**
 * The outcome of one solver query: proved, refuted by a witness request that the engine confirmed,
 * or undecided (out of time, or a witness that no request realizes).
 */
public final class ProofResult {

  /** What the query established. */
  public enum Verdict {
    /** The property holds for every request. */
    PROVED,
    /** A witness request shows that it does not; the engine confirmed it. */
    REFUTED,
    /** Neither: the time budget ran out, or the solver's witness did not hold in the engine. */
    UNDECIDED
  }

  private final Verdict verdict;
  private final AccessRequest witness;
  private final Decision before;
  private final Decision after;
  private final String detail;

  private ProofResult(
      Verdict verdict, AccessRequest witness, Decision before, Decision after, String detail) {
    this.verdict = verdict;
    this.witness = witness;
    this.before = before;
    this.after = after;
    this.detail = requireNonNull(detail, "detail");
  }

  static ProofResult proved(String detail) {
    return new ProofResult(Verdict.PROVED, null, null, null, detail);
  }

  static ProofResult refuted(
      AccessRequest witness, Decision before, Decision after, String detail) {
    return new ProofResult(
        Verdict.REFUTED, requireNonNull(witness, "witness"), before, after, detail);
  }

  static ProofResult undecided(String detail) {
    return new ProofResult(Verdict.UNDECIDED, null, null, null, detail);
  }

  /**
   * Returns what the query established.
   *
   * @return the verdict
   */
  public Verdict verdict() {
    return verdict;
  }

  /**
   * Returns the witness request of a refutation.
   *
   * @return the request, present exactly when the verdict is {@link Verdict#REFUTED}
   */
  public Optional<AccessRequest> witness() {
    return Optional.ofNullable(witness);
  }

  /**
   * Returns the first side's decision on the witness (the old policies for an equivalence).
   *
   * @return the decision, present when a witness is
   */
  public Optional<Decision> before() {
    return Optional.ofNullable(before);
  }

  /**
   * Returns the second side's decision on the witness, when the query compares two sides.
   *
   * @return the decision, present when the query compares two decisions on a witness
   */
  public Optional<Decision> after() {
    return Optional.ofNullable(after);
  }

  /**
   * Returns one line saying what was found, for a person.
   *
   * @return the detail
   */
  public String detail() {
    return detail;
  }

  @Override
  public String toString() {
    return verdict + ": " + detail + (witness == null ? "" : " " + witness);
  }
}
