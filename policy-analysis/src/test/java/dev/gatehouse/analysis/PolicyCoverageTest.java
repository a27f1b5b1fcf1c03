package dev.gatehouse.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.PolicyDsl;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class PolicyCoverageTest {

  private static final String TEXT =
      "network office = [203.0.113.0/24]\n"
          + "assign \"mail-fr\" {\n"
          + "  app \"mail\" role \"user\"\n"
          + "  when user.employment != \"contractor\" and user.country == \"FR\"\n"
          + "}\n"
          + "assign \"finance-books\" {\n"
          + "  app \"books\" role \"accountant\"\n"
          + "  when user.department == \"Finance\"\n"
          + "}\n"
          + "restrict \"mail-from-office\" {\n"
          + "  apps [\"mail\"]\n"
          + "  allow from office\n"
          + "  when not (user.roles contains \"auditor\")\n"
          + "}\n";

  private final PolicySet set = PolicyDsl.parseOrThrow("t.policy", TEXT);

  private AccessRequest mail(String employment, String country, Set<String> roles) {
    AccessRequest.Builder b =
        AccessRequest.builder(set.schema())
            .set("app", "mail")
            .set("request.action", "access")
            .set("user.employment", employment)
            .set("user.roles", roles);
    if (country != null) {
      b.set("user.country", country);
    }
    return b.build();
  }

  private CoverageReport twoMailCases() {
    PolicyCoverage coverage = new PolicyCoverage();
    coverage.record(set, mail("employee", "FR", Set.of()));
    coverage.record(set, mail("contractor", null, Set.of("auditor")));
    return coverage.report();
  }

  @Test
  void report_twoMailCases_listTheBooksPolicyAsUncoveredWithItsLine() {
    CoverageReport report = twoMailCases();

    assertThat(report.cases()).isEqualTo(2);
    assertThat(report.uncovered())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo("finance-books");
              assertThat(p.source().file()).isEqualTo("t.policy");
              assertThat(p.source().line()).isEqualTo(6);
              assertThat(p.considered()).isZero();
            });
    assertThat(report.percent()).isCloseTo(200.0 / 3, within(1e-9));
  }

  @Test
  void report_missingCountry_isCountedUnknownAndFalseWinsTheAnd() {
    CoverageReport.PolicyResult mail = twoMailCases().policies().get(0);

    assertThat(mail.id()).isEqualTo("mail-fr");
    assertThat(mail.counts()).isEqualTo(new CoverageReport.Counts(1, 1, 0));
    assertThat(mail.parts())
        .extracting(
            CoverageReport.Part::kind, CoverageReport.Part::depth, CoverageReport.Part::counts)
        .containsExactly(
            tuple("and", 0, new CoverageReport.Counts(1, 1, 0)),
            tuple("test", 1, new CoverageReport.Counts(1, 1, 0)),
            tuple("test", 1, new CoverageReport.Counts(1, 0, 1)));
  }

  @Test
  void report_twoMailCases_countEachOutcomeOfEachPart() {
    CoverageReport report = twoMailCases();

    // mail-fr: 5 of 6 (the country test was never false); finance-books: 0 of 2;
    // mail-from-office: the `not` and the `contains` both ways, 4 of 4
    assertThat(report.outcomes()).isEqualTo(12);
    assertThat(report.outcomesSeen()).isEqualTo(9);
    assertThat(report.outcomePercent()).isEqualTo(75.0);
  }

  @Test
  void record_sameFileLoadedTwice_addsUpPerPolicy() {
    PolicyCoverage coverage = new PolicyCoverage();
    coverage.record(set, mail("employee", "FR", Set.of()));
    PolicySet again = PolicyDsl.parseOrThrow("t.policy", TEXT);
    coverage.record(again, mail("employee", "FR", Set.of()));

    CoverageReport report = coverage.report();

    assertThat(report.policies()).hasSize(3);
    assertThat(report.policies().get(0).counts()).isEqualTo(new CoverageReport.Counts(2, 0, 0));
  }

  @Test
  void record_signIn_readsNoAssign() {
    PolicyCoverage coverage = new PolicyCoverage();
    coverage.record(
        set,
        AccessRequest.builder(set.schema())
            .set("request.action", "signin")
            .set("user.employment", "employee")
            .build());

    assertThat(coverage.report().policies())
        .extracting(CoverageReport.PolicyResult::considered)
        .containsExactly(0, 0, 0);
    assertThat(coverage.report().uncovered()).hasSize(3);
    assertThat(coverage.report().percent()).isZero();
  }
}
