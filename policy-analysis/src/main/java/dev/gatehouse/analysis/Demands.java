package dev.gatehouse.analysis;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Effect;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Requirement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a decision asks of the person, whichever policies ask it: the one notion of "decides the
 * same" that the diff, the proofs and their tests share.
 */
final class Demands {

  static final String SSO = "sso";

  private Demands() {}

  /** The key of an MFA requirement: its factors, as a set, and its duration. */
  static String mfa(Collection<Factor> factors, Duration within) {
    return "mfa "
        + factors.stream()
            .map(Factor::id)
            .sorted()
            .distinct()
            .collect(Collectors.joining(",", "[", "]"))
        + " "
        + within.toMillis();
  }

  static Set<String> of(List<Requirement> requirements) {
    Set<String> keys = new TreeSet<>();
    for (Requirement r : requirements) {
      keys.add(r.kind() == Requirement.Kind.SSO ? SSO : mfa(r.factors(), r.within()));
    }
    return keys;
  }

  /**
   * Returns how {@code now} differs from {@code old} for the person asking, or null if it does not:
   * the effect; or, unless both deny, the roles; or, when both challenge, what they ask for.
   */
  static String change(Decision old, Decision now) {
    if (old == now) {
      return null; // the engine shares decisions, so this is the common case
    }
    if (old.effect() != now.effect()) {
      return old.effect() + " → " + now.effect();
    }
    if (old.effect() == Effect.DENY) {
      return null;
    }
    if (!old.roles().equals(now.roles())) {
      return old.effect() + " → " + now.effect() + " with other roles";
    }
    if (old.effect() == Effect.CHALLENGE
        && !of(old.requirements()).equals(of(now.requirements()))) {
      return "CHALLENGE → CHALLENGE with other requirements";
    }
    return null;
  }
}
