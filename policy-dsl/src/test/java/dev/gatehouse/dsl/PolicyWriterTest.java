package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.Schema;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.api.policy.TimeWindow;
import dev.gatehouse.dsl.internal.PolicySets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PolicyWriterTest {

  @Test
  void write_exampleFile_parsesBackToTheSameSet() throws Exception {
    PolicySet acme =
        PolicyDsl.parseOrThrow(
            "acme.policy", Files.readString(Path.of("..", "examples", "acme.policy")));

    String text = PolicyWriter.write(acme);

    assertThat(PolicySets.withoutSources(PolicyDsl.parseOrThrow("written.policy", text)))
        .isEqualTo(PolicySets.withoutSources(acme));
  }

  @Test
  void write_factorsNotInSortedOrder_keepsTheOrderWritten() {
    PolicySet set =
        PolicyDsl.parseOrThrow(
            "mfa.policy",
            "authenticate \"strong\" {\n  require mfa [webauthn, totp] within 8h\n}\n");

    assertThat(PolicyWriter.write(set)).contains("  require mfa [webauthn, totp] within 8h\n");
  }

  @Test
  void write_setBuiltInJava_declaresWhatItUsesAndParsesBack() {
    Schema schema = Schema.builder().declare("user.site", AttributeType.STRING).build();
    Network lab = Network.of("lab", "10.1.0.0/16", "2001:db8:1::/48");
    Condition.Named weekday =
        new Condition.Named(
            "office_hours",
            new Condition.InWindow(
                "request.time",
                new TimeWindow(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(8, 0),
                    LocalTime.of(18, 30),
                    ZoneId.of("Europe/Paris"))));
    PolicySet set =
        PolicySet.builder(schema)
            .add(
                RestrictPolicy.builder("lab-only")
                    .apps("lims")
                    .allow(lab, Network.inline("192.0.2.0/24"))
                    .when(
                        Condition.and(
                            Condition.eq("user.site", "a \"quoted\" site"), Condition.not(weekday)))
                    .build())
            .add(
                AuthenticatePolicy.builder("risky")
                    .reportOnly()
                    .when(
                        Condition.or(
                            Condition.compare("risk.level", Operator.GE, "high"),
                            new Condition.Compare(
                                "device.managed", Operator.EQ, new Literal.Bool(false)),
                            Condition.compare("risk.score", Operator.GT, 70)))
                    .requireSso()
                    .requireMfa(Duration.ofMinutes(15), Factor.WEBAUTHN)
                    .build())
            .add(
                DelegatePolicy.builder("site-admins")
                    .to(Condition.containsAll("user.roles", "admin", "site"))
                    .allow("user.*", "app.assign")
                    .on(Condition.startsWith("target.email", "lab-"))
                    .build())
            .build();

    String text = PolicyWriter.write(set);

    assertThat(text)
        .contains("schema {\n  user.site: string\n}\n")
        .contains("network lab = [10.1.0.0/16, 2001:db8:1::/48]\n")
        .contains("condition office_hours = request.time during");
    PolicySet parsed = PolicySets.withoutSources(PolicyDsl.parseOrThrow("written.policy", text));
    // The Java set used the network and condition without declaring them; the text declares both.
    assertThat(parsed.policies()).isEqualTo(set.policies());
    assertThat(parsed.schema()).isEqualTo(set.schema());
    assertThat(parsed.networks()).containsOnlyKeys("lab");
    assertThat(parsed.conditions()).containsOnlyKeys("office_hours");
  }

  @Test
  void write_delegationWithoutTo_isRejectedWithTheReason() {
    PolicySet set =
        PolicySet.builder(Schema.standard())
            .add(DelegatePolicy.builder("anyone").allow("user.create").build())
            .build();

    assertThatThrownBy(() -> PolicyWriter.write(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delegate `anyone` has no `to` condition, which the policy language requires");
  }

  @Test
  void write_orderedAttribute_isRejectedNamingIt() {
    Schema schema =
        Schema.builder()
            .declare("user.tier", AttributeType.ordered(List.of("bronze", "gold")))
            .build();
    PolicySet set = PolicySet.builder(schema).build();

    assertThatThrownBy(() -> PolicyWriter.write(set))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the policy language cannot declare `user.tier` of type bronze < gold");
  }
}
