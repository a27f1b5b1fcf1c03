package dev.gatehouse.engine.internal;

import dev.gatehouse.api.AccessRequest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Per-thread scratch state of one evaluation, so that the compiled structure stays immutable and
 * the hot path allocates nothing: candidate de-duplication stamps, the candidate list, cached
 * network lookups and the outcome buffer.
 */
final class Frame {

  private static final int SCAN_LIMIT = 32;

  /**
   * Stamps by policy, made only when a request has more than {@link #SCAN_LIMIT} candidates: a
   * frame per thread (or per virtual thread) then stays small whatever the number of policies.
   */
  private int @Nullable [] seen;

  private final int policies;
  private int epoch;
  int[] candidates = new int[64];
  int candidateCount;
  final Outcomes outcomes = new Outcomes();

  /** The request's {@code auth.methods} as a bit per {@link dev.gatehouse.api.Factor}. */
  int factors;

  /**
   * Milliseconds since the strongest factor (negative if it lies in the future), or {@link
   * Freshness#UNKNOWABLE} if either time is missing or the difference overflows.
   */
  long authAge;

  private final int[] ipEpoch;
  private final int[][] ipHits;

  Frame(int policies, int slots) {
    this.policies = policies;
    this.ipEpoch = new int[slots];
    this.ipHits = new int[slots][];
  }

  /** Starts an evaluation: forgets the candidates and cached lookups of the previous one. */
  void begin() {
    if (++epoch == 0) {
      // After 2^32 evaluations the stamps wrap; clear them so that no stale stamp matches.
      if (seen != null) {
        Arrays.fill(seen, 0);
      }
      Arrays.fill(ipEpoch, 0);
      epoch = 1;
    }
    candidateCount = 0;
  }

  /** Reads once per request what every authenticate policy checks. */
  void readAuthentication(AccessRequest r, PolicyTable t) {
    // auth.methods is the enumerated set of factors, in Factor order.
    factors = r.has(t.methods) ? (int) r.symbols(t.methods) : 0;
    authAge =
        r.has(t.time) && r.has(t.authTime)
            ? Freshness.age(r.number(t.time), r.number(t.authTime))
            : Freshness.UNKNOWABLE;
  }

  /**
   * Adds policy {@code p} to the candidates unless it is there already. A request has few
   * candidates, so a scan of the list (in the first-level cache) usually beats a stamp in an array
   * as long as the policies; past {@link #SCAN_LIMIT} the stamps take over.
   */
  void offer(int p) {
    if (candidateCount < SCAN_LIMIT) {
      for (int i = 0; i < candidateCount; i++) {
        if (candidates[i] == p) {
          return;
        }
      }
    } else if (seen[p] == epoch) {
      return;
    }
    if (candidateCount == candidates.length) {
      candidates = Arrays.copyOf(candidates, candidateCount * 2);
    }
    candidates[candidateCount++] = p;
    if (candidateCount == SCAN_LIMIT) {
      if (seen == null) {
        seen = new int[policies];
      }
      for (int i = 0; i < candidateCount; i++) {
        seen[candidates[i]] = epoch;
      }
    } else if (candidateCount > SCAN_LIMIT) {
      seen[p] = epoch;
    }
  }

  /** Returns whether policy {@code p} was offered in this evaluation. */
  boolean offered(int p) {
    if (candidateCount < SCAN_LIMIT) {
      for (int i = 0; i < candidateCount; i++) {
        if (candidates[i] == p) {
          return true;
        }
      }
      return false;
    }
    return seen[p] == epoch;
  }

  /** Returns the networks containing the address in {@code slot}, looked up once per request. */
  int[] networks(AccessRequest r, int slot, NetworkTable table) {
    if (ipEpoch[slot] != epoch) {
      ipEpoch[slot] = epoch;
      ipHits[slot] = table.containing(r.ip(slot));
    }
    return ipHits[slot];
  }
}
