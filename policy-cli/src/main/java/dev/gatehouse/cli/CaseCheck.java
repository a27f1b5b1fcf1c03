package dev.gatehouse.cli;

import dev.gatehouse.api.Decision;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Reason;
import dev.gatehouse.api.ReportOnlyOutcome;
import dev.gatehouse.api.Requirement;
import dev.gatehouse.api.policy.Durations;
import dev.gatehouse.cli.TestFile.Expectation;
import dev.gatehouse.cli.TestFile.Expected;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compares a decision with what a test case expects, and lists each difference as a pair of lines:
 * {@code - } what was expected, {@code + } what the decision holds.
 */
final class CaseCheck {

  private CaseCheck() {}

  /** Returns the diff lines; empty when the decision meets the expectation. */
  static List<String> diff(Expectation expect, Decision actual) {
    List<String> lines = new ArrayList<>();
    if (expect.effect() != actual.effect()) {
      pair(lines, "effect", expect.effect().name(), actual.effect().name());
    }
    List<String> roles = expect.roles();
    if (roles != null && !sorted(roles).equals(sorted(actual.roles()))) {
      pair(lines, "roles", sorted(roles).toString(), sorted(actual.roles()).toString());
    }
    compare(
        lines,
        "reasons",
        expect.reasons(),
        actual.reasons(),
        CaseCheck::matches,
        CaseCheck::show,
        CaseCheck::show);
    compare(
        lines,
        "requirements",
        expect.requirements(),
        actual.requirements(),
        CaseCheck::matches,
        CaseCheck::show,
        CaseCheck::show);
    compare(
        lines,
        "reportOnly",
        expect.reportOnly(),
        actual.reportOnly(),
        CaseCheck::matches,
        CaseCheck::show,
        CaseCheck::show);
    return lines;
  }

  /**
   * Adds a diff unless each expected item matches a different actual one and none is left over.
   * Items naming more fields go first, so a looser one never takes the match a stricter needs.
   */
  private static <T> void compare(
      List<String> lines,
      String what,
      @Nullable List<Expected> expected,
      List<T> actual,
      BiPredicate<Expected, T> matches,
      Function<Expected, String> showExpected,
      Function<T, String> showActual) {
    if (expected == null) {
      return;
    }
    List<T> left = new ArrayList<>(actual);
    List<Expected> strictFirst = new ArrayList<>(expected);
    strictFirst.sort(Comparator.comparingInt(CaseCheck::looseness));
    boolean ok = expected.size() == actual.size();
    for (Expected e : strictFirst) {
      int i = indexOf(left, e, matches);
      if (i < 0) {
        ok = false;
        break;
      }
      left.remove(i);
    }
    if (!ok) {
      pair(lines, what, list(expected, showExpected), list(actual, showActual));
    }
  }

  private static <T> int indexOf(List<T> items, Expected e, BiPredicate<Expected, T> matches) {
    for (int i = 0; i < items.size(); i++) {
      if (matches.test(e, items.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int looseness(Expected e) {
    return (e.policy() == null ? 1 : 0)
        + (e.factors() == null ? 1 : 0)
        + (e.within() == null ? 1 : 0);
  }

  private static boolean matches(Expected e, Reason r) {
    return e.key().equals(r.code().id()) && (e.policy() == null || e.policy().equals(r.policy()));
  }

  private static boolean matches(Expected e, Requirement r) {
    return e.key().equals(r.policy())
        && (e.factors() == null || sorted(e.factors()).equals(sorted(factors(r))))
        && (e.within() == null
            || r.kind() != Requirement.Kind.SSO && e.within().equals(r.within()));
  }

  private static boolean matches(Expected e, ReportOnlyOutcome r) {
    return e.key().equals(r.policy()) && r.effect().name().equals(e.effect());
  }

  private static String show(Expected e) {
    StringBuilder s = new StringBuilder(e.key());
    if (e.policy() != null) {
      s.append(" [").append(e.policy()).append(']');
    }
    if (e.factors() != null) {
      s.append(' ').append(sorted(e.factors()));
    }
    if (e.within() != null) {
      s.append(" within ").append(Durations.format(e.within()));
    }
    if (e.effect() != null) {
      s.append(' ').append(e.effect());
    }
    return s.toString();
  }

  private static String show(Reason r) {
    return r.code().id() + (r.policy().isEmpty() ? "" : " [" + r.policy() + "]");
  }

  private static String show(Requirement r) {
    String within = within(r);
    return r.policy() + " " + sorted(factors(r)) + (within == null ? "" : " within " + within);
  }

  private static String show(ReportOnlyOutcome r) {
    return r.policy() + " " + r.effect().name();
  }

  private static List<String> factors(Requirement r) {
    return r.kind() == Requirement.Kind.SSO
        ? List.of(Factor.SSO.id())
        : r.factors().stream().map(Factor::id).collect(Collectors.toList());
  }

  private static @Nullable String within(Requirement r) {
    return r.kind() == Requirement.Kind.SSO ? null : Durations.format(r.within());
  }

  private static <T> String list(List<T> items, Function<T, String> show) {
    return items.stream().map(show).sorted().collect(Collectors.joining(", ", "[", "]"));
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().collect(Collectors.toList());
  }

  private static void pair(List<String> lines, String what, String expected, String actual) {
    lines.add("- " + what + ": " + expected);
    lines.add("+ " + what + ": " + actual);
  }
}
