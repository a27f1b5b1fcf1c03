package dev.gatehouse.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.dashboard.SignInDashboard;
import dev.gatehouse.dashboard.UserDirectory;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.servlet.GatehouseFilter;
import dev.gatehouse.servlet.SubjectResolver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse dashboard}: the sign-in dashboard over a file of events, on localhost. */
@Command(
    name = "dashboard",
    mixinStandardHelpOptions = true,
    description =
        "Serve the sign-in dashboard over a file of sign-in events (or decision-log records, a"
            + " PERMIT shown as a success, a DENY denied, a CHALLENGE challenged) on 127.0.0.1, as"
            + " the user"
            + " `--as` (with the attributes of the users file), governed by the delegate"
            + " policies of `--policies` (see docs/dashboard.md).",
    footer = {
      "",
      "Exit codes: 0 stopped, 1 invalid policies, 2 usage error or bad input file.",
      "",
      "Example:",
      "  gatehouse dashboard --events examples/sign-ins.jsonl --users examples/users.jsonl \\",
      "      --policies examples/acme.policy examples/dashboard/admins.policy --as u-1"
    })
final class DashboardCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-e", "--events"},
      paramLabel = "FILE",
      required = true,
      description = "sign-in events or decision-log records as JSON lines")
  Path events;

  @Option(
      names = {"-p", "--policies"},
      paramLabel = "PATH",
      arity = "1..*",
      required = true,
      description = "policy files or directories, with the delegations of the dashboard")
  List<Path> policies;

  @Option(
      names = {"-u", "--users"},
      paramLabel = "FILE",
      description = "users as JSON lines, for the administrator and for scoped delegations")
  Path users;

  @Option(
      names = "--as",
      paramLabel = "USER",
      required = true,
      description = "the administrator who looks")
  String admin;

  @Option(
      names = "--auth-methods",
      paramLabel = "FACTOR",
      split = ",",
      description = "the factors the administrator signed in with (default: ${DEFAULT-VALUE})")
  List<String> authMethods = List.of("webauthn");

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "the port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 for any free one)")
  int port = 8080;

  @Override
  public Integer call() throws Exception {
    Optional<Server> server = start();
    if (server.isEmpty()) {
      return ExitCode.FAILED;
    }
    server.get().join();
    return ExitCode.OK;
  }

  /** Starts the server and prints its address, or prints diagnostics and returns empty. */
  Optional<Server> start() throws Exception {
    if (!Files.isRegularFile(events)) {
      throw new BadInputException("no such events file `" + events + "`");
    }
    List<SignInEvent> all = EventsReader.read(events.toString(), PolicyFiles.read(events));
    Optional<CompiledPolicies> compiled =
        PolicyFiles.compile(policies, spec.commandLine().getErr());
    if (compiled.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Map<String, Object>> directory = users == null ? Map.of() : directory(users);
    PolicyEngineHolder holder = new PolicyEngineHolder(compiled.get());
    SubjectResolver operator =
        (http, subject) -> {
          subject.set("user.id", admin);
          directory
              .getOrDefault(admin, Map.of())
              .forEach(
                  (name, value) -> {
                    if (holder.current().schema().attribute(name).isPresent()) {
                      set(subject, name, value);
                    }
                  });
          return true;
        };
    UserDirectory lookup = id -> directory.getOrDefault(id, Map.of());
    SignInDashboard dashboard =
        SignInDashboard.builder(all)
            .governedBy(holder)
            .showPolicies(holder)
            .subjectResolver(operator)
            .users(lookup)
            .build();
    ServletContextHandler context = new ServletContextHandler("/");
    // The operator at this machine signed in just now with the factors of `--auth-methods`.
    Filter signedIn =
        (request, response, chain) -> {
          request.setAttribute(GatehouseFilter.AUTH_METHODS_ATTRIBUTE, authMethods);
          request.setAttribute(GatehouseFilter.AUTH_TIME_ATTRIBUTE, Instant.now());
          chain.doFilter(request, response);
        };
    context.addFilter(new FilterHolder(signedIn), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(dashboard), "/*");
    Server server = new Server(new InetSocketAddress("127.0.0.1", port));
    server.setHandler(context);
    server.start();
    int bound = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    spec.commandLine()
        .getOut()
        .println(
            "dashboard: http://127.0.0.1:"
                + bound
                + "/ as `"
                + admin
                + "`, "
                + all.size()
                + " events (Ctrl-C stops it)");
    spec.commandLine().getOut().flush();
    return Optional.of(server);
  }

  private static void set(dev.gatehouse.api.AccessRequest.Builder b, String name, Object value) {
    if (value instanceof List) {
      List<String> strings = new ArrayList<>();
      ((List<?>) value).forEach(v -> strings.add(v.toString()));
      b.set(name, strings);
    } else if (value instanceof Long) {
      b.set(name, (long) (Long) value);
    } else if (value instanceof Boolean) {
      b.set(name, (boolean) (Boolean) value);
    } else {
      b.set(name, value.toString());
    }
  }

  /** Reads the users file: each field {@code f} of a user is its attribute {@code user.f}. */
  private static Map<String, Map<String, Object>> directory(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("no such users file `" + file + "`");
    }
    Map<String, Map<String, Object>> out = new HashMap<>();
    String[] lines = PolicyFiles.read(file).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String where = file + ":" + (i + 1);
      JsonNode user = Json.parse(where, lines[i]);
      if (!user.isObject() || !user.path("id").isTextual()) {
        throw new BadInputException(where + ": a user is a JSON object with an `id`");
      }
      Map<String, Object> attributes = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : user.properties()) {
        if (e.getKey().equals("id")) {
          continue;
        }
        JsonNode v = e.getValue();
        Object value;
        if (v.isArray()) {
          List<String> items = new ArrayList<>();
          v.forEach(item -> items.add(item.asText()));
          value = items;
        } else if (v.isIntegralNumber()) {
          value = v.asLong();
        } else if (v.isBoolean()) {
          value = v.asBoolean();
        } else {
          value = v.asText();
        }
        attributes.put("user." + e.getKey(), value);
      }
      out.put(user.get("id").asText(), Map.copyOf(attributes));
    }
    return Map.copyOf(out);
  }
}
