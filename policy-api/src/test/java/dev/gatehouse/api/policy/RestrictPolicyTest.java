package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class RestrictPolicyTest {

  private static final Network OFFICE = Network.of("office", "203.0.113.0/24");

  @Test
  void build_apps_areSortedWithoutDuplicates() {
    RestrictPolicy policy =
        RestrictPolicy.builder("payroll-from-office")
            .apps("payroll", "books", "payroll")
            .allow(OFFICE)
            .build();

    assertThat(policy.apps()).containsExactly("books", "payroll");
    assertThat(policy.kind()).isEqualTo("restrict");
    assertThat(policy.when()).isEqualTo(Condition.ALWAYS);
  }

  @Test
  void covers_withApps_onlyThoseApps() {
    RestrictPolicy policy = RestrictPolicy.builder("p").apps("payroll").allow(OFFICE).build();

    assertThat(policy.covers("payroll")).isTrue();
    assertThat(policy.covers("mail")).isFalse();
    assertThat(policy.covers("")).isFalse();
  }

  @Test
  void covers_withoutApps_everyRequest() {
    RestrictPolicy policy = RestrictPolicy.builder("p").allow(OFFICE).build();

    assertThat(policy.covers("mail")).isTrue();
    assertThat(policy.covers("")).isTrue();
  }

  @Test
  void build_noNetwork_throwsNamingPolicy() {
    RestrictPolicy.Builder builder = RestrictPolicy.builder("open").apps("payroll");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("restrict `open` allows no network");
  }

  @Test
  void build_allParts_keepsThem() {
    Condition notAuditor = Condition.not(Condition.contains("user.roles", "auditor"));
    Network vpn = Network.of("vpn", "198.51.100.7");

    RestrictPolicy policy =
        RestrictPolicy.builder("p").allow(OFFICE, vpn).when(notAuditor).reportOnly().build();

    assertThat(policy.allow()).containsExactly(OFFICE, vpn);
    assertThat(policy.when()).isEqualTo(notAuditor);
    assertThat(policy.reportOnly()).isTrue();
  }

  @Test
  void equals_appsInOtherOrder_areEqual() {
    RestrictPolicy a = RestrictPolicy.builder("p").apps("a", "b").allow(OFFICE).build();
    RestrictPolicy b = RestrictPolicy.builder("p").apps("b", "a").allow(OFFICE).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}
