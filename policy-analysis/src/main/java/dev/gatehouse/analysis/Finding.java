package dev.gatehouse.analysis;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.AccessRequest;
import java.util.List;

/**
 * One result of {@link PolicyAnalyzer}: what was proved about which policies, with the requests
 * that show it (each decided by the engine as the message says), or a query left undecided.
 *
 * @param kind what the finding is about
 * @param verdict {@code PROVED} for a finding the solver proved, {@code UNDECIDED} for a query that
 *     ran out of time (then the message names the question)
 * @param policies the ids of the policies concerned
 * @param message one lowercase line for a person
 * @param witnesses requests that show the finding; empty for an undecided query or a finding that
 *     no request can show (a policy that never applies)
 */
public record Finding(
    Kind kind,
    ProofResult.Verdict verdict,
    List<String> policies,
    String message,
    List<AccessRequest> witnesses) {

  /** What a finding is about. */
  public enum Kind {
    /** An {@code assign} whose grant another assign always gives too. */
    REDUNDANT_ASSIGN,
    /** A {@code restrict} or {@code authenticate} policy that applies to no complete request. */
    NEVER_APPLIES,
    /** Two {@code restrict} policies on one app with disjoint networks, both applying to a user. */
    DISJOINT_NETWORKS,
    /** An app or a role that some user reaches with no MFA requirement at all. */
    NO_MFA,
    /** A delegation whose targets include administrators of a delegation allowing more. */
    DELEGATION_ESCALATION
  }

  /**
   * Checks the components and copies the lists.
   *
   * @param kind what the finding is about
   * @param verdict proved or undecided
   * @param policies the policies concerned
   * @param message the line for a person
   * @param witnesses the requests that show it
   */
  public Finding {
    requireNonNull(kind, "kind");
    requireNonNull(verdict, "verdict");
    policies = List.copyOf(policies);
    requireNonNull(message, "message");
    witnesses = List.copyOf(witnesses);
  }
}
