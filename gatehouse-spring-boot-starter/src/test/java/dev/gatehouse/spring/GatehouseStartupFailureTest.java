package dev.gatehouse.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Starts the test application on policies that do not load. */
@ExtendWith(OutputCaptureExtension.class)
final class GatehouseStartupFailureTest {

  @Test
  void start_brokenPolicyFile_failsWithTheDiagnostic(@TempDir Path dir, CapturedOutput output)
      throws Exception {
    Files.writeString(dir.resolve("broken.policy"), "assign \"x\" {\n  app \"mail\" role\n}\n");

    assertThatThrownBy(
            () -> new SpringApplicationBuilder(TestApp.class)
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
            () -> new SpringApplicationBuilder(TestApp.class)
                .web(WebApplicationType.NONE)
                .properties("gatehouse.policies=" + missing)
                .run())
        .rootCause()
        .hasMessageContaining("`" + missing + "` does not exist");
  }
}
