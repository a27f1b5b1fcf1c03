package dev.gatehouse.servlet;

import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import jakarta.servlet.DispatcherType;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/** The wiring of the filter in a host application, as shown in {@code docs/servlet.md}. */
final class ExampleWebApp {

  private ExampleWebApp() {}

  static Server start(PolicySet policies) throws Exception {
    PolicyEngineHolder holder = new PolicyEngineHolder(PolicyEngine.compile(policies));
    GatehouseFilter gatehouse =
        GatehouseFilter.builder(holder)
            .app("/mail/*", "mail")
            .signin("/signin")
            .clientIp(ClientIp.trusting(List.of("10.0.0.0/8"), ClientIp.Header.X_FORWARDED_FOR))
            .stepUpUrl("/step-up")
            .logLevel(System.Logger.Level.INFO)
            .build();
    ServletContextHandler context = new ServletContextHandler("/");
    // The host's own sign-on comes first: it sets the principal and the SSO context.
    context.addFilter(
        new FilterHolder(new JettyHarness.StandInSignOn()),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(new FilterHolder(gatehouse), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new JettyHarness.EchoServlet()), "/*");
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(context);
    server.start();
    return server;
  }
}
