package dev.gatehouse.engine.internal;

import dev.gatehouse.api.AccessRequest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What the policies relevant to one request did: one entry per policy that did not evaluate to
 * false, as {@code index << 8 | bits}. Both evaluators fill it and the {@link Combiner} turns it
 * into a decision. A mutable buffer, reused per thread by the compiled engine.
 */
public final class Outcomes {

  /** Assign, delegate: the condition is true. Restrict, authenticate: it is not false. */
  public static final int APPLIES = 1;

  /** The condition is unknown because the request lacks an attribute it reads. */
  public static final int UNKNOWN = 2;

  /** Restrict: the client address is in an allowed network. */
  public static final int NET_OK = 4;

  /** Authenticate: {@code auth.methods} holds {@code sso}. */
  public static final int SSO_OK = 8;

  /** Authenticate: a listed factor is in {@code auth.methods} and recent enough. */
  public static final int MFA_OK = 16;

  /** {@link #lacking}: the request has no {@code request.ip}. */
  static final int LACKS_IP = 1;

  /** {@link #lacking}: the request has no {@code auth.methods}. */
  static final int LACKS_METHODS = 2;

  /** {@link #lacking}: the request has no {@code auth.time}. */
  static final int LACKS_AUTH_TIME = 4;

  /** {@link #lacking}: the request has no {@code request.time}. */
  static final int LACKS_TIME = 8;

  RequestKind kind = RequestKind.SIGNIN;
  int appIndex = -1;
  @Nullable String app;
  boolean actionMissing;

  /**
   * Which of the attributes the semantics itself reads ({@code request.ip}, {@code auth.methods},
   * {@code auth.time}, {@code request.time}) the request lacks, as {@link #LACKS_IP} and its
   * siblings: the combiner names them, so decisions are shared only between requests that lack the
   * same ones.
   */
  int lacking;

  @Nullable AccessRequest request;

  /** The combiner's working lists, kept for the next request this buffer holds. */
  @Nullable Combiner combiner;

  int[] entries = new int[16];
  int count;

  /** Starts a new request, forgetting the previous one's entries. */
  public void reset(AccessRequest request, RequestKind kind, @Nullable String app, int appIndex) {
    this.request = request;
    this.lacking = 0;
    this.kind = kind;
    this.app = app;
    this.appIndex = appIndex;
    this.actionMissing = false;
    this.count = 0;
  }

  /** Starts a request that lacks {@code request.action}. */
  public void resetMissingAction(AccessRequest request) {
    reset(request, RequestKind.SIGNIN, null, -1);
    this.actionMissing = true;
  }

  /** Notes that the request lacks a semantic attribute, one of {@link #LACKS_IP} and siblings. */
  void lacks(int attribute) {
    lacking |= attribute;
  }

  /** Records the outcome bits of policy {@code index}. */
  public void add(int index, int bits) {
    if (count == entries.length) {
      entries = Arrays.copyOf(entries, count * 2);
    }
    entries[count++] = index << 8 | bits;
  }

  /** Gaps for {@link #sort()} (Ciura's sequence), largest first. */
  private static final int[] GAPS = {701, 301, 132, 57, 23, 10, 4, 1};

  /**
   * Sorts the entries by policy index, so that equal outcomes have equal entry arrays. A Shell sort
   * in place: {@link Arrays#sort(int[], int, int)} may allocate a merge buffer for a long list that
   * is partly sorted, and this is the evaluation path.
   */
  public void sort() {
    int[] a = entries;
    for (int gap : GAPS) {
      for (int i = gap; i < count; i++) {
        int v = a[i];
        int j = i;
        while (j >= gap && a[j - gap] > v) {
          a[j] = a[j - gap];
          j -= gap;
        }
        a[j] = v;
      }
    }
  }

  /** Returns a hash of everything the combiner reads other than missing-attribute details. */
  long signature() {
    long h =
        kind.ordinal() * 0x9E3779B97F4A7C15L
            + appIndex * 31L
            + (actionMissing ? 7 : 0)
            + lacking * 0x632BE59BD9B4E019L;
    for (int i = 0; i < count; i++) {
      h = (h ^ entries[i]) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  /** Returns whether {@code key}, made by {@link #key()}, holds exactly this outcome list. */
  boolean sameAs(int[] key) {
    if (key.length != count + 2 || key[0] != appIndex || key[1] != flags()) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      if (key[i + 2] != entries[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns an immutable copy of everything the combiner reads besides missing-attribute details,
   * as one array: the app index, the flags, then the entries.
   */
  int[] key() {
    int[] key = new int[count + 2];
    key[0] = appIndex;
    key[1] = flags();
    System.arraycopy(entries, 0, key, 2, count);
    return key;
  }

  private int flags() {
    return kind.ordinal() | (actionMissing ? 4 : 0) | lacking << 3;
  }
}
