package dev.gatehouse.bundle.internal;

import dev.gatehouse.bundle.BundleException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Fetches a bundle over HTTP(S) with the JDK client, asking with {@code If-None-Match} for the ETag
 * of the last accepted bundle so an unchanged bundle costs a 304. With a long-poll wait it sends
 * {@code Prefer: wait=N} (RFC 7240), which a server may honour by holding the request until the
 * bundle changes.
 */
public final class HttpFetcher implements Fetcher {

  private final HttpClient client;
  private final URI uri;
  private final Duration timeout;
  private final Duration longPoll;
  private @Nullable String etag;
  private @Nullable String candidateEtag;

  /** Creates a fetcher of {@code uri}. */
  public HttpFetcher(HttpClient client, URI uri, Duration timeout, Duration longPoll) {
    this.client = client;
    this.uri = uri;
    this.timeout = timeout;
    this.longPoll = longPoll;
  }

  @Override
  public Optional<byte[]> fetch() throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout.plus(longPoll))
            .header("Accept", "application/zip");
    if (etag != null) {
      request.header("If-None-Match", etag);
      // Only a node that has a bundle may wait for a change; the first fetch must answer at once.
      if (!longPoll.isZero()) {
        request.header("Prefer", "wait=" + Math.max(1, longPoll.toSeconds()));
      }
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching " + describe(), e);
    } catch (IOException e) {
      throw new IOException("cannot reach " + describe() + ": " + message(e), e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() == 304 && etag != null) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new IOException(describe() + " answered " + response.statusCode());
      }
      candidateEtag = response.headers().firstValue("ETag").orElse(null);
      byte[] bytes = body.readNBytes(Archive.MAX_BUNDLE_BYTES + 1);
      if (bytes.length > Archive.MAX_BUNDLE_BYTES) {
        throw new BundleException("the bundle is more than " + Archive.MAX_BUNDLE_BYTES + " bytes");
      }
      return Optional.of(bytes);
    }
  }

  private static String message(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void accepted() {
    // Only an accepted bundle's ETag is sent back: a refused one is fetched and refused again,
    // so the node stays DEGRADED until the server publishes a good bundle.
    etag = candidateEtag;
  }

  @Override
  public String describe() {
    return "`" + uri + "`";
  }
}
