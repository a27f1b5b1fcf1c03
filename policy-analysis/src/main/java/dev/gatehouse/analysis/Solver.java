package dev.gatehouse.analysis;

import dev.gatehouse.api.AccessRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.logicng.datastructures.Assignment;
import org.logicng.datastructures.Tristate;
import org.logicng.formulas.Formula;
import org.logicng.formulas.Literal;
import org.logicng.formulas.Variable;
import org.logicng.handlers.TimeoutSATHandler;
import org.logicng.solvers.MiniSat;
import org.logicng.solvers.SATSolver;

/**
 * Queries to one incremental SAT solver under a time budget each: finds a request satisfying a
 * formula and confirms it with the engine; a model that no request realizes, or that the engine
 * does not confirm, is excluded and the search goes on, but then "no request" is no longer a proof.
 * The encoding's constraints are added once; each query is guarded by a fresh selector variable,
 * assumed while it runs and retired after, so queries never see each other.
 */
final class Solver {

  /** What a query found: a confirmed request, a proof that there is none, or neither. */
  record Answer(AccessRequest request, boolean proved, String why) {}

  private final Encoding e;
  private final SATSolver solver;
  private int queries;

  Solver(Encoding e) {
    this.e = e;
    this.solver = MiniSat.miniSat(e.f);
    solver.add(e.constraints());
  }

  /**
   * Returns a variable that implies {@code body}, added once: queries that share a large part name
   * it instead of adding it again.
   */
  Variable define(String name, Formula body) {
    Variable v = e.f.variable("def:" + name);
    solver.add(e.f.implication(v, body));
    return v;
  }

  /** Runs one query on a solver of its own. */
  static Answer find(
      Encoding e, Formula query, long budgetMillis, Predicate<AccessRequest> confirmed) {
    return new Solver(e).ask(query, budgetMillis, confirmed, false);
  }

  /**
   * Looks for a request satisfying {@code query} that {@code confirmed} accepts.
   *
   * @param complete whether only requests with every attribute present count
   */
  Answer ask(
      Formula query, long budgetMillis, Predicate<AccessRequest> confirmed, boolean complete) {
    long deadline = System.currentTimeMillis() + budgetMillis;
    Variable selector = e.f.variable("query:" + queries++);
    solver.add(e.f.implication(selector, query));
    try {
      return search(selector, deadline, budgetMillis, confirmed, complete);
    } finally {
      solver.add(selector.negate()); // retired: its clauses are satisfied from now on
    }
  }

  private Answer search(
      Variable selector,
      long deadline,
      long budgetMillis,
      Predicate<AccessRequest> confirmed,
      boolean complete) {
    List<Literal> all = new ArrayList<>(e.presentLiterals());
    all.add(selector);
    List<Literal> required = complete ? all : List.of(selector);
    boolean exact = true;
    for (int attempt = 0; attempt < 64; attempt++) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return outOfTime(budgetMillis);
      }
      // A request with every attribute present reads better, and tells more, than one that
      // differs only because an attribute is missing: ask for one first.
      Tristate result = solver.sat(new TimeoutSATHandler(left), all);
      if (result == Tristate.FALSE && !complete) {
        left = deadline - System.currentTimeMillis();
        result = left <= 0 ? Tristate.UNDEF : solver.sat(new TimeoutSATHandler(left), required);
      }
      if (result == Tristate.UNDEF) {
        return outOfTime(budgetMillis);
      }
      if (result == Tristate.FALSE) {
        return exact
            ? new Answer(null, true, "no request")
            : new Answer(null, false, "the solver's witnesses did not hold in the engine");
      }
      Assignment model = solver.model();
      AccessRequest request = e.request(model);
      if (request != null && confirmed.test(request)) {
        return new Answer(request, false, "");
      }
      exact = false;
      solver.add(block(selector, model));
    }
    return new Answer(null, false, "the solver's witnesses did not hold in the engine");
  }

  private static Answer outOfTime(long budgetMillis) {
    return new Answer(null, false, "out of time after " + budgetMillis + " ms");
  }

  /** The clause that excludes exactly this model, while this query runs. */
  private Formula block(Variable selector, Assignment model) {
    List<Formula> other = new ArrayList<>();
    other.add(selector.negate());
    for (Literal l : model.literals()) {
      if (!l.name().startsWith("query:") && !l.name().startsWith("def:")) {
        other.add(l.negate());
      }
    }
    return e.f.or(other);
  }
}
