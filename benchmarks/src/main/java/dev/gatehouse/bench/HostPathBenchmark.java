package dev.gatehouse.bench;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Attribute;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.SortedStringSet;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a host pays per decision when it builds the request itself: from the strings, sets and
 * instants it holds (user attributes, app, action, the client address as text) to the decision,
 * through the handle API ({@code set(Attribute, value)} on one reused builder) and through the name
 * API ({@code set(String, value)} on a new builder), against deciding requests built before timing.
 * A ring of different requests from the workload's directory is taken in turn.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar HostPathBenchmark -prof gc}
 *
 * <p>The {@code Session} benchmarks take the part of each request that stays the same for a session
 * (the user's directory entry and how they signed in) as a request built once per session, and set
 * the rest (app, action, address text, time, risk) on a builder {@link
 * AccessRequest.Builder#reset(AccessRequest) reset} to it: a host whose sessions make many
 * requests.
 *
 * <p>The {@code Uncached} benchmarks take requests whose decision cannot be shared (no {@code
 * auth.methods} and {@code auth.time} where an MFA policy applies, or an app no policy knows), each
 * checked in setup to get a new decision every time. The {@code Two} benchmarks run the same on two
 * threads against one engine.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HostPathBenchmark {

  /** The engine, the raw inputs and the requests built from them, shared by all threads. */
  @State(Scope.Benchmark)
  public static class Inputs {

    @Param({"100", "1000", "10000"})
    public int policies;

    /** How many different requests the ring holds; a power of two. */
    @Param({"4096"})
    public int ring;

    CompiledPolicies engine;
    Schema schema;
    Handles handles;
    Raw[] raw;
    AccessRequest[] built;

    /** Per request of {@link #raw}, its session's part, built once. */
    AccessRequest[] sessions;

    /** The workload's own requests, holding every attribute it generates, before the host's cut. */
    AccessRequest[] original;

    Raw[] rawUncached;
    AccessRequest[] builtUncached;
    int mask;

    /** Builds the workload and the rings, and decides every request once. */
    @Setup(Level.Trial)
    public void setUp() {
      if (Integer.bitCount(ring) != 1) {
        throw new IllegalArgumentException("ring must be a power of two, not " + ring);
      }
      mask = ring - 1;
      Workload workload = Workload.generate(policies, 42);
      engine = PolicyEngine.compile(workload.policies());
      schema = engine.schema();
      handles = new Handles(schema);
      AccessRequest[] requests = workload.requests(engine, ring);
      original = requests;
      raw = new Raw[ring];
      built = new AccessRequest[ring];
      sessions = new AccessRequest[ring];
      AccessRequest.Builder b = AccessRequest.builder(schema);
      for (int i = 0; i < ring; i++) {
        raw[i] = Raw.of(requests[i]);
        built[i] = raw[i].build(b.reset(), handles);
        sessions[i] = raw[i].session(b.reset(), handles);
        if (!built[i].equals(raw[i].buildByName(schema))
            || !built[i].equals(raw[i].buildFromSession(b, handles, sessions[i]))) {
          throw new IllegalStateException("the three paths build different requests: " + raw[i]);
        }
      }
      List<Raw> uncached = new ArrayList<>();
      for (int i = 0; uncached.size() < ring && i < 64 * ring; i++) {
        Raw r = raw[i & mask].uncached(i);
        AccessRequest request = r.build(b.reset(), handles);
        if (engine.evaluate(request) != engine.evaluate(request)) {
          uncached.add(r);
        }
      }
      if (uncached.size() < ring / 4) {
        throw new IllegalStateException("only " + uncached.size() + " uncached requests found");
      }
      rawUncached = new Raw[ring];
      builtUncached = new AccessRequest[ring];
      for (int i = 0; i < ring; i++) {
        rawUncached[i] = uncached.get(i % uncached.size());
        builtUncached[i] = rawUncached[i].build(b.reset(), handles);
      }
      for (int i = 0; i < ring; i++) {
        engine.evaluate(built[i]);
        engine.evaluate(builtUncached[i]);
      }
    }
  }

  /** Each thread's builder and place in the ring. */
  @State(Scope.Thread)
  public static class Cursor {
    AccessRequest.Builder builder;
    int next;

    /** Gives the thread its own builder and a starting point of its own. */
    @Setup(Level.Trial)
    public void setUp(Inputs in) {
      builder = AccessRequest.builder(in.schema);
      next = (int) (Thread.currentThread().getId() * 1_031);
    }
  }

  /** The attributes a host resolves once. */
  static final class Handles {
    final Attribute userId;
    final Attribute department;
    final Attribute country;
    final Attribute employment;
    final Attribute roles;
    final Attribute app;
    final Attribute action;
    final Attribute ip;
    final Attribute time;
    final Attribute methods;
    final Attribute authTime;
    final Attribute risk;
    final Attribute targetDepartment;

    Handles(Schema s) {
      userId = s.attributeOrThrow("user.id");
      department = s.attributeOrThrow("user.department");
      country = s.attributeOrThrow("user.country");
      employment = s.attributeOrThrow("user.employment");
      roles = s.attributeOrThrow("user.roles");
      app = s.attributeOrThrow("app");
      action = s.attributeOrThrow("request.action");
      ip = s.attributeOrThrow("request.ip");
      time = s.attributeOrThrow("request.time");
      methods = s.attributeOrThrow("auth.methods");
      authTime = s.attributeOrThrow("auth.time");
      risk = s.attributeOrThrow("risk.level");
      targetDepartment = s.attributeOrThrow("target.department");
    }
  }

  /**
   * What a host holds for one request: strings, the user's roles (kept as a {@link SortedStringSet}
   * for the handle API, as a session would, and as a plain set for the name API), the factors as a
   * {@code Set.of}, the client address as text, instants.
   */
  record Raw(
      String userId,
      String department,
      String country,
      String employment,
      SortedStringSet roles,
      Set<String> rolesAsSet,
      @Nullable String app,
      String action,
      String ip,
      Instant time,
      @Nullable Set<String> methods,
      @Nullable Instant authTime,
      String risk,
      @Nullable String targetDepartment) {

    @SuppressWarnings("unchecked")
    static Raw of(AccessRequest r) {
      Set<String> roles = (Set<String>) r.value("user.roles").orElseThrow();
      return new Raw(
          copy(r, "user.id"),
          copy(r, "user.department"),
          copy(r, "user.country"),
          copy(r, "user.employment"),
          SortedStringSet.of(roles.toArray(new String[0])),
          Set.copyOf(roles),
          r.value("app").map(String.class::cast).map(String::new).orElse(null),
          copy(r, "request.action"),
          new String(r.value("request.ip").orElseThrow().toString()),
          (Instant) r.value("request.time").orElseThrow(),
          Set.copyOf((Set<String>) r.value("auth.methods").orElseThrow()),
          (Instant) r.value("auth.time").orElseThrow(),
          copy(r, "risk.level"),
          r.value("target.department").map(String.class::cast).orElse(null));
    }

    private static String copy(AccessRequest r, String name) {
      return new String((String) r.value(name).orElseThrow());
    }

    /** The same request without authentication or, every other time, for an unknown app. */
    Raw uncached(int i) {
      if ((i & 1) == 0 && app != null) {
        return new Raw(
            userId,
            department,
            country,
            employment,
            roles,
            rolesAsSet,
            "app-unknown-" + i,
            action,
            ip,
            time,
            methods,
            authTime,
            risk,
            targetDepartment);
      }
      return new Raw(
          userId,
          department,
          country,
          employment,
          roles,
          rolesAsSet,
          app,
          action,
          ip,
          time,
          null,
          null,
          risk,
          targetDepartment);
    }

    AccessRequest build(AccessRequest.Builder b, Handles h) {
      b.set(h.userId, userId)
          .set(h.department, department)
          .set(h.country, country)
          .set(h.employment, employment)
          .set(h.roles, roles)
          .set(h.action, action)
          .set(h.ip, ip)
          .set(h.time, time)
          .set(h.risk, risk);
      if (app != null) {
        b.set(h.app, app);
      }
      if (methods != null) {
        b.set(h.methods, methods);
      }
      if (authTime != null) {
        b.set(h.authTime, authTime);
      }
      if (targetDepartment != null) {
        b.set(h.targetDepartment, targetDepartment);
      }
      return b.build();
    }

    /** The part of the request that stays the same for a session: the user, how they signed in. */
    AccessRequest session(AccessRequest.Builder b, Handles h) {
      b.set(h.userId, userId)
          .set(h.department, department)
          .set(h.country, country)
          .set(h.employment, employment)
          .set(h.roles, roles);
      if (methods != null) {
        b.set(h.methods, methods);
      }
      if (authTime != null) {
        b.set(h.authTime, authTime);
      }
      return b.build();
    }

    /** The rest of the request, set on a builder started from its session's part. */
    AccessRequest buildFromSession(AccessRequest.Builder b, Handles h, AccessRequest session) {
      b.reset(session).set(h.action, action).set(h.ip, ip).set(h.time, time).set(h.risk, risk);
      if (app != null) {
        b.set(h.app, app);
      }
      if (targetDepartment != null) {
        b.set(h.targetDepartment, targetDepartment);
      }
      return b.build();
    }

    AccessRequest buildByName(Schema schema) {
      AccessRequest.Builder b =
          AccessRequest.builder(schema)
              .set("user.id", userId)
              .set("user.department", department)
              .set("user.country", country)
              .set("user.employment", employment)
              .set("user.roles", rolesAsSet)
              .set("request.action", action)
              .set("request.ip", ip)
              .set("request.time", time)
              .set("risk.level", risk);
      if (app != null) {
        b.set("app", app);
      }
      if (methods != null) {
        b.set("auth.methods", methods);
      }
      if (authTime != null) {
        b.set("auth.time", authTime);
      }
      if (targetDepartment != null) {
        b.set("target.department", targetDepartment);
      }
      return b.build();
    }
  }

  /** (a) Deciding requests built before timing. */
  @Benchmark
  public Decision decide(Inputs in, Cursor c) {
    return in.engine.evaluate(in.built[c.next++ & in.mask]);
  }

  /** (b) From the host's values through handles and one reused builder to the decision. */
  @Benchmark
  public Decision endToEnd(Inputs in, Cursor c) {
    Raw r = in.raw[c.next++ & in.mask];
    return in.engine.evaluate(r.build(c.builder.reset(), in.handles));
  }

  /** (c) The same through the name API and a new builder per request. */
  @Benchmark
  public Decision endToEndByName(Inputs in, Cursor c) {
    return in.engine.evaluate(in.raw[c.next++ & in.mask].buildByName(in.schema));
  }

  /** (b) From the session's part, built once, and the request's own values to the decision. */
  @Benchmark
  public Decision endToEndSession(Inputs in, Cursor c) {
    int i = c.next++ & in.mask;
    return in.engine.evaluate(in.raw[i].buildFromSession(c.builder, in.handles, in.sessions[i]));
  }

  /** (d) Building the request alone, from its session's part. */
  @Benchmark
  public AccessRequest buildSession(Inputs in, Cursor c) {
    int i = c.next++ & in.mask;
    return in.raw[i].buildFromSession(c.builder, in.handles, in.sessions[i]);
  }

  /** (d) Building the request alone, through handles. */
  @Benchmark
  public AccessRequest build(Inputs in, Cursor c) {
    return in.raw[c.next++ & in.mask].build(c.builder.reset(), in.handles);
  }

  /** (d) Building the request alone, through names. */
  @Benchmark
  public AccessRequest buildByName(Inputs in, Cursor c) {
    return in.raw[c.next++ & in.mask].buildByName(in.schema);
  }

  /** (e) Deciding requests whose decision cannot be shared, built before timing. */
  @Benchmark
  public Decision decideUncached(Inputs in, Cursor c) {
    return in.engine.evaluate(in.builtUncached[c.next++ & in.mask]);
  }

  /** (e) The same from the host's values, through handles. */
  @Benchmark
  public Decision endToEndUncached(Inputs in, Cursor c) {
    Raw r = in.rawUncached[c.next++ & in.mask];
    return in.engine.evaluate(r.build(c.builder.reset(), in.handles));
  }

  /** (a) on two threads. */
  @Benchmark
  @Threads(2)
  public Decision decideTwo(Inputs in, Cursor c) {
    return decide(in, c);
  }

  /** (b) on two threads. */
  @Benchmark
  @Threads(2)
  public Decision endToEndTwo(Inputs in, Cursor c) {
    return endToEnd(in, c);
  }

  /** (e) on two threads. */
  @Benchmark
  @Threads(2)
  public Decision decideUncachedTwo(Inputs in, Cursor c) {
    return decideUncached(in, c);
  }
}
