package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.monitor.redis.RedisSignInStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

/** Starts the test application on policies that do not load. */
@ExtendWith(OutputCaptureExtension.class)
final class GatehouseStartupFailureTest {

  @Test
  void start_brokenPolicyFile_failsWithTheDiagnostic(@TempDir Path dir, CapturedOutput output)
      throws Exception {
    Files.writeString(dir.resolve("broken.policy"), "assign \"x\" {\n  app \"mail\" role\n}\n");

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(TestApp.class)
                    .web(WebApplicationType.NONE)
                    .properties("gatehouse.policies=" + dir)
                    .run())
        .rootCause()
        .isInstanceOf(PolicyLoadException.class)
        .hasMessageContaining("error[")
        .hasMessageContaining("broken.policy:3:1:");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("broken.policy:3:1:");
  }

  @Test
  void start_missingPolicyLocation_failsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.policy");

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(TestApp.class)
                    .web(WebApplicationType.NONE)
                    .properties("gatehouse.policies=" + missing)
                    .run())
        .rootCause()
        .hasMessageContaining("`" + missing + "` does not exist");
  }

  @Test
  void start_redisUriWithoutTheRedisModule_failsNamingTheModule(CapturedOutput output) {
    // As if policy-monitor-redis were not a dependency of the application; the test application's
    // own proxies cannot be defined in such a loader, so only the starter runs.
    DefaultResourceLoader withoutRedis =
        new DefaultResourceLoader(new FilteredClassLoader(RedisSignInStore.class));

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(StarterOnly.class)
                    .resourceLoader(withoutRedis)
                    .web(WebApplicationType.NONE)
                    .properties(
                        "gatehouse.policies=../examples/acme.policy",
                        "gatehouse.monitor.redis.uri=redis://127.0.0.1:1")
                    .run())
        .rootCause()
        .isInstanceOf(InvalidConfigurationPropertyValueException.class)
        .hasMessageContaining("gatehouse.monitor.redis.uri")
        .hasMessageContaining("`dev.gatehouse:policy-monitor-redis`");
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("gatehouse.monitor.redis.uri")
        .contains("`dev.gatehouse:policy-monitor-redis`");
  }

  /** An application of nothing but the starter's auto-configuration. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    GatehouseRedisMonitorAutoConfiguration.class,
    GatehouseAutoConfiguration.class
  })
  static class StarterOnly {}
}
