package dev.gatehouse.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.api.AttributeType;
import dev.gatehouse.api.Factor;
import dev.gatehouse.api.IpNetwork;
import dev.gatehouse.api.policy.AssignPolicy;
import dev.gatehouse.api.policy.AuthenticatePolicy;
import dev.gatehouse.api.policy.Condition;
import dev.gatehouse.api.policy.DelegatePolicy;
import dev.gatehouse.api.policy.Grant;
import dev.gatehouse.api.policy.Literal;
import dev.gatehouse.api.policy.Network;
import dev.gatehouse.api.policy.Operator;
import dev.gatehouse.api.policy.PolicySet;
import dev.gatehouse.api.policy.RestrictPolicy;
import dev.gatehouse.api.policy.SourceRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference example of the language, examples/acme.policy, parsed as written. */
final class AcmeExampleTest {

  static final Path ACME = Path.of("..", "examples", "acme.policy");
  private static final Network OFFICE = Network.of("office", "203.0.113.0/24", "2001:db8:10::/48");
  private static final Network VPN = Network.of("vpn", "198.51.100.7");
  private static final Condition.Named FINANCE =
      new Condition.Named("finance", Condition.in("user.department", "Finance", "Accounting"));

  private static PolicySet set;

  @BeforeAll
  static void parse() {
    ParseResult result = PolicyDsl.load(ACME);
    assertThat(result.diagnostics()).isEmpty();
    set = result.orThrow();
  }

  @Test
  void load_acmeExample_declaresSchemaNetworksAndConditions() {
    assertThat(set.schema().attributeOrThrow("user.clearance").type()).isEqualTo(AttributeType.INT);
    assertThat(set.schema().attributeOrThrow("target.cost_center").type())
        .isEqualTo(AttributeType.STRING);
    assertThat(set.networks()).containsOnlyKeys("office", "vpn", "tor_exits");
    assertThat(set.networks().get("office")).isEqualTo(OFFICE);
    assertThat(set.conditions().get("finance")).isEqualTo(FINANCE.body());
    assertThat(set.policies())
        .extracting(p -> p.id())
        .containsExactly(
            "finance-books",
            "everyone-mail",
            "payroll-from-office",
            "admins-strong",
            "risky-sign-in",
            "block-tor",
            "hr-helpdesk");
  }

  @Test
  void load_acmeExample_assignPolicyHasGrantConditionAndSource() {
    AssignPolicy books = (AssignPolicy) set.policy("finance-books").orElseThrow();
    assertThat(books.grants()).containsExactly(new Grant("books", "accountant"));
    assertThat(books.when())
        .isEqualTo(Condition.and(FINANCE, Condition.in("user.country", "FR", "BE")));
    assertThat(books.reportOnly()).isFalse();
    assertThat(books.source()).isEqualTo(new SourceRef(ACME.toString(), 13, 1));
  }

  @Test
  void load_acmeExample_restrictPolicyAllowsNamedNetworks() {
    RestrictPolicy payroll = (RestrictPolicy) set.policy("payroll-from-office").orElseThrow();
    assertThat(payroll.apps()).containsExactly("books", "payroll");
    assertThat(payroll.allow()).containsExactly(OFFICE, VPN);
    assertThat(payroll.when())
        .isEqualTo(Condition.not(Condition.contains("user.roles", "auditor")));
  }

  @Test
  void load_acmeExample_authenticatePoliciesRequireOrBlock() {
    AuthenticatePolicy strong = (AuthenticatePolicy) set.policy("admins-strong").orElseThrow();
    assertThat(strong.mfa()).containsExactly(Factor.TOTP, Factor.WEBAUTHN);
    assertThat(strong.within()).isEqualTo(Duration.ofHours(8));
    assertThat(strong.when())
        .isEqualTo(
            Condition.or(
                Condition.contains("user.roles", "sysadmin"),
                Condition.eq("user.department", "Payroll")));
    AuthenticatePolicy risky = (AuthenticatePolicy) set.policy("risky-sign-in").orElseThrow();
    assertThat(risky.when()).isEqualTo(Condition.compare("risk.level", Operator.GE, "high"));
    assertThat(risky.within()).isEqualTo(Duration.ofMinutes(15));
    AuthenticatePolicy tor = (AuthenticatePolicy) set.policy("block-tor").orElseThrow();
    assertThat(tor.block()).isTrue();
    assertThat(tor.reportOnly()).isTrue();
    assertThat(tor.mfa()).isEmpty();
    assertThat(tor.when())
        .isEqualTo(
            new Condition.InNetwork(
                "request.ip",
                List.of(new Network("tor_exits", List.of(IpNetwork.parse("192.0.2.0/24"))))));
  }

  @Test
  void load_acmeExample_delegatePolicyListsActions() {
    DelegatePolicy hr = (DelegatePolicy) set.policy("hr-helpdesk").orElseThrow();
    assertThat(hr.to()).isEqualTo(Condition.contains("user.roles", "hr-manager"));
    assertThat(hr.actions()).containsExactly("user.create", "user.reset_mfa", "user.update");
    assertThat(hr.on())
        .isEqualTo(
            new Condition.Compare("target.department", Operator.NE, new Literal.Str("Executive")));
  }
}
