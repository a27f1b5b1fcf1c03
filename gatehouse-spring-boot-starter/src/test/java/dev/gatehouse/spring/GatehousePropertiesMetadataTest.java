package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/** What IDEs read to complete the properties: the processor's metadata in the starter's jar. */
final class GatehousePropertiesMetadataTest {

  @Test
  void metadata_everyProperty_isListedWithItsDescription() throws Exception {
    Map<String, String> descriptions;
    try (InputStream in =
        GatehouseProperties.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      List<?> properties = (List<?>) new ObjectMapper().readValue(in, Map.class).get("properties");
      descriptions =
          properties.stream()
              .map(p -> (Map<?, ?>) p)
              .collect(
                  Collectors.toMap(
                      p -> (String) p.get("name"), p -> String.valueOf(p.get("description"))));
    }

    assertThat(descriptions)
        .containsKeys(
            "gatehouse.policies",
            "gatehouse.reload.enabled",
            "gatehouse.reload.interval",
            "gatehouse.routes",
            "gatehouse.subject.claims",
            "gatehouse.subject.role-prefix",
            "gatehouse.subject.max-auth-time-skew",
            "gatehouse.subject.amr",
            "gatehouse.subject.acr",
            "gatehouse.client-address.trusted-proxies",
            "gatehouse.client-address.header",
            "gatehouse.challenge.acr-values",
            "gatehouse.challenge.step-up-url",
            "gatehouse.monitor.enabled",
            "gatehouse.monitor.enrich-requests",
            "gatehouse.monitor.redis.uri",
            "gatehouse.monitor.redis.cluster",
            "gatehouse.monitor.redis.budget",
            "gatehouse.monitor.redis.key-prefix",
            "gatehouse.monitor.redis.outbox",
            "gatehouse.monitor.redis.max-events",
            "gatehouse.security.filter-chain");
    assertThat(descriptions.get("gatehouse.policies")).contains("classpath:");
    assertThat(descriptions.values()).doesNotContain("null");
  }
}
