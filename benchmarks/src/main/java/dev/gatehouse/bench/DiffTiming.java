package dev.gatehouse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.analysis.ImpactReport;
import dev.gatehouse.analysis.PolicyDiff;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyWriter;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A timed run of the impact of a policy change: two sets of 10,000 policies (the second drops one
 * policy in fifty of the first), 100,000 users and 1,000,000 recorded requests, replayed through
 * {@link PolicyDiff}. Generating the inputs is not timed. Not JMH: one run of a bulk job is the
 * figure a user waits for.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.gatehouse.bench.DiffTiming [DIR]};
 * with {@code DIR}, also writes {@code old.policy}, {@code new.policy}, {@code users.jsonl} and
 * {@code events.jsonl} there, to time {@code gatehouse diff} on the same inputs.
 */
public final class DiffTiming {

  private static final int POLICIES = 10_000;
  private static final int USERS = 100_000;
  private static final int EVENTS = 1_000_000;
  private static final int CHUNK = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private DiffTiming() {}

  /**
   * Runs the timing and prints the figures.
   *
   * @param args an optional directory to write the inputs to
   * @throws IOException if the inputs cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : null;
    Workload workload = Workload.generate(POLICIES, 1);
    PolicySet old = workload.policies();
    PolicySet changed = dropEveryFiftieth(old);
    long start = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    CompiledPolicies before = PolicyEngine.compile(old);
    CompiledPolicies after = PolicyEngine.compile(changed);
    long compiled = System.nanoTime() - start;
    long compiledCpu = CPU.getCurrentThreadCpuTime() - cpu;
    PolicyDiff.Replay replay = PolicyDiff.between(before, after).replay();
    List<AccessRequest> directory = directory(workload.users());
    start = System.nanoTime();
    cpu = CPU.getCurrentThreadCpuTime();
    directory.forEach(replay::user);
    long users = System.nanoTime() - start;
    long usersCpu = CPU.getCurrentThreadCpuTime() - cpu;
    long events = 0;
    long eventsCpu = 0;
    try (BufferedWriter eventsFile =
        dir == null ? null : writeInputs(dir, old, changed, directory)) {
      for (int done = 0; done < EVENTS; done += CHUNK) {
        AccessRequest[] chunk = workload.requests(before, CHUNK);
        start = System.nanoTime();
        cpu = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < chunk.length; i++) {
          replay.event("e-" + (done + i), chunk[i]);
        }
        events += System.nanoTime() - start;
        eventsCpu += CPU.getCurrentThreadCpuTime() - cpu;
        if (eventsFile != null) {
          writeLines(eventsFile, List.of(chunk));
        }
      }
    }
    ImpactReport report = replay.report();
    // The machine is shared: the thread's CPU time says what the work costs, the wall clock what
    // it cost under the load of the moment.
    System.out.printf(
        "compile both sets: %.1f s wall, %.1f s cpu%n", compiled / 1e9, compiledCpu / 1e9);
    System.out.printf("%,d users: %.1f s wall, %.1f s cpu%n", USERS, users / 1e9, usersCpu / 1e9);
    System.out.printf(
        "%,d events: %.1f s wall, %.1f s cpu%n", EVENTS, events / 1e9, eventsCpu / 1e9);
    System.out.printf(
        "total: %.1f s wall, %.1f s cpu%n",
        (compiled + users + events) / 1e9, (compiledCpu + usersCpu + eventsCpu) / 1e9);
    System.out.println(report.summary());
  }

  private static PolicySet dropEveryFiftieth(PolicySet set) {
    PolicySet.Builder b = PolicySet.builder(set.schema());
    set.networks().values().forEach(b::network);
    set.conditions().forEach(b::condition);
    List<Policy> policies = set.policies();
    for (int i = 0; i < policies.size(); i++) {
      if (i % 50 != 7) {
        b.add(policies.get(i));
      }
    }
    return b.build();
  }

  /** The 10,000 users of the workload ten times over, each copy a user of its own. */
  private static List<AccessRequest> directory(List<AccessRequest> users) {
    List<AccessRequest> directory = new ArrayList<>(USERS);
    for (int i = 0; i < USERS; i++) {
      AccessRequest user = users.get(i % users.size());
      directory.add(user.toBuilder().set("user.id", "u-" + i).build());
    }
    return directory;
  }

  private static BufferedWriter writeInputs(
      Path dir, PolicySet old, PolicySet changed, List<AccessRequest> directory)
      throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("old.policy"), PolicyWriter.write(old));
    Files.writeString(dir.resolve("new.policy"), PolicyWriter.write(changed));
    try (BufferedWriter users = Files.newBufferedWriter(dir.resolve("users.jsonl"))) {
      for (AccessRequest user : directory) {
        ObjectNode line = JSON.createObjectNode();
        user.values().forEach((name, value) -> put(line, name.substring("user.".length()), value));
        users.write(JSON.writeValueAsString(line));
        users.newLine();
      }
    }
    return Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
  }

  /** Writes each request as a JSON line of dotted attribute names, as request JSON allows. */
  private static void writeLines(BufferedWriter out, List<AccessRequest> requests)
      throws IOException {
    for (AccessRequest request : requests) {
      ObjectNode line = JSON.createObjectNode();
      for (Map.Entry<String, Object> e : request.values().entrySet()) {
        put(line, e.getKey(), e.getValue());
      }
      out.write(JSON.writeValueAsString(line));
      out.newLine();
    }
  }

  private static void put(ObjectNode line, String name, Object value) {
    if (value instanceof Collection<?> set) {
      set.forEach(element -> line.withArray(name).add(element.toString()));
    } else if (value instanceof Long n) {
      line.put(name, n);
    } else if (value instanceof Boolean b) {
      line.put(name, b);
    } else {
      line.put(name, value.toString());
    }
  }
}
