package dev.gatehouse.dsl.internal;

import dev.gatehouse.api.internal.Suggestions;
import dev.gatehouse.dsl.DiagnosticCode;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Warns about an app named in a {@code restrict} or {@code authenticate} {@code apps [...]} list
 * that no {@code assign} grants: app names are compared exactly, so {@code "Payroll"} beside {@code
 * app "payroll"} restricts nothing and leaves payroll open. The hint names the granted app that
 * differs only in case or in look-alike characters, else the nearest by spelling; an app near no
 * granted one is not reported. The look-alikes are a short table of the Cyrillic and Greek letters
 * that render as Latin ones: a full confusables library (ICU) would be a dependency of the core
 * modules.
 */
final class GrantedApps {

  /** Letters of other scripts, and digits, that render like a Latin letter, to that letter. */
  private static final String CONFUSABLE_FROM =
      // Cyrillic а в е к м н о р с т у х ѕ і ј ԁ ԛ ԝ
      "\u0430\u0432\u0435\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0443\u0445\u0455\u0456"
          + "\u0458\u0501\u051b\u051d"
          // Greek α β ε ι κ ν ο ρ τ υ χ γ
          + "\u03b1\u03b2\u03b5\u03b9\u03ba\u03bd\u03bf\u03c1\u03c4\u03c5\u03c7\u03b3"
          // dotless ı, script ɡ, ℓ, and the digits and bar read as letters
          + "\u0131\u0261\u2113"
          + "1|0";

  private static final String CONFUSABLE_TO = "abekmhopctyxsijdqw" + "abeikvoptuxy" + "igl" + "llo";

  private GrantedApps() {}

  /** Checks every {@code apps [...]} list of {@code units} against the apps they grant. */
  static void check(Iterable<Resolver.Unit> units) {
    Set<String> granted = new LinkedHashSet<>();
    for (Resolver.Unit u : units) {
      for (Ast.Decl d : u.file().decls()) {
        if (d instanceof Ast.PolicyDecl p) {
          p.clauses().stream()
              .filter(Ast.GrantClause.class::isInstance)
              .forEach(c -> granted.add(((Ast.GrantClause) c).app().value()));
        }
      }
    }
    if (granted.isEmpty()) {
      return; // Policies checked apart from their assignments; nothing to compare with.
    }
    for (Resolver.Unit u : units) {
      for (Ast.Decl d : u.file().decls()) {
        if (d instanceof Ast.PolicyDecl p) {
          p.clauses().stream()
              .filter(Ast.AppsClause.class::isInstance)
              .flatMap(c -> ((Ast.AppsClause) c).apps().stream())
              .filter(app -> !granted.contains(app.value()))
              .forEach(app -> warn(p, app, granted, u.reporter()));
        }
      }
    }
  }

  /**
   * Warns when a granted app is near {@code app}. An app far from every granted one is left alone:
   * it may be granted by policies kept elsewhere (the reference example restricts {@code payroll}
   * without assigning it), and the check must not guess.
   */
  private static void warn(Ast.PolicyDecl p, Ast.Str app, Set<String> granted, Reporter r) {
    Optional<String> near =
        lookAlike(app.value(), granted).or(() -> Suggestions.nearest(app.value(), granted));
    near.ifPresent(
        n ->
            r.warning(
                DiagnosticCode.UNGRANTED_APP,
                app.span(),
                "no assign grants the app `"
                    + app.value()
                    + "`, so "
                    + p.kind().text()
                    + " `"
                    + p.id().value()
                    + "` never applies to it",
                "did you mean `" + n + "`? app names are compared exactly"));
  }

  /** Returns the granted app that differs from {@code name} only in case or look-alikes. */
  private static Optional<String> lookAlike(String name, Set<String> granted) {
    String skeleton = skeleton(name);
    return granted.stream().filter(g -> skeleton(g).equals(skeleton)).findFirst();
  }

  /** Folds width, case and look-alike characters, so that names that render alike are equal. */
  static String skeleton(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      int at = CONFUSABLE_FROM.indexOf(c);
      b.append(at < 0 ? c : CONFUSABLE_TO.charAt(at));
    }
    return b.toString();
  }
}
