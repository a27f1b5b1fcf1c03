package dev.gatehouse.servlet;

import dev.gatehouse.api.Decision;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 on loopback: a stand-in sign-on filter, then the filter under test, then a
 * servlet that echoes the decision's roles.
 *
 * <p>The stand-in sign-on filter plays the host's authentication layer: it takes the user from
 * {@code X-Test-User}, the department from {@code X-Test-Dept}, OIDC {@code amr} values from {@code
 * X-Test-Amr}, the age of the sign-in in seconds from {@code X-Test-Auth-Age} and a raw OIDC {@code
 * auth_time} (epoch seconds, a {@code Long}) from {@code X-Test-Auth-Time}.
 */
final class JettyHarness implements AutoCloseable {

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final Server server;
  private final ServerConnector v4;
  private final ServerConnector v6;

  private JettyHarness(Server server, ServerConnector v4, ServerConnector v6) {
    this.server = server;
    this.v4 = v4;
    this.v6 = v6;
  }

  static JettyHarness start(Filter gatehouse) throws Exception {
    return start(gatehouse, false, (context, holder) -> {});
  }

  /** Starts a server, on {@code ::1} too if asked, after letting {@code setup} adjust it. */
  static JettyHarness start(
      Filter gatehouse, boolean ipv6, BiConsumer<ServletContextHandler, FilterHolder> setup)
      throws Exception {
    Server server = new Server();
    ServerConnector v4 = connector(server, "127.0.0.1");
    ServerConnector v6 = ipv6 ? connector(server, "::1") : null;
    ServletContextHandler context = new ServletContextHandler("/");
    context.addFilter(
        new FilterHolder(new StandInSignOn()), "/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder holder = new FilterHolder(gatehouse);
    setup.accept(context, holder);
    context.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new EchoServlet()), "/*");
    server.setHandler(context);
    server.start();
    return new JettyHarness(server, v4, v6);
  }

  private static ServerConnector connector(Server server, String host) {
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(host);
    connector.setPort(0);
    server.addConnector(connector);
    return connector;
  }

  /** Returns whether this machine can listen and connect on the IPv6 loopback. */
  static boolean ipv6LoopbackAvailable() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
      return socket.getLocalPort() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  Server server() {
    return server;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + v4.getLocalPort() + path);
  }

  URI uri6(String path) {
    return URI.create("http://[::1]:" + v6.getLocalPort() + path);
  }

  static HttpResponse<String> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** The host's authentication layer, reduced to trusting test headers. */
  static final class StandInSignOn implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String user = http.getHeader("X-Test-User");
      String dept = http.getHeader("X-Test-Dept");
      if (dept != null) {
        http.setAttribute(SubjectResolver.SUBJECT_ATTRIBUTE, Map.of("user.department", dept));
      }
      String amr = http.getHeader("X-Test-Amr");
      if (amr != null) {
        http.setAttribute(GatehouseFilter.AMR_ATTRIBUTE, List.of(amr.split(" ")));
      }
      String authTime = http.getHeader("X-Test-Auth-Time");
      if (authTime != null) {
        http.setAttribute(GatehouseFilter.AUTH_TIME_ATTRIBUTE, Long.parseLong(authTime));
      }
      String age = http.getHeader("X-Test-Auth-Age");
      if (age != null) {
        http.setAttribute(
            GatehouseFilter.AUTH_TIME_ATTRIBUTE, Instant.now().minusSeconds(Long.parseLong(age)));
      }
      chain.doFilter(
          user == null
              ? http
              : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                  return () -> user;
                }
              },
          response);
    }
  }

  /** Answers 200 with the roles and report-only outcomes of the decision. */
  static final class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Decision decision = (Decision) request.getAttribute(GatehouseFilter.DECISION_ATTRIBUTE);
      response.setContentType("text/plain");
      String body =
          decision == null
              ? "undecided"
              : "roles=" + decision.roles() + " report_only=" + decision.reportOnly();
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
