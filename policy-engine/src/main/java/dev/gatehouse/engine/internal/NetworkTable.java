package dev.gatehouse.engine.internal;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every network of every policy, flattened into one sorted list of disjoint address ranges over the
 * 128-bit space (IPv4 lives in the IPv4-mapped block), each range holding the sorted ids of the
 * networks that contain it. "Which networks contain this address" is one binary search and returns
 * a shared array: no allocation.
 */
public final class NetworkTable {

  private static final int[] NONE = new int[0];

  private final Map<Network, Integer> ids;

  /** Range starts, as 128-bit numbers split in two arrays, ascending unsigned. */
  private final long[] startHi;

  private final long[] startLo;

  /** The networks containing the range that begins at the same index. */
  private final int[][] members;

  private NetworkTable(Map<Network, Integer> ids, long[] hi, long[] lo, int[][] members) {
    this.ids = ids;
    this.startHi = hi;
    this.startLo = lo;
    this.members = members;
  }

  /** Builds the table of the given networks; equal networks share an id. */
  public static NetworkTable of(List<Network> networks) {
    Map<Network, Integer> ids = new LinkedHashMap<>();
    for (Network n : networks) {
      ids.putIfAbsent(n, ids.size());
    }
    // Sweep: at each boundary, the networks starting there join and those ending there leave.
    TreeMap<IpAddress, List<int[]>> events = new TreeMap<>();
    for (Map.Entry<Network, Integer> e : ids.entrySet()) {
      for (IpNetwork block : e.getKey().blocks()) {
        events
            .computeIfAbsent(block.first(), k -> new ArrayList<>())
            .add(new int[] {e.getValue(), 1});
        IpAddress last = block.last();
        if (last.hi() != -1L || last.lo() != -1L) {
          IpAddress next =
              last.lo() == -1L
                  ? IpAddress.of128(last.hi() + 1, 0)
                  : IpAddress.of128(last.hi(), last.lo() + 1);
          events.computeIfAbsent(next, k -> new ArrayList<>()).add(new int[] {e.getValue(), -1});
        }
      }
    }
    int n = events.size();
    long[] hi = new long[n];
    long[] lo = new long[n];
    int[][] members = new int[n][];
    int[] depth = new int[ids.size()];
    Map<List<Integer>, int[]> interned = new HashMap<>();
    int k = 0;
    for (Map.Entry<IpAddress, List<int[]>> e : events.entrySet()) {
      for (int[] change : e.getValue()) {
        depth[change[0]] += change[1];
      }
      hi[k] = e.getKey().hi();
      lo[k] = e.getKey().lo();
      members[k] = intern(depth, interned);
      k++;
    }
    return new NetworkTable(ids, hi, lo, members);
  }

  private static int[] intern(int[] depth, Map<List<Integer>, int[]> interned) {
    List<Integer> active = new ArrayList<>();
    for (int id = 0; id < depth.length; id++) {
      if (depth[id] > 0) {
        active.add(id);
      }
    }
    if (active.isEmpty()) {
      return NONE;
    }
    return interned.computeIfAbsent(active, a -> a.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Returns the id of {@code network}, which must be one the table was built from. */
  public int id(Network network) {
    Integer id = ids.get(network);
    if (id == null) {
      throw new IllegalArgumentException("network not in the table: " + network);
    }
    return id;
  }

  /** Returns the sorted ids of the networks containing {@code ip}; do not modify. */
  public int[] containing(IpAddress ip) {
    long hi = ip.hi();
    long lo = ip.lo();
    int low = 0;
    int high = startHi.length - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = Long.compareUnsigned(startHi[mid], hi);
      if (c == 0) {
        c = Long.compareUnsigned(startLo[mid], lo);
      }
      if (c <= 0) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found < 0 ? NONE : members[found];
  }

  /** Returns the number of disjoint ranges. */
  public int ranges() {
    return startHi.length;
  }

  /** Returns whether the sorted arrays {@code a} and {@code b} share an element. */
  public static boolean intersects(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        return true;
      }
      if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "NetworkTable{"
        + ids.size()
        + " networks, "
        + startHi.length
        + " ranges, "
        + Arrays.stream(members).distinct().count()
        + " distinct member lists}";
  }
}
