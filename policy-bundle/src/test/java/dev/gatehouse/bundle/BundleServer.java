package dev.gatehouse.bundle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.bundle.internal.Digests;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback publishing one bundle, with ETags, 304s and long-polling by {@code
 * Prefer: wait=N}; it can be stopped and started again on the same port.
 */
final class BundleServer implements AutoCloseable {

  private final int port;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "bundle-server");
            thread.setDaemon(true);
            return thread;
          });
  private HttpServer server;
  private byte[] bundle;
  private String etag;
  final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();
  volatile boolean failing;

  BundleServer(byte[] bundle) throws IOException {
    publish(bundle);
    server = start(0);
    port = server.getAddress().getPort();
  }

  private HttpServer start(int onPort) throws IOException {
    HttpServer created =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
    created.createContext("/acme.bundle", this::handle);
    created.setExecutor(executor);
    created.start();
    return created;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/acme.bundle");
  }

  synchronized void publish(byte[] next) {
    bundle = next.clone();
    etag = "\"" + Digests.sha256(next) + "\"";
    notifyAll();
  }

  void stop() {
    server.stop(0);
  }

  void restart() throws IOException {
    server = start(port);
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    if (failing) {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
      return;
    }
    byte[] body;
    String tag;
    synchronized (this) {
      String wanted = exchange.getRequestHeaders().getFirst("If-None-Match");
      String prefer = exchange.getRequestHeaders().getFirst("Prefer");
      if (wanted != null && wanted.equals(etag) && prefer != null && prefer.startsWith("wait=")) {
        long until = System.nanoTime() + Long.parseLong(prefer.substring(5)) * 1_000_000_000L;
        while (wanted.equals(etag) && System.nanoTime() < until) {
          try {
            wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      body = wanted != null && wanted.equals(etag) ? null : bundle;
      tag = etag;
    }
    exchange.getResponseHeaders().set("ETag", tag);
    if (body == null) {
      notModified.incrementAndGet();
      exchange.sendResponseHeaders(304, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "application/zip");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
