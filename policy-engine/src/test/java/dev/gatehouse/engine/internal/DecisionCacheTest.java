package dev.gatehouse.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.api.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class DecisionCacheTest {

  private static final AccessRequest REQUEST = AccessRequest.builder(Schema.standard()).build();

  /** Outcome list {@code n} of {@code length} entries; lists of different n differ if not empty. */
  private static Outcomes outcomes(int n, int length) {
    Outcomes o = new Outcomes();
    o.reset(REQUEST, RequestKind.ACCESS, "app", n % 7);
    for (int i = 0; i < length; i++) {
      o.add(n * 16 + i, Outcomes.APPLIES);
    }
    return o;
  }

  private static Decision decision(int n) {
    return Decision.deny(new Reason(ReasonCode.INTERNAL_ERROR, "", "decision " + n));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4, 5, 9})
  void get_afterPut_returnsTheSharedDecision(int length) {
    DecisionCache cache = new DecisionCache(1 << 15);
    Outcomes o = outcomes(3, length);
    Decision d = decision(3);

    cache.put(o, o.signature(), d);

    assertThat(cache.get(outcomes(3, length), o.signature())).isSameAs(d);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 4, 6})
  void get_listThatDiffersAtOneOutcome_missesEvenWithTheSameSignature(int differing) {
    DecisionCache cache = new DecisionCache(1 << 15);
    Outcomes filed = outcomes(1, 7);
    cache.put(filed, filed.signature(), decision(1));
    Outcomes other = outcomes(1, 7);
    other.entries[differing] |= Outcomes.MFA_OK;

    assertThat(cache.get(other, filed.signature())).isNull();
  }

  @Test
  void get_listThatDiffersInAppOrLength_misses() {
    DecisionCache cache = new DecisionCache(1 << 15);
    Outcomes filed = outcomes(2, 3);
    cache.put(filed, filed.signature(), decision(2));
    Outcomes otherApp = outcomes(2, 3);
    otherApp.appIndex = 6;

    assertThat(cache.get(otherApp, filed.signature())).isNull();
    assertThat(cache.get(outcomes(2, 2), filed.signature())).isNull();
  }

  @Test
  void put_manyDecisions_keepsThem() {
    DecisionCache cache = new DecisionCache(1 << 15);
    List<Decision> filed = new ArrayList<>();
    for (int n = 0; n < 2_000; n++) {
      Outcomes o = outcomes(n, 1 + n % 6);
      filed.add(decision(n));
      cache.put(o, o.signature(), filed.get(n));
    }

    int found = 0;
    for (int n = 0; n < 2_000; n++) {
      Outcomes o = outcomes(n, 1 + n % 6);
      Decision d = cache.get(o, o.signature());
      if (d != null) {
        assertThat(d).isSameAs(filed.get(n));
        found++;
      }
    }
    // A table far from full loses an entry only when four probed slots are taken.
    assertThat(found).isGreaterThan(1_990);
  }

  @Test
  void stats_countMissesStoredEntriesAndReplacements() {
    DecisionCache cache = new DecisionCache(16);
    Outcomes o = outcomes(1, 2);

    assertThat(cache.get(o, o.signature())).isNull();
    cache.put(o, o.signature(), decision(1));
    cache.get(o, o.signature());
    cache.get(o, o.signature());

    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.evictions()).isZero();
    assertThat(cache.capacity()).isEqualTo(32);
    // Five lists on one signature fill the four probed slots, so the fifth replaces one.
    DecisionCache crowded = new DecisionCache(16);
    for (int n = 0; n < 5; n++) {
      crowded.put(outcomes(100 + n, 1), 7L, decision(n));
    }
    assertThat(crowded.size()).isEqualTo(4);
    assertThat(crowded.evictions()).isEqualTo(1);
  }

  @Test
  void put_pastCapacity_staysBoundedAndNeverAnswersWrongly() {
    DecisionCache cache = new DecisionCache(64);
    for (int n = 0; n < 10_000; n++) {
      Outcomes o = outcomes(n, 1 + n % 5);
      cache.put(o, o.signature(), decision(n));
    }

    assertThat(cache.size()).isLessThanOrEqualTo(64);
    for (int n = 0; n < 10_000; n++) {
      Outcomes o = outcomes(n, 1 + n % 5);
      Decision d = cache.get(o, o.signature());
      assertThat(d == null || d.reasons().get(0).message().equals("decision " + n)).isTrue();
    }
  }

  @Test
  void getAndPut_fromManyThreads_answerOnlyTheirOwnList() throws Exception {
    DecisionCache cache = new DecisionCache(1 << 15);
    Decision[] decisions = new Decision[5_000];
    for (int n = 0; n < decisions.length; n++) {
      decisions[n] = decision(n);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> hits = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        hits.add(
            pool.submit(
                () -> {
                  Random random = new Random(seed);
                  int hit = 0;
                  for (int k = 0; k < 50_000; k++) {
                    int n = random.nextInt(decisions.length);
                    Outcomes o = outcomes(n, 1 + n % 6);
                    Decision d = cache.get(o, o.signature());
                    if (d == null) {
                      cache.put(o, o.signature(), decisions[n]);
                    } else {
                      assertThat(d).isSameAs(decisions[n]);
                      hit++;
                    }
                  }
                  return hit;
                }));
      }
      for (Future<Integer> h : hits) {
        assertThat(h.get()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
