package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.Factor;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import org.junit.jupiter.api.Test;

/** The builder checks each argument when it is given, and says which one was wrong. */
final class GatehouseFilterBuilderTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.empty()));

  @Test
  void app_patternWithoutSlash_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).app("mail/*", "mail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path pattern `mail/*` does not start with `/`");
  }

  @Test
  void app_innerWildcard_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).app("/mail/*/x", "mail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path pattern `/mail/*/x` may hold `*` only as a final `/*`");
  }

  @Test
  void app_samePatternTwice_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).app("/m/*", "mail").signin("/m/*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path pattern `/m/*` is mapped twice");
  }

  @Test
  void app_blankId_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).app("/mail/*", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("app id for `/mail/*` is blank");
  }

  @Test
  void acrValue_withQuote_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).acrValue(Factor.TOTP, "a\"b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ACR value `a\"b` for totp is empty or holds a space, quote, backslash or"
                + " non-ASCII character");
  }

  @Test
  void stepUpUrl_protocolRelative_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).stepUpUrl("//evil.example/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "step-up URL `//evil.example/x` is neither a path on this server nor an"
                + " http(s) URL");
  }

  @Test
  void stepUpUrl_javascriptScheme_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).stepUpUrl("javascript:alert(1)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("step-up URL `javascript:alert(1)` is neither");
  }

  @Test
  void stepUpUrl_pathOrHttpsUrl_accepted() {
    assertThat(GatehouseFilter.builder(HOLDER).stepUpUrl("/step-up?x=1").signin("/s").build())
        .isNotNull();
    assertThat(
            GatehouseFilter.builder(HOLDER)
                .stepUpUrl("https://idp.example/step")
                .signin("/s")
                .build())
        .isNotNull();
  }

  @Test
  void build_nothingMapped_throws() {
    assertThatThrownBy(() -> GatehouseFilter.builder(HOLDER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no path is mapped to an app or to the sign-in");
  }

  @Test
  void build_twice_givesTwoFilters() {
    GatehouseFilterBuilder builder = GatehouseFilter.builder(HOLDER).signin("/signin");

    assertThat(builder.build()).isNotSameAs(builder.build());
  }

  @Test
  void match_patterns_exactBeatsPrefixAndLongestPrefixWins() {
    AppMapping apps =
        GatehouseFilter.builder(HOLDER)
            .app("/*", "portal")
            .app("/mail/*", "mail")
            .app("/mail/admin/*", "mail-admin")
            .signin("/mail/signin")
            .settings()
            .apps();

    assertThat(apps.match("/mail")).map(AppMapping.Target::app).contains("mail");
    assertThat(apps.match("/mail/inbox")).map(AppMapping.Target::app).contains("mail");
    assertThat(apps.match("/mailbox")).map(AppMapping.Target::app).contains("portal");
    assertThat(apps.match("/mail/admin/x")).map(AppMapping.Target::app).contains("mail-admin");
    assertThat(apps.match("/mail/signin")).map(AppMapping.Target::action).contains("signin");
    assertThat(apps.match("/")).map(AppMapping.Target::app).contains("portal");
  }
}
