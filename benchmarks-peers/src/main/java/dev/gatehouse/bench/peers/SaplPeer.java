package dev.gatehouse.bench.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.sapl.api.functions.Function;
import io.sapl.api.functions.FunctionLibrary;
import io.sapl.api.interpreter.Val;
import io.sapl.api.pdp.AuthorizationDecision;
import io.sapl.api.pdp.AuthorizationSubscription;
import io.sapl.api.pdp.Decision;
import io.sapl.api.validation.Text;
import io.sapl.interpreter.DefaultSAPLInterpreter;
import io.sapl.interpreter.InitializationException;
import io.sapl.interpreter.combinators.PolicyDocumentCombiningAlgorithm;
import io.sapl.interpreter.functions.AnnotationFunctionContext;
import io.sapl.interpreter.pip.AnnotationAttributeContext;
import io.sapl.pdp.EmbeddedPolicyDecisionPoint;
import io.sapl.pdp.PolicyDecisionPointFactory;
import io.sapl.pdp.config.PDPConfiguration;
import io.sapl.prp.Document;
import io.sapl.prp.PrpUpdateEvent;
import io.sapl.prp.index.canonical.CanonicalImmutableParsedDocumentIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Flux;

/**
 * SAPL's embedded PDP as a peer, on app assignment and allowed networks (steps 1 and 2 of DESIGN
 * §4) for {@code access} requests, its documents held in SAPL's canonical index.
 *
 * <p>Each enforced {@code assign} grant becomes a {@code permit} document whose target tests the
 * app and the user's attributes; each enforced {@code restrict} a {@code deny} document per covered
 * app (none for a tenant-wide one) whose target holds its condition and whose body is "the client
 * is in none of the allowed blocks", through {@code network.inAny}: SAPL's standard libraries have
 * no CIDR test, so this class registers one as a function library (blocks parsed once, the client
 * address, JSON text, on each call). Combined with {@code deny-overrides}, the PDP permits exactly
 * when some assignment matches and no restriction is broken. MFA and delegation are not expressed:
 * SAPL's combining algorithms cannot say "challenge" beside permit and deny.
 *
 * <p>{@code PolicyDecisionPointFactory.fixedInRamPolicyDecisionPoint} indexes documents with SAPL's
 * naive index (every target evaluated on each request); this class assembles the same PDP around
 * {@code CanonicalImmutableParsedDocumentIndex}, which evaluates each distinct predicate once. A
 * decision is asked with {@code decideOnce(..).block()}, the blocking use of its reactive API.
 */
public final class SaplPeer implements Peer {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final EmbeddedPolicyDecisionPoint pdp;

  /** The user attributes the targets read, and where a host request holds them. */
  private final String[] keys;

  private final java.util.function.Function<HostRequest, Object>[] fields;

  /**
   * Translates the enforced assignments and restrictions of {@code set} into SAPL documents and
   * starts a PDP on its canonical index.
   *
   * @param set the policies
   * @throws IllegalStateException if SAPL rejects the documents
   */
  public SaplPeer(PolicySet set) {
    this(set, true);
  }

  /**
   * Translates {@code set} in one of the forms tried.
   *
   * @param set the policies
   * @param canonical SAPL's canonical index, or the naive one its fixed in-RAM factory builds
   */
  @SuppressWarnings("unchecked")
  SaplPeer(PolicySet set, boolean canonical) {
    List<String> documents = new ArrayList<>();
    Set<String> read = new TreeSet<>();
    for (AssignPolicy a : set.policies(AssignPolicy.class)) {
      if (a.reportOnly()) {
        continue;
      }
      InfixRules.userAttributes(a.when(), read);
      int n = 0;
      for (Grant g : a.grants()) {
        documents.add(
            "policy \""
                + a.id()
                + "-"
                + n++
                + "\"\npermit resource == "
                + TARGETS.quote(g.app())
                + " & "
                + TARGETS.write(a.when()));
      }
    }
    for (RestrictPolicy r : set.policies(RestrictPolicy.class)) {
      if (r.reportOnly()) {
        continue;
      }
      InfixRules.userAttributes(r.when(), read);
      String body = "\nwhere\n  !network.inAny(environment.ip" + blocks(r) + ");";
      if (r.apps().isEmpty()) {
        documents.add("policy \"" + r.id() + "\"\ndeny " + TARGETS.write(r.when()) + body);
      }
      for (String app : r.apps()) {
        documents.add(
            "policy \""
                + r.id()
                + "-"
                + app
                + "\"\ndeny resource == "
                + TARGETS.quote(app)
                + " & "
                + TARGETS.write(r.when())
                + body);
      }
    }
    keys = read.stream().map(a -> a.substring("user.".length())).toArray(String[]::new);
    fields = read.stream().map(HostRequest::field).toArray(java.util.function.Function[]::new);
    try {
      pdp = canonical ? canonicalPdp(documents) : naivePdp(documents);
    } catch (InitializationException e) {
      throw new IllegalStateException("SAPL rejects the translated policies: " + e.getMessage(), e);
    }
  }

