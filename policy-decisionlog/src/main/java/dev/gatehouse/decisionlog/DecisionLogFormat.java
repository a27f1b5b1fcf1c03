package dev.gatehouse.decisionlog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a {@link DecisionRecord} as one line of JSON, masking the request's attributes:
 *
 * <pre>{@code
 * {"id":"5f0c9a7e3d2b4c1a-42","time":"2026-11-29T10:00:00Z","revision":3,"effect":"deny",
 *  "reasons":[{"code":"not_assigned","policy":null,"message":"..."}],"matched":[],
 *  "report_only":[],"requirements":[],"roles":[],
 *  "request":{"user.id":"u-1","user.email":"***","request.ip":"203.0.113.0/24"}}
 * }</pre>
 *
 * <p>Attributes named with {@link Builder#mask} are written as {@code "***"}; addresses (the
 * attributes of type {@code ip}) are cut to their /24 or /64 network unless configured otherwise. A
 * line longer than {@link Builder#maxChars} is written again without the request, with {@code
 * "truncated":true}, and if still too long without the policy lists too. Instances are immutable
 * and thread-safe.
 */
public final class DecisionLogFormat {

  /** What a masked value is written as. */
  public static final String MASK = "***";

  private static final JsonFactory JSON = new JsonFactory();

  private final Set<String> masked;
  private final int ipv4Prefix;
  private final int ipv6Prefix;
  private final int maxChars;

  private DecisionLogFormat(Builder b) {
    this.masked = Set.copyOf(b.masked);
    this.ipv4Prefix = b.ipv4Prefix;
    this.ipv6Prefix = b.ipv6Prefix;
    this.maxChars = b.maxChars;
  }

  /**
   * Returns a builder: no attribute masked, addresses cut to /24 and /64, lines of 8,192 chars.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default format: no attribute masked, addresses cut to /24 and /64, 8,192 chars.
   *
   * @return the default format
   */
  public static DecisionLogFormat defaults() {
    return builder().build();
  }

  /**
   * Writes {@code record} as one line of JSON, without the line break.
   *
   * @param record the record
   * @return the JSON text, at most {@code maxChars} long unless even its shortest form is longer
   */
  public String format(DecisionRecord record) {
    String full = write(record, Detail.FULL);
    if (full.length() <= maxChars) {
      return full;
    }
    String shorter = write(record, Detail.NO_REQUEST);
    return shorter.length() <= maxChars ? shorter : write(record, Detail.CODES_ONLY);
  }

  private enum Detail {
    FULL,
    NO_REQUEST,
    CODES_ONLY
  }

  private String write(DecisionRecord record, Detail detail) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      Decision d = record.decision();
      g.writeStartObject();
      g.writeStringField("id", record.id());
      g.writeStringField("time", record.time().toString());
      g.writeNumberField("revision", record.revision());
      g.writeStringField("effect", d.effect().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("reasons");
      for (Reason r : d.reasons()) {
        g.writeStartObject();
        g.writeStringField("code", r.code().id());
        if (detail != Detail.CODES_ONLY) {
          g.writeStringField("policy", r.policy());
          g.writeStringField("message", r.message());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      if (detail != Detail.CODES_ONLY) {
        strings(g, "matched", d.matched());
        g.writeArrayFieldStart("report_only");
        for (ReportOnlyOutcome o : d.reportOnly()) {
          g.writeStartObject();
          g.writeStringField("policy", o.policy());
          g.writeStringField("effect", o.effect().name().toLowerCase(Locale.ROOT));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("requirements");
        for (Requirement q : d.requirements()) {
          requirement(g, q);
        }
        g.writeEndArray();
        strings(g, "roles", d.roles());
      }
      if (detail == Detail.FULL) {
        request(g, record.request());
      } else {
        g.writeBooleanField("truncated", true);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void requirement(JsonGenerator g, Requirement q) throws IOException {
    g.writeStartObject();
    g.writeStringField("policy", q.policy());
    g.writeStringField("kind", q.kind().name().toLowerCase(Locale.ROOT));
    g.writeArrayFieldStart("factors");
    for (Factor f : q.factors()) {
      g.writeString(f.id());
    }
    g.writeEndArray();
    if (q.within() != null) {
      g.writeStringField("within", q.within().toString());
    }
    g.writeEndObject();
  }

  private void request(JsonGenerator g, AccessRequest request) throws IOException {
    g.writeObjectFieldStart("request");
    Map<String, Object> values = request.values();
    for (Attribute a : request.schema().attributes()) {
      Object value = values.get(a.name());
      if (value == null) {
        continue;
      }
      g.writeFieldName(a.name());
      if (masked.contains(a.name())) {
        g.writeString(MASK);
      } else if (a.type().kind() == AttributeType.Kind.IP && value instanceof IpAddress ip) {
        g.writeString(truncate(ip));
      } else if (value instanceof Collection<?> c) {
        g.writeStartArray();
        for (Object e : new TreeSet<>(c.stream().map(String::valueOf).toList())) {
          g.writeString((String) e);
        }
        g.writeEndArray();
      } else if (value instanceof Long n) {
        g.writeNumber(n);
      } else if (value instanceof Boolean flag) {
        g.writeBoolean(flag);
      } else {
        g.writeString(String.valueOf(value));
      }
    }
    g.writeEndObject();
  }

  private String truncate(IpAddress ip) {
    int prefix = ip.isIpv4() ? ipv4Prefix : ipv6Prefix;
    int full = ip.isIpv4() ? 32 : 128;
    if (prefix == full) {
      return ip.toString();
    }
    return IpNetwork.containing(ip, ip.isIpv4() ? 96 + prefix : prefix).toString();
  }

  private static void strings(JsonGenerator g, String name, Collection<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** Configures a {@link DecisionLogFormat}. */
  public static final class Builder {
    private final Set<String> masked = new TreeSet<>();
    private int ipv4Prefix = 24;
    private int ipv6Prefix = 64;
    private int maxChars = 8192;

    private Builder() {}

    /**
     * Writes the attributes named {@code names}, such as {@code user.email}, as {@code "***"}.
     *
     * @param names attribute names
     * @return this builder
     */
    public Builder mask(String... names) {
      for (String name : names) {
        masked.add(name);
      }
      return this;
    }

    /**
     * Sets the prefix lengths addresses are cut to; 32 and 128 keep whole addresses.
     *
     * @param v4 the IPv4 prefix length, 0..32
     * @param v6 the IPv6 prefix length, 0..128
     * @return this builder
     * @throws IllegalArgumentException if a length is out of range
     */
    public Builder ipPrefixes(int v4, int v6) {
      if (v4 < 0 || v4 > 32) {
        throw new IllegalArgumentException("ipv4 prefix " + v4 + " is not in 0..32");
      }
      if (v6 < 0 || v6 > 128) {
        throw new IllegalArgumentException("ipv6 prefix " + v6 + " is not in 0..128");
      }
      ipv4Prefix = v4;
      ipv6Prefix = v6;
      return this;
    }

    /**
     * Sets the longest line written, in chars; longer records lose their request attributes.
     *
     * @param chars the cap, at least 256
     * @return this builder
     * @throws IllegalArgumentException if {@code chars} is below 256
     */
    public Builder maxChars(int chars) {
      if (chars < 256) {
        throw new IllegalArgumentException("line cap " + chars + " is below 256 chars");
      }
      maxChars = chars;
      return this;
    }

    /**
     * Builds the format.
     *
     * @return the format
     */
    public DecisionLogFormat build() {
      return new DecisionLogFormat(this);
    }
  }
}
