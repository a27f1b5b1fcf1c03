package dev.gatehouse.example.spring;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The resource-server variant without an identity provider: a key made at start-up checks the
 * bearer tokens, and tokens signed with it are printed to try. A real deployment sets {@code
 * spring.security.oauth2.resourceserver.jwt.issuer-uri} instead and drops this class.
 */
@Configuration(proxyBeanMethods = false)
@Profile("resource-server")
class DemoTokens {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTokens.class);

  private final KeyPair key = rsaKey();

  @Bean
  JwtDecoder jwtDecoder() {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
  }

  @EventListener(ApplicationReadyEvent.class)
  void printTokens() {
    long now = Instant.now().getEpochSecond();
    String fiona =
        token(
            "fiona",
            Map.of(
                "department",
                "Finance",
                "country",
                "FR",
                "roles",
                List.of(),
                "amr",
                List.of("pwd"),
                "auth_time",
                now));
    String ivanPwd =
        token(
            "ivan",
            Map.of(
                "department",
                "IT",
                "roles",
                List.of("sysadmin"),
                "amr",
                List.of("pwd"),
                "auth_time",
                now));
    String ivanOtp =
        token(
            "ivan",
            Map.of(
                "department",
                "IT",
                "roles",
                List.of("sysadmin"),
                "amr",
                List.of("pwd", "otp"),
                "auth_time",
                now));
    LOG.info(
        """
        try these (tokens valid for an hour):
          curl -i -H 'X-Forwarded-For: 203.0.113.9' -H 'Authorization: Bearer {}' \
        http://localhost:8080/books/ledger
          curl -i -H 'Authorization: Bearer {}' http://localhost:8080/books/ledger
          curl -i -H 'Authorization: Bearer {}' http://localhost:8080/mail/inbox
          curl -i -H 'Authorization: Bearer {}' http://localhost:8080/mail/inbox""",
        fiona,
        fiona,
        ivanPwd,
        ivanOtp);
  }

  private String token(String subject, Map<String, Object> claims) {
    JWTClaimsSet.Builder set =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
            .claim("employment", "employee")
            .claim("risk_level", "low");
    claims.forEach(set::claim);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
    try {
      jwt.sign(new RSASSASigner(key.getPrivate()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a demo token", e);
    }
    return jwt.serialize();
  }

  private static KeyPair rsaKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no RSA here", e);
    }
  }
}
