package dev.gatehouse.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds of the engine in one JVM: each build's benchmarks jar gets its own class
 * loader, both compile the same generated workload, and rounds of the two alternate (in turn
 * first), so that both meet the same machine. On a shared machine whose memory speed drifts within
 * minutes this separates a change from the noise far better than two JMH runs one after the other.
 * Before timing, both builds must give the same decision on every request.
 *
 * <p>Run, after building each version's {@code benchmarks/target/benchmarks.jar}: {@code java -cp
 * benchmarks/target/benchmarks.jar dev.gatehouse.bench.compare.Compare --policies 10000 old.jar
 * new.jar}
 */
public final class Compare {

  private static final String USAGE =
      "usage: Compare [--policies N] [--rounds N] [--passes N]"
          + " old-benchmarks.jar new-benchmarks.jar";
  private static final String LOOP = EngineLoop.class.getName();

  private Compare() {}

  /** Parses the arguments and runs; exits 2 on bad arguments, 1 if the builds disagree. */
  public static void main(String[] args) throws Exception {
    int policies = 10_000;
    int rounds = 30;
    int passes = 100;
    List<Path> jars = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--policies" -> policies = positive(args, ++i);
          case "--rounds" -> rounds = positive(args, ++i);
          case "--passes" -> passes = positive(args, ++i);
          default -> jars.add(Path.of(args[i]));
        }
      }
      if (jars.size() != 2) {
        throw new IllegalArgumentException("give two jars, not " + jars.size());
      }
      for (Path jar : jars) {
        if (!Files.isRegularFile(jar)) {
          throw new IllegalArgumentException("no such jar: " + jar);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("compare: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    URL[][] builds = {{jars.get(0).toUri().toURL()}, {jars.get(1).toUri().toURL()}};
    String[] names = {jars.get(0).toString(), jars.get(1).toString()};
    System.exit(run(policies, rounds, passes, builds, names, System.out));
  }

  private static int positive(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a number");
    }
    try {
      int n = Integer.parseInt(args[i]);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Reported below, with the option's name.
    }
    throw new IllegalArgumentException(args[i - 1] + " needs a positive number, not " + args[i]);
  }

  /**
   * Times the two builds whose classes {@code builds} hold; prints one line per build and the ratio
   * of the second to the first. Returns 0, or 1 if they decide differently.
   */
  static int run(
      int policies, int rounds, int passes, URL[][] builds, String[] names, PrintStream out)
      throws Exception {
    byte[] loop = loopClass();
    Object[] loops = new Object[2];
    Method[] stream = new Method[2];
    Method[] one = new Method[2];
    String[][] decisions = new String[2][];
    for (int b = 0; b < 2; b++) {
      Class<?> c = new BuildLoader(builds[b], loop).loadClass(LOOP);
      loops[b] = c.getConstructor(int.class).newInstance(policies);
      stream[b] = c.getMethod("stream", int.class);
      one[b] = c.getMethod("one", int.class);
      decisions[b] = (String[]) c.getMethod("decisions").invoke(loops[b]);
    }
    for (int i = 0; i < decisions[0].length; i++) {
      if (!decisions[0][i].equals(decisions[1][i])) {
        out.println(
            "the builds decide request "
                + i
                + " differently:\n  "
                + names[0]
                + ": "
                + decisions[0][i]
                + "\n  "
                + names[1]
                + ": "
                + decisions[1][i]);
        return 1;
      }
    }
    System.gc();
    for (int warm = 0; warm < 5; warm++) {
      for (int b = 0; b < 2; b++) {
        stream[b].invoke(loops[b], Math.max(1, passes / 2));
        one[b].invoke(loops[b], Math.max(1, passes / 2));
      }
    }
    List<List<Double>> streams = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Double>> ones = List.of(new ArrayList<>(), new ArrayList<>());
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 2; k++) {
        int b = r % 2 == 0 ? k : 1 - k;
        streams.get(b).add((Double) stream[b].invoke(loops[b], passes));
        ones.get(b).add((Double) one[b].invoke(loops[b], passes));
      }
    }
    out.printf(
        Locale.ROOT,
        "%,d policies, %d rounds of %d passes over 1,024 requests, both builds"
            + " in one JVM; ns per decision as min / p25 / median / p75%n",
        policies,
        rounds,
        passes);
    for (int b = 0; b < 2; b++) {
      out.printf(
          Locale.ROOT,
          "%s%n  stream %s%n  one    %s%n",
          names[b],
          quartiles(streams.get(b)),
          quartiles(ones.get(b)));
    }
    out.printf(
        Locale.ROOT,
        "second / first, medians: stream %.2f, one %.2f%n",
        median(streams.get(1)) / median(streams.get(0)),
        median(ones.get(1)) / median(ones.get(0)));
    return 0;
  }

  private static String quartiles(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return String.format(
        Locale.ROOT,
        "%.0f / %.0f / %.0f / %.0f",
        sorted.get(0),
        sorted.get(n / 4),
        sorted.get(n / 2),
        sorted.get(3 * n / 4));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static byte[] loopClass() {
    String resource = EngineLoop.class.getSimpleName() + ".class";
    try (InputStream in = Compare.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads one build's classes, with this build's {@link EngineLoop} defined inside it, so that a
   * jar built before the loop existed can be compared too.
   */
  private static final class BuildLoader extends URLClassLoader {
    private final byte[] loop;

    BuildLoader(URL[] build, byte[] loop) {
      super(build, ClassLoader.getPlatformClassLoader());
      this.loop = Arrays.copyOf(loop, loop.length);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(LOOP)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        return c != null ? c : defineClass(name, loop, 0, loop.length);
      }
    }
  }
}
