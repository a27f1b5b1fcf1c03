package dev.gatehouse.analysis;

import dev.gatehouse.api.AccessRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.logicng.datastructures.Assignment;
import org.logicng.datastructures.Tristate;
import org.logicng.formulas.Formula;
import org.logicng.formulas.Literal;
import org.logicng.handlers.TimeoutSATHandler;
import org.logicng.solvers.MiniSat;
import org.logicng.solvers.SATSolver;

/**
 * One query to the SAT solver under a time budget: finds a request satisfying a formula and
 * confirms it with the engine; a model that no request realizes, or that the engine does not
 * confirm, is excluded and the search goes on, but then "no request" is no longer a proof.
 */
final class Solver {

  /** What a query found: a confirmed request, a proof that there is none, or neither. */
  record Answer(AccessRequest request, boolean proved, String why) {}

  private Solver() {}

  static Answer find(Encoding e, Formula query, long budgetMillis,
      Predicate<AccessRequest> confirmed) {
    long deadline = System.currentTimeMillis() + budgetMillis;
    SATSolver solver = MiniSat.miniSat(e.f);
    solver.add(e.constraints());
    solver.add(query);
    boolean exact = true;
    for (int attempt = 0; attempt < 64; attempt++) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return new Answer(null, false, "out of time after " + budgetMillis + " ms");
      }
      // A request with every attribute present reads better, and tells more, than one that
      // differs only because an attribute is missing: ask for one first.
      Tristate result = solver.sat(new TimeoutSATHandler(left), e.presentLiterals());
      if (result == Tristate.FALSE) {
        left = deadline - System.currentTimeMillis();
        result = left <= 0 ? Tristate.UNDEF : solver.sat(new TimeoutSATHandler(left));
      }
      if (result == Tristate.UNDEF) {
        return new Answer(null, false, "out of time after " + budgetMillis + " ms");
      }
      if (result == Tristate.FALSE) {
        return exact ? new Answer(null, true, "no request")
            : new Answer(null, false, "the solver's witnesses did not hold in the engine");
      }
      Assignment model = solver.model();
      AccessRequest request = e.request(model);
      if (request != null && confirmed.test(request)) {
        return new Answer(request, false, "");
      }
      exact = false;
      solver.add(block(e, model));
    }
    return new Answer(null, false, "the solver's witnesses did not hold in the engine");
  }

  /** The clause that excludes exactly this model. */
  private static Formula block(Encoding e, Assignment model) {
    List<Formula> other = new ArrayList<>();
    for (Literal l : model.literals()) {
      other.add(l.negate());
    }
    return e.f.or(other);
  }
}
