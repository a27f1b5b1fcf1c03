package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

final class RoutesTest {

  @Test
  void match_noRoutesConfigured_firstSegmentNamesTheApp() {
    Routes routes = Routes.of(List.of());

    assertThat(routes.match(get("/books/ledger")))
        .hasValue(new Routes.Target("books", "access", Map.of()));
    assertThat(routes.match(get("/mail"))).hasValue(new Routes.Target("mail", "access", Map.of()));
    assertThat(routes.match(get("/"))).isEmpty();
  }

  @Test
  void match_delegatedActionRoute_takesTheTargetFromThePath() {
    GatehouseProperties.Route reset = new GatehouseProperties.Route();
    reset.setPattern("/admin/users/{department}/reset-mfa");
    reset.setMethods(List.of("post"));
    reset.setAction("user.reset_mfa");
    reset.setTarget(Map.of("department", "{department}", "kind", "user"));
    Routes routes = Routes.of(List.of(reset));

    assertThat(routes.match(new MockHttpServletRequest("POST", "/admin/users/Sales/reset-mfa")))
        .hasValue(
            new Routes.Target(
                null,
                "user.reset_mfa",
                Map.of("target.department", "Sales", "target.kind", "user")));
    assertThat(routes.match(get("/admin/users/Sales/reset-mfa"))).isEmpty();
  }

  @Test
  void of_accessRouteWithoutApp_isRejectedNamingTheRoute() {
    GatehouseProperties.Route route = new GatehouseProperties.Route();
    route.setPattern("/mail/**");

    assertThatThrownBy(() -> Routes.of(List.of(route)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`gatehouse.routes[0]` accesses no app");
  }

  private static MockHttpServletRequest get(String path) {
    return new MockHttpServletRequest("GET", path);
  }
}
