package dev.gatehouse.dashboard.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.monitor.RiskLevel;
import dev.gatehouse.monitor.SignInEvent;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of each dashboard view, computed on the server in one pass over the filtered events. */
public final class Views {

  /** The JSON mapper of every view. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** The longest page of events one request returns. */
  public static final int MAX_PAGE = 200;

  /** How many rows each "top" table holds. */
  public static final int TOP = 10;

  private static final long MINUTE = 60_000L;
  private static final long[] BUCKETS = {
    MINUTE,
    5 * MINUTE,
    15 * MINUTE,
    60 * MINUTE,
    180 * MINUTE,
    360 * MINUTE,
    720 * MINUTE,
    1440 * MINUTE,
    7 * 1440 * MINUTE
  };
  private static final int MAX_BUCKETS = 96;
  private static final int OUTCOMES = SignInEvent.Outcome.values().length;
  private static final int LEVELS = RiskLevel.values().length;
  private static final int SIGNALS = dev.gatehouse.monitor.SignalKind.values().length;

  private Views() {}

  /**
   * Returns the headline figures and every chart and table of the filtered events.
   *
   * @param q the query
   * @param reportOnly the report-only index, or null without running policies
   * @return the summary
   */
  public static ObjectNode summary(Query q, @Nullable ReportOnlyIndex reportOnly) {
    return summary(q, reportOnly, 0, 0);
  }

