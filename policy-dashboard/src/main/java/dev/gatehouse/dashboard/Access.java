package dev.gatehouse.dashboard;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReasonCode;
import dev.gatehouse.dashboard.internal.Values;
import dev.gatehouse.engine.CompiledPolicies;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.servlet.AuthAttributes;
import dev.gatehouse.servlet.AuthContextMapping;
import dev.gatehouse.servlet.ClientIp;
import dev.gatehouse.servlet.SubjectResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides the dashboard's admin actions for the signed-in administrator on the host's policies. */
final class Access {

  /** The admin actions of the dashboard. */
  static final String VIEW = "signins.view";

  static final String EXPORT = "signins.export";
  static final String POLICIES = "policies.view";
  static final String WHATIF = "policies.whatif";

  private static final Logger LOG = LoggerFactory.getLogger(Access.class);

  /** Why a request may not go on: the status and the one code the answer names. */
  record Refusal(int status, String code) {}

  /** Who is asking: the request without action and target, on one set of policies. */
  record Subject(AccessRequest base, CompiledPolicies policies, String userId) {}

  private final PolicyEngineHolder holder;
  private final SubjectResolver resolver;
  private final ClientIp clientIp;
  private final UserDirectory directory;
  private final Clock clock;

  Access(
      PolicyEngineHolder holder,
      SubjectResolver resolver,
      ClientIp clientIp,
      UserDirectory directory,
      Clock clock) {
    this.holder = holder;
    this.resolver = resolver;
    this.clientIp = clientIp;
    this.directory = directory;
    this.clock = clock;
  }

  /** Returns the subject, or empty if the resolver cannot tell who is asking. */
  Optional<Subject> subject(HttpServletRequest http) {
    CompiledPolicies policies = holder.current();
    Optional<IpAddress> ip = clientIp.resolve(http);
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    try {
      AccessRequest.Builder b = AccessRequest.builder(policies.schema());
      if (!resolver.resolve(http, b)) {
        return Optional.empty();
      }
      for (String owned : List.of("app", "request.action", "request.ip", "request.time")) {
        b.clear(owned);
      }
      b.set("request.ip", ip.get()).set("request.time", clock.instant());
      // The filter's own reading, SAML and OIDC values and their refusals included.
      AuthAttributes.apply(http, AuthContextMapping.standard(), b);
      AccessRequest base = b.build();
      Object id = base.value("user.id").orElse(null);
      if (!(id instanceof String)) {
        return Optional.empty();
      }
      return Optional.of(new Subject(base, policies, (String) id));
    } catch (RuntimeException e) {
      // The message may quote a host-supplied value: only its kind is logged.
      LOG.warn("dashboard request refused: {} resolving the subject", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /** Returns why {@code action} without a target is refused to the subject, or null if allowed. */
  @Nullable Refusal check(Subject s, String action) {
    return refusal(decide(s, action, null));
  }

  /**
   * Which users' sign-ins a subject may see: null users for all of them, and a key that tells one
   * scope from another for caching.
   */
  record Visibility(@Nullable BitSet users, String key) {}

  /**
   * Returns the users of {@code snapshot} whose sign-ins the subject may see with {@code action}.
   */
  Visibility visibleUsers(Subject s, String action, Snapshot snapshot) {
    if (decide(s, action, null).effect() == Effect.PERMIT) {
      return new Visibility(null, "all");
    }
    List<Map<String, ?>> profiles = snapshot.profiles();
    boolean[] allowed = new boolean[profiles.size()];
    boolean all = true;
    StringBuilder key = new StringBuilder(allowed.length);
    for (int p = 0; p < allowed.length; p++) {
      allowed[p] = decide(s, action, profiles.get(p)).effect() == Effect.PERMIT;
      all &= allowed[p];
      key.append(allowed[p] ? '1' : '0');
    }
    int[] profileOfUser = snapshot.profileOfUser();
    if (all && Arrays.stream(profileOfUser).allMatch(p -> p >= 0)) {
      return new Visibility(null, "all");
    }
    BitSet visible = new BitSet(profileOfUser.length);
    for (int u = 0; u < profileOfUser.length; u++) {
      if (profileOfUser[u] >= 0 && allowed[profileOfUser[u]]) {
        visible.set(u);
      }
    }
    return new Visibility(visible, key.toString());
  }

  /** Returns the refusal for a decision that is not a PERMIT, or null. */
  static @Nullable Refusal refusal(Decision d) {
    switch (d.effect()) {
      case PERMIT:
        return null;
      case CHALLENGE:
        return new Refusal(401, "step_up_required");
      default:
        return new Refusal(403, "not_delegated");
    }
  }

  Decision decide(Subject s, String action, @Nullable Map<String, ?> target) {
    try {
      AccessRequest.Builder b = s.base().toBuilder().set("request.action", action);
      if (target != null) {
        Values.setUser(b, s.policies().schema(), target, "target");
      }
      return s.policies().evaluate(b.build());
    } catch (RuntimeException e) {
      // A directory value that does not fit the schema never widens access.
      LOG.warn(
          "dashboard access refused: {} building the admin request", e.getClass().getSimpleName());
      return Decision.deny(
          new Reason(ReasonCode.INTERNAL_ERROR, "", "the admin request could not be built"));
    }
  }

  UserDirectory directory() {
    return directory;
  }
}
