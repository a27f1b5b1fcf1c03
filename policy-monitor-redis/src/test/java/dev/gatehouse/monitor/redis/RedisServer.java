package dev.gatehouse.monitor.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway {@code redis-server} on 127.0.0.1 and a free port, with an append-only file in its
 * own directory so that a restart keeps what was acknowledged. Published in this module's test jar
 * for the tests of modules that wire the store.
 */
public final class RedisServer implements AutoCloseable {

  /** The port it listens on. */
  public final int port;

  private final Path dir;
  private final boolean cluster;
  private Process process;

  private RedisServer(int port, Path dir, boolean cluster) {
    this.port = port;
    this.dir = dir;
    this.cluster = cluster;
  }

  /**
   * Starts a server and waits until it answers.
   *
   * @param cluster whether it is a cluster node
   * @return the running server
   * @throws Exception if it does not start within 10 s
   */
  public static RedisServer start(boolean cluster) throws Exception {
    RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("redis"), cluster);
    server.start();
    return server;
  }

  /**
   * Starts a three-master cluster with {@code redis-cli --cluster create}.
   *
   * @return its nodes, each serving a third of the slots
   * @throws Exception if a node does not start or the cluster does not become ok within 10 s
   */
  public static List<RedisServer> startCluster() throws Exception {
    List<RedisServer> nodes = new ArrayList<>();
    List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    for (int i = 0; i < 3; i++) {
      RedisServer node = start(true);
      nodes.add(node);
      command.add("127.0.0.1:" + node.port);
    }
    command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    run(command);
    for (RedisServer node : nodes) {
      node.awaitClusterOk();
    }
    return nodes;
  }

  /**
   * Returns the server's URI.
   *
   * @return such as {@code redis://127.0.0.1:6379}
   */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  void start() throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--protected-mode",
                "no"));
    if (cluster) {
      command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
    }
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run `redis-server`: install it with `apt-get install -y redis-server`, as"
              + " .ci/run does",
          e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cli("ping").contains("PONG")) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException(
            "redis-server did not start on " + port + ": " + Files.readString(dir.resolve("log")));
      }
      Thread.sleep(20);
    }
  }

  /** Kills the server at once, as a crash would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
  }

  /**
   * Runs {@code redis-cli} against the server.
   *
   * @param args the command and its arguments
   * @return what it printed
   * @throws IOException if it cannot run
   * @throws InterruptedException if interrupted
   */
  public String cli(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    command.addAll(List.of(args));
    return run(command);
  }

  private void awaitClusterOk() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cli("cluster", "info").contains("cluster_state:ok")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cluster on " + port + " is not ok");
      }
      Thread.sleep(50);
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(10, TimeUnit.SECONDS);
    return out;
  }

  /** Returns a port whose cluster bus port (+10000) is below 65536. */
  private static int freePort() throws IOException {
    while (true) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (port < 55_000) {
          return port;
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