  /** The PDP of SAPL's fixed in-RAM factory, on the canonical index instead of the naive one. */
  private static EmbeddedPolicyDecisionPoint canonicalPdp(List<String> documents)
      throws InitializationException {
    AnnotationAttributeContext attributes = new AnnotationAttributeContext();
    AnnotationFunctionContext functions = new AnnotationFunctionContext();
    functions.loadLibrary(NetworkFunctions.class);
    DefaultSAPLInterpreter interpreter = new DefaultSAPLInterpreter();
    List<PrpUpdateEvent.Update> updates = new ArrayList<>();
    for (String source : documents) {
      Document d = interpreter.parseDocument(source);
      if (d.isInvalid()) {
        throw new IllegalStateException("SAPL rejects `" + source + "`: " + d.errorMessage());
      }
      updates.add(new PrpUpdateEvent.Update(PrpUpdateEvent.Type.PUBLISH, d));
    }
    var index =
        new CanonicalImmutableParsedDocumentIndex(attributes, functions)
            .apply(new PrpUpdateEvent(updates));
    PDPConfiguration configuration =
        new PDPConfiguration(
            "gatehouse-benchmark",
            attributes,
            functions,
            Map.of(),
            PolicyDocumentCombiningAlgorithm.DENY_OVERRIDES,
            UnaryOperator.identity(),
            UnaryOperator.identity(),
            index);
    return new EmbeddedPolicyDecisionPoint(() -> Flux.just(configuration));
  }

  /** SAPL's own fixed in-RAM PDP, which indexes with {@code NaiveImmutableParsedDocumentIndex}. */
  private static EmbeddedPolicyDecisionPoint naivePdp(List<String> documents)
      throws InitializationException {
    AnnotationFunctionContext functions = new AnnotationFunctionContext();
    functions.loadLibrary(NetworkFunctions.class);
    return PolicyDecisionPointFactory.fixedInRamPolicyDecisionPoint(
        new DefaultSAPLInterpreter(),
        documents,
        PolicyDocumentCombiningAlgorithm.DENY_OVERRIDES,
        Map.of(),
        new AnnotationAttributeContext(),
        functions,
        UnaryOperator.identity(),
        UnaryOperator.identity());
  }

  private static String blocks(RestrictPolicy r) {
    StringBuilder s = new StringBuilder();
    for (Network n : r.allow()) {
      for (IpNetwork b : n.blocks()) {
        s.append(", \"").append(b).append('"');
      }
    }
    return s.toString();
  }

  /** Conditions over {@code user.*} as SAPL target expressions on {@code subject}. */
  static final InfixRules TARGETS =
      new InfixRules(
          "SAPL",
          " & ",
          " | ",
          "subject.",
          s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"',
          (field, value) -> value + " in " + field);

  /** The CIDR test SAPL's standard libraries lack. */
  @FunctionLibrary(name = "network", description = "IP address tests")
  public static final class NetworkFunctions {

    private static final Map<String, IPAddress> BLOCKS = new ConcurrentHashMap<>();

    /**
     * {@return whether the address (the first argument) lies in one of the CIDR blocks (the
     * others), IPv4 or IPv6}
     *
     * @param arguments the client address, then the blocks, all text
     */
    @Function(docs = "network.inAny(ip, cidr...): whether ip lies in one of the blocks")
    public static Val inAny(@Text Val... arguments) {
      IPAddress address = new IPAddressString(arguments[0].getText()).getAddress();
      if (address == null) {
        return Val.FALSE;
      }
      for (int i = 1; i < arguments.length; i++) {
        IPAddress block =
            BLOCKS.computeIfAbsent(
                arguments[i].getText(), c -> new IPAddressString(c).getAddress().toPrefixBlock());
        if (block.contains(address)) {
          return Val.TRUE;
        }
      }
      return Val.FALSE;
    }
  }

  @Override
  public String name() {
    return "sapl";
  }

  @Override
  public Question question() {
    return Question.ASSIGNED_AND_NETWORK;
  }

  /**
   * Builds the subscription's JSON directly with Jackson's node factory (what {@code
   * AuthorizationSubscription.of} would reach through an {@code ObjectMapper} conversion): the
   * user's attributes as the subject, the app as the resource, the client address in the
   * environment.
   */
  @Override
  public Object prepare(HostRequest request) {
    ObjectNode subject = JSON.objectNode();
    for (int i = 0; i < keys.length; i++) {
      Object v = fields[i].apply(request);
      if (v instanceof String s) {
        subject.put(keys[i], s);
      } else if (v instanceof List<?> list) {
        ArrayNode array = subject.putArray(keys[i]);
        list.forEach(e -> array.add((String) e));
      }
    }
    ObjectNode environment = JSON.objectNode();
    if (request.ip() != null) {
      environment.put("ip", request.ip());
    }
    JsonNode resource = request.app() == null ? JSON.nullNode() : JSON.textNode(request.app());
    return new AuthorizationSubscription(
        subject, JSON.textNode(request.action()), resource, environment);
  }

  @Override
  public Object decide(Object prepared) {
    return pdp.decideOnce((AuthorizationSubscription) prepared).block();
  }

  @Override
  public Object answer(Object decided) {
    return ((AuthorizationDecision) decided).getDecision() == Decision.PERMIT;
  }
}
