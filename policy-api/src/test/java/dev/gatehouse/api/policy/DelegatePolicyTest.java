package dev.gatehouse.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DelegatePolicyTest {

  private static final DelegatePolicy HR =
      DelegatePolicy.builder("hr-helpdesk")
          .to(Condition.contains("user.roles", "hr-manager"))
          .allow("user.update", "user.create", "app.*")
          .on(Condition.ne("target.department", "Executive"))
          .build();

  @CsvSource(
      delimiter = '|',
      value = {
        "user.create     | true",
        "user.update     | true",
        "user.delete     | false",
        "app.assign      | true",
        "app.settings.edit | true",
        "app             | false",
        "application.x   | false",
        "user            | false"
      })
  @ParameterizedTest(name = "{0}: {1}")
  void allows_listedActionsAndWildcardPrefixes(String action, boolean allowed) {
    assertThat(HR.allows(action)).isEqualTo(allowed);
  }

  @Test
  void allows_userWildcard_coversEveryUserAction() {
    DelegatePolicy policy = DelegatePolicy.builder("p").allow("user.*").build();

    assertThat(policy.allows("user.create")).isTrue();
    assertThat(policy.allows("user.reset_mfa")).isTrue();
    assertThat(policy.allows("username.change")).isFalse();
    assertThat(policy.allows("app.assign")).isFalse();
  }

  @Test
  void allows_star_coversEverything() {
    DelegatePolicy policy = DelegatePolicy.builder("super").allow("*").build();

    assertThat(policy.allows("user.create")).isTrue();
    assertThat(policy.allows("app.assign")).isTrue();
  }

  @Test
  void build_actionsSortedAndDeduplicated() {
    DelegatePolicy policy =
        DelegatePolicy.builder("p").allow("user.update", "app.assign", "user.update").build();

    assertThat(policy.actions()).containsExactly("app.assign", "user.update");
    assertThat(policy.kind()).isEqualTo("delegate");
    assertThat(policy.to()).isEqualTo(Condition.ALWAYS);
    assertThat(policy.on()).isEqualTo(Condition.ALWAYS);
  }

  @Test
  void build_noAction_throwsNamingPolicy() {
    DelegatePolicy.Builder builder = DelegatePolicy.builder("idle");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delegate `idle` allows no action");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"User.Create", "user.", "user.**", "*.create", "user create", "", "user.*.x"})
  void build_malformedAction_throwsWithExample(String action) {
    DelegatePolicy.Builder builder = DelegatePolicy.builder("p").allow(action);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid admin action `"
                + action
                + "` in delegate `p`: use a dotted name"
                + " like `user.create` or a wildcard like `user.*`");
  }

  @Test
  void equals_sameParts_areEqual() {
    DelegatePolicy a = DelegatePolicy.builder("p").allow("a.b", "c.d").build();
    DelegatePolicy b = DelegatePolicy.builder("p").allow("c.d", "a.b").build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }
}