  /**
   * Returns the summary of the filtered events and, in the same pass, the page of them at {@code
   * offset} of {@code limit} events (no page when {@code limit} is 0).
   *
   * @param q the query
   * @param reportOnly the report-only index, or null without running policies
   * @param offset how many matches to skip before the page
   * @param limit how many events the page holds, at most {@link #MAX_PAGE}
   * @return the summary, with the page under {@code page}
   */
  public static ObjectNode summary(
      Query q, @Nullable ReportOnlyIndex reportOnly, int offset, int limit) {
    if (offset < 0 || limit < 0 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "`offset` must be at least 0 and `limit` in 1.." + MAX_PAGE);
    }
    int[] page = new int[limit];
    int inPage = 0;
    EventIndex x = q.index;
    long[] byOutcome = new long[OUTCOMES];
    long[] byCountry = new long[x.countries.size() + 1];
    long[] byPlatform = new long[x.platforms.size() + 1];
    long[] byLevel = new long[LEVELS];
    long[][] signalsByLevel = new long[LEVELS][SIGNALS];
    int[] userFailures = new int[x.users.size()];
    int[] ipFailures = new int[x.ips.size()];
    int[] netFailures = new int[x.nets.size()];
    BitSet users = new BitSet(x.users.size());
    BitSet ips = new BitSet(x.ips.size());
    int ro = reportOnly == null ? 0 : reportOnly.ids.size();
    long[] roDenied = new long[ro];
    long[] roChallenged = new long[ro];
    BitSet[] roUsers = new BitSet[ro];
    long total = 0;
    int failed = SignInEvent.Outcome.FAILED_CREDENTIALS.ordinal();
    // The buckets span the query's period as the index holds it, so one pass fills them.
    long bucket = 0;
    long first = 0;
    long[][] series = null;
    if (q.start < q.end) {
      long newestInRange = x.time[q.start];
      long oldestInRange = x.time[q.end - 1];
      bucket = bucket(newestInRange - oldestInRange + 1);
      first = Math.floorDiv(oldestInRange, bucket) * bucket;
      series = new long[OUTCOMES][(int) ((newestInRange - first) / bucket) + 1];
    }
    for (int i = q.start; i < q.end; i++) {
      if (!q.test(i)) {
        continue;
      }
      if (total >= offset && inPage < limit) {
        page[inPage++] = i;
      }
      total++;
      byOutcome[x.outcome[i]]++;
      series[x.outcome[i]][(int) ((x.time[i] - first) / bucket)]++;
      byCountry[x.country[i] + 1]++;
      byPlatform[x.platform[i] + 1]++;
      byLevel[x.level[i]]++;
      int kinds = x.signalKinds[i];
      while (kinds != 0) {
        signalsByLevel[x.level[i]][Integer.numberOfTrailingZeros(kinds)]++;
        kinds &= kinds - 1;
      }
      users.set(x.user[i]);
      ips.set(x.ip[i]);
      if (x.outcome[i] == failed) {
        userFailures[x.user[i]]++;
        ipFailures[x.ip[i]]++;
        if (x.net[i] >= 0) {
          netFailures[x.net[i]]++;
        }
      }
      if (ro > 0) {
        long any = reportOnly.denied[i] | reportOnly.challenged[i];
        while (any != 0) {
          int bit = Long.numberOfTrailingZeros(any);
          any &= any - 1;
          if ((reportOnly.denied[i] & (1L << bit)) != 0) {
            roDenied[bit]++;
          } else {
            roChallenged[bit]++;
          }
          if (roUsers[bit] == null) {
            roUsers[bit] = new BitSet();
          }
          roUsers[bit].set(x.user[i]);
        }
      }
    }
    ObjectNode root = MAPPER.createObjectNode();
    root.put("generation", x.generation());
    root.put("indexedAt", x.builtAt().toString());
    ObjectNode head = root.putObject("headline");
    head.put("attempts", total);
    head.put("failures", byOutcome[failed]);
    head.put("challenges", byOutcome[SignInEvent.Outcome.CHALLENGED.ordinal()]);
    head.put("denials", byOutcome[SignInEvent.Outcome.DENIED.ordinal()]);
    head.put("users", users.cardinality());
    head.put("addresses", ips.cardinality());
    long passed = byOutcome[SignInEvent.Outcome.CHALLENGE_PASSED.ordinal()];
    long signedIn = passed + byOutcome[SignInEvent.Outcome.SUCCESS.ordinal()];
    head.put("signIns", signedIn);
    head.put("mfaPassed", passed);
    head.put("mfaShare", signedIn == 0 ? 0.0 : Math.round(1000.0 * passed / signedIn) / 1000.0);
    ObjectNode outcomes = root.putObject("byOutcome");
    for (SignInEvent.Outcome o : SignInEvent.Outcome.values()) {
      outcomes.put(o.id(), byOutcome[o.ordinal()]);
    }
    if (total > 0) {
      timeline(root.putObject("timeline"), series, first, bucket);
    }
    counts(root.putArray("byCountry"), x.countries, byCountry);
    counts(root.putArray("byPlatform"), x.platforms, byPlatform);
    ArrayNode risk = root.putArray("risk");
    for (RiskLevel l : RiskLevel.values()) {
      ObjectNode level = risk.addObject().put("level", l.id()).put("count", byLevel[l.ordinal()]);
      ArrayNode signals = level.putArray("signals");
      long[] perSignal = signalsByLevel[l.ordinal()];
      for (dev.gatehouse.monitor.SignalKind s : dev.gatehouse.monitor.SignalKind.values()) {
        if (perSignal[s.ordinal()] > 0) {
          signals.addObject().put("signal", s.id()).put("count", perSignal[s.ordinal()]);
        }
      }
    }
    top(root.putArray("topFailingUsers"), x.users, userFailures);
    top(
        root.putArray("topFailingAddresses"),
        x.ips.stream().map(Object::toString).toList(),
        ipFailures);
    top(root.putArray("topFailingNetworks"), x.nets, netFailures);
    if (reportOnly != null) {
      ArrayNode impact = root.putArray("reportOnly");
      for (int p = 0; p < ro; p++) {
        impact
            .addObject()
            .put("policy", reportOnly.ids.get(p))
            .put("denied", roDenied[p])
            .put("challenged", roChallenged[p])
            .put("users", roUsers[p] == null ? 0 : roUsers[p].cardinality());
      }
    }
    if (limit > 0) {
      ObjectNode p = root.putObject("page");
      p.put("generation", x.generation())
          .put("total", total)
          .put("offset", offset)
          .put("limit", limit);
      ArrayNode events = p.putArray("events");
      for (int k = 0; k < inPage; k++) {
        events.add(row(x, page[k]));
      }
    }
    return root;
  }

  private static long bucket(long span) {
    for (long b : BUCKETS) {
      if (span / b < MAX_BUCKETS) {
        return b;
      }
    }
    return BUCKETS[BUCKETS.length - 1];
  }

  private static void timeline(ObjectNode node, long[][] counts, long first, long bucket) {
    // Empty buckets at either end come from the period, not the matches: trim them.
    int lo = 0;
    int hi = counts[0].length;
    while (lo < hi - 1 && empty(counts, lo)) {
      lo++;
    }
    while (hi > lo + 1 && empty(counts, hi - 1)) {
      hi--;
    }
    node.put("start", Instant.ofEpochMilli(first + lo * bucket).toString());
    node.put("bucketSeconds", bucket / 1000);
    ObjectNode series = node.putObject("series");
    for (SignInEvent.Outcome o : SignInEvent.Outcome.values()) {
      ArrayNode a = series.putArray(o.id());
      for (int i = lo; i < hi; i++) {
        a.add(counts[o.ordinal()][i]);
      }
    }
  }

  private static boolean empty(long[][] counts, int i) {
    for (long[] row : counts) {
      if (row[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static void counts(ArrayNode out, List<String> names, long[] counts) {
    // Index 0 counts the events without a value.
    Integer[] order = new Integer[counts.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Long.compare(counts[b], counts[a]));
    for (int i : order) {
      if (counts[i] > 0) {
        out.addObject().put("key", i == 0 ? "unknown" : names.get(i - 1)).put("count", counts[i]);
      }
    }
  }

  private static void top(ArrayNode out, List<String> names, int[] counts) {
    // A bounded selection: TOP rows, each pass picking the largest count not yet taken.
    boolean[] taken = new boolean[counts.length];
    for (int k = 0; k < TOP; k++) {
      int best = -1;
      for (int i = 0; i < counts.length; i++) {
        if (!taken[i]
            && counts[i] > 0
            && (best < 0
                || counts[i] > counts[best]
                || counts[i] == counts[best] && names.get(i).compareTo(names.get(best)) < 0)) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      taken[best] = true;
      out.addObject().put("key", names.get(best)).put("failures", counts[best]);
    }
  }

  /**
   * Returns one page of the filtered events, newest first, with the number of matches.
   *
   * @param q the query
   * @param offset how many matches to skip
   * @param limit how many to return, at most {@link #MAX_PAGE}
   * @return the page
   */
  public static ObjectNode page(Query q, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException(
          "`offset` must be at least 0 and `limit` in 1.." + MAX_PAGE);
    }
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode events = MAPPER.createArrayNode();
    long matched = 0;
    for (int i = q.start; i < q.end; i++) {
      if (q.test(i)) {
        if (matched >= offset && matched < (long) offset + limit) {
          events.add(row(q.index, i));
        }
        matched++;
      }
    }
    root.put("generation", q.index.generation());
    root.put("total", matched);
    root.put("offset", offset);
    root.put("limit", limit);
    root.set("events", events);
    return root;
  }

  /**
   * Returns one event as JSON.
   *
   * @param x the index
   * @param i the position
   * @return the event as JSON
   */
  public static ObjectNode row(EventIndex x, int i) {
    EventIndex.Row r = x.event(i);
    SignInEvent e = r.event();
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", x.generation() + "-" + i);
    o.put("time", e.time().toString());
    o.put("user", e.userId());
    o.put("ip", e.ip().toString());
    o.put("network", r.network());
    o.put("country", e.country());
    o.put("device", e.deviceId());
    o.put("platform", e.platform());
    o.put("outcome", e.outcome().id());
    o.put("risk", r.level().id());
    o.put("score", r.score());
    ArrayNode signals = o.putArray("signals");
    r.signals().forEach(signals::add);
    ArrayNode reasons = o.putArray("reasons");
    for (ReasonCode c : e.reasons()) {
      reasons.add(c.name().toLowerCase(java.util.Locale.ROOT));
    }
    ArrayNode policies = o.putArray("policies");
    e.policies().forEach(policies::add);
    return o;
  }

  /**
   * Returns the positions of {@code user}'s newest events, at most {@code limit}, newest first.
   *
   * @param x the index
   * @param user the user's position in {@link EventIndex#users()}
   * @param limit how many
   * @return the positions
   */
  public static int[] history(EventIndex x, int user, int limit) {
    int[] out = new int[limit];
    int n = 0;
    for (int i = 0; i < x.size() && n < limit; i++) {
      if (x.user[i] == user) {
        out[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Returns the position of the user of the event at {@code i}.
   *
   * @param x the index
   * @param i the event
   * @return the user's position
   */
  public static int userOf(EventIndex x, int i) {
    return x.user[i];
  }

  /**
   * Writes every filtered event, newest first, as CSV (RFC 4180) or JSON lines.
   *
   * @param q the query
   * @param csv true for CSV, false for JSON lines
   * @param out where to write
   * @throws IOException if writing fails
   */
  public static void export(Query q, boolean csv, Writer out) throws IOException {
    if (csv) {
      out.write("time,user,ip,country,device,platform,outcome,risk,score,reasons,policies\r\n");
    }
    for (int i = q.start; i < q.end; i++) {
      if (!q.test(i)) {
        continue;
      }
      ObjectNode o = row(q.index, i);
      if (!csv) {
        o.remove("id");
        out.write(MAPPER.writeValueAsString(o));
        out.write('\n');
        continue;
      }
      String[] cells = {
        text(o, "time"),
        text(o, "user"),
        text(o, "ip"),
        text(o, "country"),
        text(o, "device"),
        text(o, "platform"),
        text(o, "outcome"),
        text(o, "risk"),
        text(o, "score"),
        joined(o, "reasons"),
        joined(o, "policies")
      };
      for (int c = 0; c < cells.length; c++) {
        if (c > 0) {
          out.write(',');
        }
        out.write(csvCell(cells[c]));
      }
      out.write("\r\n");
    }
  }

  private static String text(ObjectNode o, String field) {
    return o.get(field) == null || o.get(field).isNull() ? "" : o.get(field).asText();
  }

  private static String joined(ObjectNode o, String field) {
    StringBuilder sb = new StringBuilder();
    o.get(field).forEach(v -> sb.append(sb.length() == 0 ? "" : " ").append(v.asText()));
    return sb.toString();
  }

  /** Quotes a cell, and defuses one a spreadsheet would run as a formula. */
  static String csvCell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
