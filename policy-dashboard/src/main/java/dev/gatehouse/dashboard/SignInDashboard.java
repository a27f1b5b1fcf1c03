package dev.gatehouse.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.policy.Policy;
import dev.gatehouse.dashboard.internal.EventIndex;
import dev.gatehouse.dashboard.internal.Query;
import dev.gatehouse.dashboard.internal.ReportOnlyIndex;
import dev.gatehouse.dashboard.internal.Values;
import dev.gatehouse.dashboard.internal.Views;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.Explanation;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.monitor.SignInStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in dashboard: a read-only servlet that shows an organisation's sign-in attempts, where
 * and when they came from, on which device and how they ended, mountable under any path.
 *
 * <p>Every view is an admin action the host's {@code delegate} policies decide for the signed-in
 * administrator, resolved with the same {@link dev.gatehouse.servlet.SubjectResolver} as the host's
 * {@code GatehouseFilter}: {@code signins.view} (figures, charts, event list, one event), {@code
 * signins.export} (CSV and JSON lines), {@code policies.view} (the running set and the explanation
 * of an event) and {@code policies.whatif} (the what-if form). Each user's sign-ins are shown only
 * if the action is allowed on that user as its {@code target}, so an administrator delegated {@code
 * on target.department == "Sales"} sees the Sales users' events only. Refusals answer 401 or 403
 * with an {@code application/problem+json} body that names a code and nothing else.
 *
 * <pre>{@code
 * SignInDashboard dashboard = SignInDashboard.builder(monitor)
 *     .governedBy(holder)
 *     .showPolicies(holder)
 *     .users(id -> directory.attributesOf(id))
 *     .build();
 * context.addServlet(new ServletHolder(dashboard), "/admin/sign-ins/*");
 * }</pre>
 *
 * <p>The dashboard reads the store's events into a column-wise copy and aggregates on the server;
 * the copy is read again in the background when older than {@link SignInDashboardBuilder#refresh}.
 */
public final class SignInDashboard extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(SignInDashboard.class);

  /** The Content-Security-Policy of every answer: only the dashboard's own script and style. */
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self';"
          + " img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none';"
          + " frame-ancestors 'none'";

  /** The header the what-if form sends its CSRF token in. */
  static final String CSRF_HEADER = "X-Gatehouse-Csrf";

  private static final int MAX_BODY = 16 * 1024;
  private static final int HISTORY = 20;
  private static final int CACHED_SUMMARIES = 64;

  /** The length of the page of events the page asks for with its summary. */
  private static final int FIRST_PAGE = 50;

  private final transient Consumer<Consumer<? super SignInEvent>> events;
  private final transient Access access;
  private final transient @Nullable PolicyEngineHolder policies;
  private final transient SignInDashboardBuilder settings;
  private final transient AtomicLong generations = new AtomicLong();
  private final transient AtomicBoolean rebuilding = new AtomicBoolean();
  private final transient AtomicLong revision = new AtomicLong(1);
  private transient volatile Instant loadedAt;
  private transient volatile @Nullable Snapshot snapshot;
  private final transient Map<String, ObjectNode> summaries = new ConcurrentHashMap<>();
  private final transient byte[] csrfKey = new byte[32];

  SignInDashboard(SignInDashboardBuilder b) {
    this.events = b.events;
    this.settings = b;
    this.access = new Access(b.access, b.resolver, b.clientIp, b.directory, b.clock);
    this.policies = b.policies;
    this.loadedAt = b.clock.instant();
    new SecureRandom().nextBytes(csrfKey);
    if (policies != null) {
      policies.addListener(
          (previous, current) -> {
            revision.incrementAndGet();
            loadedAt = settings.clock.instant();
          });
    }
  }

  /**
   * Returns a builder of a dashboard over the events of {@code store}.
   *
   * @param store the store, in memory or shared
   * @return a builder
   */
  public static SignInDashboardBuilder builder(SignInStore store) {
    return new SignInDashboardBuilder(store::forEachEvent);
  }

  /**
   * Returns a builder of a dashboard over the events {@code monitor} records.
   *
   * @param monitor the monitor
   * @return a builder
   */
  public static SignInDashboardBuilder builder(SignInMonitor monitor) {
    return builder(monitor.store());
  }

  /**
   * Returns a builder of a dashboard over a fixed list of events, such as those read from an
   * archive.
   *
   * @param events the events
   * @return a builder
   */
  public static SignInDashboardBuilder builder(List<SignInEvent> events) {
    List<SignInEvent> copy = List.copyOf(events);
    return new SignInDashboardBuilder(copy::forEach);
  }

  /**
   * Reads the events again now, on the calling thread; later requests see the new copy.
   *
   * @return how many events the copy holds
   */
  public int refresh() {
    EventIndex built =
        EventIndex.build(
            events, settings.riskMonitors, generations.incrementAndGet(), settings.clock.instant());
    Snapshot next = Snapshot.of(built, access.directory());
    // The unfiltered view of an administrator who sees everyone is computed here, off the request
    // path, as is the replay of report-only policies: a million sign-ins take seconds to decide.
    summary(
        next,
        Query.of(built, Map.of(), null),
        new Access.Visibility(null, "all"),
        "",
        policies != null,
        0,
        FIRST_PAGE);
    // A filtered summary too, so that the first filter change runs compiled code, not the
    // interpreter's; its answer is not kept.
    Views.summary(
        Query.of(built, Map.of("outcome", "failed_credentials,denied"), null), null, 0, FIRST_PAGE);
    snapshot = next;
    return built.size();
  }

  private ObjectNode summary(
      Snapshot snap,
      Query q,
      Access.Visibility visibility,
      String filter,
      boolean withPolicies,
      int offset,
      int limit) {
    String key =
        snap.index().generation()
            + "|"
            + visibility.key()
            + "|"
            + (withPolicies ? revision.get() : 0)
            + "|"
            + offset
            + "|"
            + limit
            + "|"
            + filter;
    ObjectNode cached = summaries.get(key);
    if (cached != null) {
      return cached;
    }
    ReportOnlyIndex ro =
        withPolicies && policies != null
            ? ReportOnlyIndex.of(
                snap.index(), policies.current(), id -> access.directory().attributes(id))
            : null;
    ObjectNode computed = Views.summary(q, ro, offset, limit);
    if (summaries.size() >= CACHED_SUMMARIES) {
      summaries.clear();
    }
    summaries.put(key, computed);
    return computed;
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        if (snapshot == null) {
          refresh();
        }
        return snapshot;
      }
    }
    boolean stale =
        current.index().builtAt().plus(settings.refresh).isBefore(settings.clock.instant());
    if (stale && rebuilding.compareAndSet(false, true)) {
      Thread t =
          new Thread(
              () -> {
                try {
                  refresh();
                } catch (RuntimeException e) {
                  LOG.warn("reading the sign-in events failed; keeping the previous copy", e);
                } finally {
                  rebuilding.set(false);
                }
              },
              "gatehouse-dashboard-refresh");
      t.setDaemon(true);
      t.start();
    }
    return current;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    headers(resp);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    if (path.startsWith("/assets/")) {
      asset(path.substring("/assets/".length()), resp);
      return;
    }
    if (path.isEmpty()) {
      // Relative links of the page need the trailing slash.
      resp.sendRedirect(req.getRequestURI() + "/");
      return;
    }
    Optional<Access.Subject> subject = access.subject(req);
    if (subject.isEmpty()) {
      problem(resp, 401, "unauthenticated");
      return;
    }
    Access.Subject s = subject.get();
    try {
      switch (path) {
        case "/" -> page(s, resp);
        case "/api/summary" -> summary(s, req, resp);
        case "/api/events" -> events(s, req, resp);
        case "/api/event" -> event(s, req, resp);
        case "/api/export.csv" -> export(s, req, resp, true);
        case "/api/export.jsonl" -> export(s, req, resp, false);
        case "/api/policies" -> policySet(s, resp);
        default -> problem(resp, 404, "not_found");
      }
    } catch (IllegalArgumentException e) {
      // Messages of the query parser name a parameter, never its value.
      problem(resp, 400, "bad_request", e.getMessage());
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    headers(resp);
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    Optional<Access.Subject> subject = access.subject(req);
    if (subject.isEmpty()) {
      problem(resp, 401, "unauthenticated");
      return;
    }
    if (!path.equals("/api/whatif")) {
      problem(resp, 404, "not_found");
      return;
    }
    whatIf(subject.get(), req, resp);
  }

  private static void headers(HttpServletResponse resp) {
    resp.setHeader("Content-Security-Policy", CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("X-Frame-Options", "DENY");
    resp.setHeader("Cache-Control", "no-store");
  }

  private boolean refused(Access.Subject s, String action, HttpServletResponse resp)
      throws IOException {
    Access.Refusal r = access.check(s, action);
    if (r == null) {
      return false;
    }
    problem(resp, r.status(), r.code());
    return true;
  }

  /** Refuses unless the subject may see at least one user's sign-ins with {@code action}. */
  private @Nullable Scope scope(Access.Subject s, String action, HttpServletResponse resp)
      throws IOException {
    Snapshot snap = snapshot();
    Access.Visibility visibility = access.visibleUsers(s, action, snap);
    BitSet visible = visibility.users();
    if (visible != null && visible.isEmpty()) {
      Access.Refusal r = access.check(s, action);
      problem(resp, r == null ? 403 : r.status(), r == null ? "not_delegated" : r.code());
      return null;
    }
    return new Scope(snap, visibility);
  }

  private record Scope(Snapshot snapshot, Access.Visibility visibility) {
    EventIndex index() {
      return snapshot.index();
    }

    @Nullable BitSet visible() {
      return visibility.users();
    }
  }

  private void page(Access.Subject s, HttpServletResponse resp) throws IOException {
    if (scope(s, Access.VIEW, resp) == null) {
      return;
    }
    String html =
        resource("dashboard.html")
            .replace("{{csrf}}", csrfToken(s.userId()))
            .replace("{{mode}}", "live")
            .replace("{{style}}", "<link rel=\"stylesheet\" href=\"assets/dashboard.css\">")
            .replace("{{data}}", "")
            .replace("{{script}}", "<script src=\"assets/dashboard.js\"></script>");
    resp.setContentType("text/html;charset=utf-8");
    resp.getWriter().write(html);
  }

  private void summary(Access.Subject s, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    Scope scope = scope(s, Access.VIEW, resp);
    if (scope == null) {
      return;
    }
    Query q = Query.of(scope.index(), req::getParameter, scope.visible());
    StringBuilder filter = new StringBuilder();
    for (String name : Query.PARAMETERS) {
      String v = req.getParameter(name);
      if (v != null && !v.isBlank()) {
        filter.append(name).append('=').append(v.strip()).append('&');
      }
    }
    boolean withPolicies = policies != null && access.check(s, Access.POLICIES) == null;
    ObjectNode shared =
        summary(
            scope.snapshot(),
            q,
            scope.visibility(),
            filter.toString(),
            withPolicies,
            intParam(req, "offset", 0),
            intParam(req, "limit", 0));
    // The cached summary is shared between administrators; what this one may do is added apart.
    ObjectNode answer = shared.deepCopy();
    BitSet exportable = access.visibleUsers(s, Access.EXPORT, scope.snapshot()).users();
    answer.put("mayExport", exportable == null || !exportable.isEmpty());
    json(resp, answer);
  }

  private void events(Access.Subject s, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    Scope scope = scope(s, Access.VIEW, resp);
    if (scope == null) {
      return;
    }
    Query q = Query.of(scope.index(), req::getParameter, scope.visible());
    json(resp, Views.page(q, intParam(req, "offset", 0), intParam(req, "limit", 50)));
  }

  private void event(Access.Subject s, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    Scope scope = scope(s, Access.VIEW, resp);
    if (scope == null) {
      return;
    }
    EventIndex x = scope.index();
    int position = position(x, req.getParameter("id"));
    if (position < 0) {
      problem(
          resp,
          404,
          "event_not_found",
          "the event is not in the current copy of the events;" + " reload the list");
      return;
    }
    int user = Views.userOf(x, position);
    if (scope.visible() != null && !scope.visible().get(user)) {
      // The same answer as a missing event: a refused one does not reveal that it exists.
      problem(
          resp,
          404,
          "event_not_found",
          "the event is not in the current copy of the events;" + " reload the list");
      return;
    }
    ObjectNode root = Views.MAPPER.createObjectNode();
    root.set("event", Views.row(x, position));
    ArrayNode history = root.putArray("history");
    for (int i : Views.history(x, user, HISTORY)) {
      history.add(Views.row(x, i));
    }
    if (policies != null && access.check(s, Access.POLICIES) == null) {
      CompiledPolicies running = policies.current();
      try {
        AccessRequest request =
            Values.signIn(
                running.schema(),
                x.event(position),
                access.directory().attributes(x.users().get(user)));
        root.set("replay", decision(running.explain(request)));
      } catch (RuntimeException e) {
        root.put("replayError", "the sign-in cannot be decided again on the running policies");
      }
    }
    json(resp, root);
  }

  private void export(
      Access.Subject s, HttpServletRequest req, HttpServletResponse resp, boolean csv)
      throws IOException {
    Scope scope = scope(s, Access.EXPORT, resp);
    if (scope == null) {
      return;
    }
    Query q = Query.of(scope.index(), req::getParameter, scope.visible());
    resp.setContentType(csv ? "text/csv;charset=utf-8" : "application/x-ndjson;charset=utf-8");
    resp.setHeader(
        "Content-Disposition", "attachment; filename=\"sign-ins." + (csv ? "csv" : "jsonl") + "\"");
    Writer out = resp.getWriter();
    Views.export(q, csv, out);
    out.flush();
  }

  private void policySet(Access.Subject s, HttpServletResponse resp) throws IOException {
    if (policies == null) {
      problem(resp, 404, "not_found");
      return;
    }
    if (refused(s, Access.POLICIES, resp)) {
      return;
    }
    CompiledPolicies running = policies.current();
    ObjectNode root = Views.MAPPER.createObjectNode();
    root.put("revision", revision.get());
    root.put("loadedAt", loadedAt.toString());
    root.put("whatIf", access.check(s, Access.WHATIF) == null);
    policies(running, root.putArray("policies"));
    json(resp, root);
  }

  /** Adds each policy of {@code running}: id, kind, mode, source and conditions. */
  static void policies(CompiledPolicies running, ArrayNode list) {
    for (Policy p : running.policySet().policies()) {
      ObjectNode o =
          list.addObject()
              .put("id", p.id())
              .put("kind", p.kind())
              .put("reportOnly", p.reportOnly())
              .put("source", p.source().toString());
      ArrayNode conditions = o.putArray("conditions");
      p.conditions().forEach(c -> conditions.add(c.toString()));
    }
  }

  private void whatIf(Access.Subject s, HttpServletRequest req, HttpServletResponse resp)
      throws IOException {
    if (policies == null) {
      problem(resp, 404, "not_found");
      return;
    }
    if (refused(s, Access.WHATIF, resp)) {
      return;
    }
    String token = req.getHeader(CSRF_HEADER);
    String site = req.getHeader("Sec-Fetch-Site");
    if (token == null
        || !MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8),
            csrfToken(s.userId()).getBytes(StandardCharsets.UTF_8))
        || site != null && !site.equals("same-origin")) {
      problem(resp, 403, "csrf_token_invalid");
      return;
    }
    if (req.getContentType() == null || !req.getContentType().startsWith("application/json")) {
      problem(resp, 415, "unsupported_media_type", "send the request as application/json");
      return;
    }
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      problem(resp, 413, "request_too_large");
      return;
    }
    CompiledPolicies running = policies.current();
    AccessRequest request;
    try {
      request = whatIfRequest(running, Views.MAPPER.readTree(body));
    } catch (IOException | RuntimeException e) {
      problem(
          resp,
          400,
          "bad_request",
          e.getMessage() == null
              ? "malformed request"
              : e.getMessage().lines().findFirst().orElse("malformed request"));
      return;
    }
    json(resp, decision(running.explain(request)));
  }

  private static AccessRequest whatIfRequest(CompiledPolicies running, JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("expected an object of attribute values");
    }
    AccessRequest.Builder b = AccessRequest.builder(running.schema());
    for (Map.Entry<String, JsonNode> e : body.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull() || v.isTextual() && v.asText().isBlank()) {
        continue;
      }
      if (v.isArray()) {
        List<String> items = new ArrayList<>();
        v.forEach(item -> items.add(item.asText()));
        b.set(e.getKey(), items);
      } else if (v.isIntegralNumber()) {
        b.set(e.getKey(), v.asLong());
      } else if (v.isBoolean()) {
        b.set(e.getKey(), v.asBoolean());
      } else {
        b.set(e.getKey(), v.asText());
      }
    }
    return b.build();
  }

  static ObjectNode decision(Explanation explanation) {
    Decision d = explanation.decision();
    ObjectNode o = Views.MAPPER.createObjectNode();
    o.put("effect", d.effect().name());
    ArrayNode reasons = o.putArray("reasons");
    for (Reason r : d.reasons()) {
      reasons
          .addObject()
          .put("code", r.code().id())
          .put("policy", r.policy())
          .put("message", r.message());
    }
    ArrayNode requirements = o.putArray("requirements");
    for (Requirement r : d.requirements()) {
      requirements.add(r.toString());
    }
    ArrayNode matched = o.putArray("matched");
    d.matched().forEach(matched::add);
    ArrayNode reportOnly = o.putArray("reportOnly");
    for (ReportOnlyOutcome r : d.reportOnly()) {
      reportOnly.addObject().put("policy", r.policy()).put("effect", r.effect().name());
    }
    o.put("explanation", explanation.text());
    return o;
  }

  private static int position(EventIndex x, @Nullable String id) {
    if (id == null) {
      return -1;
    }
    int dash = id.indexOf('-');
    try {
      long generation = Long.parseLong(id.substring(0, Math.max(dash, 0)));
      int position = Integer.parseInt(id.substring(dash + 1));
      return generation == x.generation() && position >= 0 && position < x.size() ? position : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int intParam(HttpServletRequest req, String name, int otherwise) {
    String v = req.getParameter(name);
    if (v == null || v.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed `" + name + "`: expected a whole number");
    }
  }

  private String csrfToken(String userId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(csrfKey, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static void json(HttpServletResponse resp, JsonNode node) throws IOException {
    resp.setContentType("application/json;charset=utf-8");
    Views.MAPPER.writeValue(resp.getWriter(), node);
  }

  static void problem(HttpServletResponse resp, int status, String code) throws IOException {
    problem(resp, status, code, null);
  }

  private static void problem(
      HttpServletResponse resp, int status, String code, @Nullable String detail)
      throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/problem+json;charset=utf-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:gatehouse:dashboard:" + code);
    body.put("title", code.replace('_', ' '));
    body.put("status", status);
    body.put("code", code);
    if (detail != null) {
      body.put("detail", detail);
    }
    Views.MAPPER.writeValue(resp.getWriter(), body);
  }

  private static void asset(String name, HttpServletResponse resp) throws IOException {
    String type =
        switch (name) {
          case "dashboard.js" -> "text/javascript;charset=utf-8";
          case "dashboard.css" -> "text/css;charset=utf-8";
          default -> null;
        };
    if (type == null) {
      problem(resp, 404, "not_found");
      return;
    }
    resp.setContentType(type);
    resp.setHeader("Cache-Control", "max-age=300");
    resp.getWriter().write(resource(name));
  }

  /**
   * Returns one of the dashboard's resources, such as {@code dashboard.js}.
   *
   * @param name the resource name
   * @return its text
   */
  static String resource(String name) {
    try (InputStream in = SignInDashboard.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource `" + name + "` is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("resource `" + name + "` cannot be read", e);
    }
  }
}
