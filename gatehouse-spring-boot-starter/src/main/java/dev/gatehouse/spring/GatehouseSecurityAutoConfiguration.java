package dev.gatehouse.spring;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ClassUtils;

/**
 * Installs a security filter chain that decides every request with Gatehouse when the application
 * defines none: form login, plus a JWT resource server when a {@code JwtDecoder} is configured and
 * an OIDC login (passing step-up parameters on) when client registrations are. Error dispatches are
 * let through so that the application's error page still shows.
 */
@AutoConfiguration(
    after = GatehouseAutoConfiguration.class,
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet."
          + "ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet."
          + "OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.oauth2.client.autoconfigure.servlet."
          + "OAuth2ClientWebSecurityAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, ConditionalOnDefaultWebSecurity.class})
@ConditionalOnDefaultWebSecurity
@ConditionalOnProperty(
    prefix = "gatehouse.security",
    name = "filter-chain",
    havingValue = "true",
    matchIfMissing = true)
public class GatehouseSecurityAutoConfiguration {

  private static final ClassLoader LOADER =
      GatehouseSecurityAutoConfiguration.class.getClassLoader();

  /** Creates the configuration; Spring calls it. */
  public GatehouseSecurityAutoConfiguration() {}

  /**
   * Returns the filter chain deciding every request with Gatehouse.
   *
   * @param http Spring Security's builder
   * @param manager the authorization manager
   * @param denied the handler of denials and challenges
   * @param context the application context, asked which sign-ins are configured
   * @return the filter chain
   * @throws Exception if Spring Security cannot build it
   */
  @Bean
  @Order(SecurityFilterProperties.BASIC_AUTH_ORDER)
  public SecurityFilterChain gatehouseSecurityFilterChain(
      HttpSecurity http,
      GatehouseAuthorizationManager manager,
      GatehouseAccessDeniedHandler denied,
      ApplicationContext context)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.dispatcherTypeMatchers(DispatcherType.ERROR)
                    .permitAll()
                    .anyRequest()
                    .access(manager))
        .exceptionHandling(e -> e.accessDeniedHandler(denied))
        .formLogin(Customizer.withDefaults());
    if (ClassUtils.isPresent("org.springframework.security.oauth2.jwt.JwtDecoder", LOADER)
        && Jwt.configured(context)) {
      http.oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()));
    }
    if (ClassUtils.isPresent(
            "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
            LOADER)
        && Oidc.configured(context)) {
      Oidc.login(http, context);
    }
    return http.build();
  }

  /** Kept apart so that the JOSE classes load only when they are on the class path. */
  private static final class Jwt {
    static boolean configured(ApplicationContext context) {
      return context.getBeanNamesForType(org.springframework.security.oauth2.jwt.JwtDecoder.class)
              .length
          > 0;
    }
  }

  /** Kept apart so that the OAuth2 client classes load only when they are on the class path. */
  private static final class Oidc {
    static boolean configured(ApplicationContext context) {
      return context.getBeanNamesForType(
                  org.springframework.security.oauth2.client.registration
                      .ClientRegistrationRepository.class)
              .length
          > 0;
    }

    static void login(HttpSecurity http, ApplicationContext context) throws Exception {
      var clients =
          context.getBean(
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository
                  .class);
      http.oauth2Login(
          o ->
              o.authorizationEndpoint(
                  a ->
                      a.authorizationRequestResolver(
                          new StepUpAuthorizationRequestResolver(clients))));
    }
  }
}
