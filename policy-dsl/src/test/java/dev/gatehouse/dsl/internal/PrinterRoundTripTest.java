package dev.gatehouse.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.dsl.ParseResult;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random valid syntax trees, printed and parsed again, give the same policy set, and printing is a
 * fixed point.
 */
final class PrinterRoundTripTest {

  @Property(tries = 300)
  void print_randomValidTree_parsesToTheSamePolicySet(@ForAll long seed) {
    Ast.File generated = new RandomPolicies(seed).file();
    String text = Printer.print(generated);

    ParseResult reparsed = Frontend.parse(Map.of("r.policy", text), Schema.standard());

    assertThat(reparsed.errors()).as(text).isEmpty();
    Reporter reporter = new Reporter(new SourceText("g.policy", text));
    PolicySet direct =
        Resolver.resolve(List.of(new Resolver.Unit(reporter, generated)), Schema.standard());
    assertThat(direct).as(text).isNotNull();
    assertThat(PolicySets.withoutSources(reparsed.orThrow()))
        .isEqualTo(PolicySets.withoutSources(direct));
  }

  @Property(tries = 300)
  void print_randomValidTree_isAFixedPoint(@ForAll long seed) {
    String text = Printer.print(new RandomPolicies(seed).file());
    assertThat(Frontend.format("r.policy", text)).isEqualTo(text);
  }
}
