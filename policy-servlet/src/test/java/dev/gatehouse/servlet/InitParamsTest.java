package dev.gatehouse.servlet;

import static dev.gatehouse.servlet.JettyHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A container-created filter configured by init parameters. */
final class InitParamsTest {

  private static final PolicyEngineHolder HOLDER =
      new PolicyEngineHolder(PolicyEngine.compile(TestPolicies.standard()));

  @Test
  void init_parametersOnJetty_configureFilter() throws Exception {
    try (JettyHarness server =
        JettyHarness.start(
            new GatehouseFilter(),
            false,
            (ctx, filter) -> {
              ctx.setAttribute(GatehouseFilter.HOLDER_ATTRIBUTE, HOLDER);
              filter.setInitParameter(InitParams.APPS, "/mail/*=mail, /payroll/*=payroll");
              filter.setInitParameter(InitParams.SIGNIN, "/signin");
              filter.setInitParameter(InitParams.TRUSTED_PROXIES, "127.0.0.1 ::1");
              filter.setInitParameter(InitParams.FORWARDED_HEADER, "forwarded");
              filter.setInitParameter(InitParams.LOG_LEVEL, "info");
              filter.setInitParameter(InitParams.AMR, "swk=webauthn");
            })) {
      HttpResponse<String> proxied =
          get(
              server.uri("/payroll/run"),
              "X-Test-User",
              "pat",
              "X-Test-Dept",
              "Payroll",
              "Forwarded",
              "for=\"203.0.113.9:5000\"");
      HttpResponse<String> unmapped = get(server.uri("/books/x"), "X-Test-User", "pat");

      assertThat(proxied.statusCode()).isEqualTo(200);
      assertThat(unmapped.statusCode()).isEqualTo(403);
      assertThat(unmapped.body()).contains("unmapped_path");
    }
  }

  @Test
  void read_allowUnsafePaths_relaxesThePathCheck() {
    FilterSettings strict = InitParams.read(config(HOLDER, Map.of(InitParams.SIGNIN, "/s")));
    FilterSettings relaxed =
        InitParams.read(
            config(HOLDER, Map.of(InitParams.SIGNIN, "/s", InitParams.ALLOW_UNSAFE_PATHS, "true")));

    assertThat(strict.allowUnsafePaths()).isFalse();
    assertThat(relaxed.allowUnsafePaths()).isTrue();
  }

  @Test
  void read_noHolderInContext_throwsNamingAttribute() {
    assertThatThrownBy(() -> InitParams.read(config(null, Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "servlet context attribute `dev.gatehouse.engine.PolicyEngineHolder` holds"
                + " no PolicyEngineHolder");
  }

  @Test
  void read_badForwardedHeader_throws() {
    assertThatThrownBy(
            () ->
                InitParams.read(
                    config(
                        HOLDER,
                        Map.of(
                            InitParams.SIGNIN,
                            "/s",
                            InitParams.TRUSTED_PROXIES,
                            "10.0.0.0/8",
                            InitParams.FORWARDED_HEADER,
                            "X-Real-IP"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "`gatehouse.forwarded-header` is `X-Real-IP`, not X-Forwarded-For or" + " Forwarded");
  }

  @Test
  void read_appEntryWithoutEquals_throws() {
    assertThatThrownBy(() -> InitParams.read(config(HOLDER, Map.of(InitParams.APPS, "/mail/*"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`gatehouse.apps` entry `/mail/*` is not key=value");
  }

  @Test
  void read_unknownFactor_throwsListingKnown() {
    assertThatThrownBy(
            () ->
                InitParams.read(
                    config(HOLDER, Map.of(InitParams.SIGNIN, "/s", InitParams.AMR, "swk=yubikey"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown factor `yubikey`; known: password, sso, totp, webauthn, push, sms,"
                + " email_otp, biometric");
  }

  @Test
  void read_badLogLevel_throws() {
    assertThatThrownBy(
            () ->
                InitParams.read(
                    config(HOLDER, Map.of(InitParams.SIGNIN, "/s", InitParams.LOG_LEVEL, "loud"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "`gatehouse.log-level` is `loud`, not one of TRACE, DEBUG, INFO, WARNING,"
                + " ERROR, OFF");
  }

  @Test
  void read_resolverClassNotAResolver_throws() {
    assertThatThrownBy(
            () ->
                InitParams.read(
                    config(
                        HOLDER,
                        Map.of(
                            InitParams.SIGNIN,
                            "/s",
                            InitParams.SUBJECT_RESOLVER,
                            "java.lang.Object"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`java.lang.Object` is not a SubjectResolver");
  }

  @Test
  void init_badParameter_servletExceptionWithMessage() {
    GatehouseFilter filter = new GatehouseFilter();

    assertThatThrownBy(() -> filter.init(config(HOLDER, Map.of(InitParams.PERMIT_UNMAPPED, "yes"))))
        .isInstanceOf(jakarta.servlet.ServletException.class)
        .hasMessage(
            "bad gatehouse filter configuration: `gatehouse.permit-unmapped` is `yes`,"
                + " not true or false");
  }

  private static FilterConfig config(PolicyEngineHolder holder, Map<String, String> params) {
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                InitParamsTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, m, args) ->
                    GatehouseFilter.HOLDER_ATTRIBUTE.equals(args[0]) ? holder : null);
    return (FilterConfig)
        Proxy.newProxyInstance(
            InitParamsTest.class.getClassLoader(),
            new Class<?>[] {FilterConfig.class},
            (proxy, m, args) -> {
              if (m.getName().equals("getServletContext")) {
                return context;
              }
              return params.get((String) args[0]);
            });
  }
}
