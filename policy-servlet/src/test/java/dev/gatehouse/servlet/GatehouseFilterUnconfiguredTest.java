package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A filter whose configuration never happened refuses everything. */
final class GatehouseFilterUnconfiguredTest {

  @Test
  void doFilter_neverInitialised_403NotConfigured() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, Object> sent = new HashMap<>();
    HttpServletResponse response = response(body, sent);

    new GatehouseFilter()
        .doFilter(
            FakeRequests.request("ann", Map.of(), "GET", Map.of()),
            response,
            (req, res) -> fail("the chain must not run"));

    assertThat(sent).containsEntry("setStatus", 403);
    assertThat(body.toString(StandardCharsets.UTF_8)).contains("\"reasons\":[\"not_configured\"]");
  }

  private static HttpServletResponse response(
      ByteArrayOutputStream body, Map<String, Object> sent) {
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {}

          @Override
          public void write(int b) {
            body.write(b);
          }
        };
    return (HttpServletResponse)
        Proxy.newProxyInstance(
            GatehouseFilterUnconfiguredTest.class.getClassLoader(),
            new Class<?>[] {HttpServletResponse.class},
            (proxy, m, args) -> {
              if (m.getName().equals("getOutputStream")) {
                return out;
              }
              sent.put(m.getName(), args == null ? null : args[args.length - 1]);
              return null;
            });
  }
}
