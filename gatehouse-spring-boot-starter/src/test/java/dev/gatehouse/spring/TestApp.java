package dev.gatehouse.spring;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.api.Decision;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the tests boot: the starter's own filter chain, form login for {@code clerk}, and
 * a JWT resource server whose tokens are signed by a key made here.
 */
@SpringBootApplication
@EnableMethodSecurity
class TestApp {

  /** When the cases of {@code acme.tests.json} happen. */
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  static final RSAKey KEY = rsaKey();

  /** The authorization observations Spring Security made, by context name. */
  static final List<String> OBSERVED = new CopyOnWriteArrayList<>();

  @Bean
  JwtDecoder jwtDecoder() throws JOSEException {
    return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
  }

  @Bean
  Clock clock() {
    return Clock.fixed(NOW, ZoneOffset.UTC);
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("clerk").password("{noop}s3cret").roles("clerk").build());
  }

  @Bean
  ObservationRegistry observationRegistry() {
    ObservationRegistry registry = ObservationRegistry.create();
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<Observation.Context>() {
              @Override
              public void onStop(Observation.Context context) {
                OBSERVED.add(context.getName());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });
    return registry;
  }

  /** Answers every routed path with the roles of the Gatehouse decision. */
  @RestController
  static class Echo {
    @RequestMapping({"/books/**", "/mail/**", "/signin", "/admin/**", "/unrouted/**"})
    Map<String, Object> ok(HttpServletRequest request) {
      Decision decision =
          (Decision) request.getAttribute(GatehouseAuthorizationManager.DECISION_ATTRIBUTE);
      return Map.of("roles", decision == null ? List.of() : decision.roles());
    }
  }

  /** A report from the books app, asked for under a mail route. */
  @Service
  static class Ledger {
    @GatehouseAuthorize(app = "books")
    public String total() {
      return "42";
    }
  }

  /** Serves the ledger report; the method check decides, not the route. */
  @RestController
  static class Reports {
    private final Ledger ledger;

    Reports(Ledger ledger) {
      this.ledger = ledger;
    }

    @GetMapping("/reports/ledger")
    String ledger() {
      return ledger.total();
    }
  }

  /** Returns a JWT signed by {@link #KEY}, valid for an hour of real time. */
  static String jwt(String subject, Map<String, Object> claims) {
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    claims.forEach(set::claim);
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
      jwt.sign(new RSASSASigner(KEY));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
