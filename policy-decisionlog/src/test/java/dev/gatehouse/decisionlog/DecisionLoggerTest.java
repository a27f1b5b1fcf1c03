package dev.gatehouse.decisionlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.Schema;
import dev.gatehouse.dsl.PolicyDsl;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Decision-log records of a scripted run, read back as JSON. */
final class DecisionLoggerTest {

  static final String POLICIES =
      """
      network office = [203.0.113.0/24, 2001:db8:10::/48]
      network tor_exits = [192.0.2.0/24]

      assign "everyone-mail" {
        app "mail" role "user"
        when user.employment != "contractor"
      }

      assign "everyone-payroll" {
        app "payroll" role "user"
        when user.employment != "contractor"
      }

      restrict "payroll-from-office" {
        apps ["payroll"]
        allow from office
      }

      authenticate "admins-strong" {
        when user.roles contains "sysadmin"
        require mfa [totp] within 8h
      }

      authenticate "block-tor" report-only {
        when request.ip in tor_exits
        block
      }
      """;

  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PolicyEngineHolder holder =
      new PolicyEngineHolder(PolicyEngine.compile(PolicyDsl.parseOrThrow("p", POLICIES)));
  private final List<DecisionRecord> records = new CopyOnWriteArrayList<>();
  private final DecisionLogFormat format = DecisionLogFormat.builder().mask("user.email").build();

  @Test
  void evaluate_permit_recordWithMaskedEmailAndAddressCutToSlash24() throws Exception {
    DecisionLogger logger = logger(1);

    LoggedDecision d = logger.evaluate(request("u-1", "mail", "192.0.2.77", "staff"));
    JsonNode line = only(d.id());

    assertThat(d.logged()).isTrue();
    assertThat(line.get("effect").asText()).isEqualTo("permit");
    assertThat(line.get("time").asText()).isEqualTo("2026-11-29T10:00:00Z");
    assertThat(line.get("revision").asLong()).isEqualTo(1);
    assertThat(texts(line.get("matched"))).contains("everyone-mail");
    assertThat(line.get("report_only").get(0).get("policy").asText()).isEqualTo("block-tor");
    assertThat(line.get("report_only").get(0).get("effect").asText()).isEqualTo("deny");
    JsonNode request = line.get("request");
    assertThat(request.get("user.email").asText()).isEqualTo("***");
    assertThat(request.get("request.ip").asText()).isEqualTo("192.0.2.0/24");
    assertThat(request.get("user.id").asText()).isEqualTo("u-1");
    assertThat(texts(request.get("user.roles"))).containsExactly("staff");
    assertThat(line.toString()).doesNotContain("u-1@example.com").doesNotContain("192.0.2.77");
  }

  @Test
  void evaluate_deny_recordWithReasonAndIpv6CutToSlash64() throws Exception {
    DecisionLogger logger = logger(1);

    LoggedDecision d = logger.evaluate(request("u-1", "payroll", "2001:db8:99:5:abcd::9", "staff"));
    JsonNode line = only(d.id());

    assertThat(line.get("effect").asText()).isEqualTo("deny");
    assertThat(line.get("reasons").get(0).get("code").asText()).isEqualTo("network_not_allowed");
    assertThat(line.get("reasons").get(0).get("policy").asText()).isEqualTo("payroll-from-office");
    assertThat(line.get("request").get("request.ip").asText()).isEqualTo("2001:db8:99:5::/64");
  }

  @Test
  void evaluate_challenge_recordWithRequirement() throws Exception {
    DecisionLogger logger = logger(1);

    LoggedDecision d = logger.evaluate(request("u-3", "mail", "203.0.113.9", "sysadmin"));
    JsonNode requirement = only(d.id()).get("requirements").get(0);

    assertThat(only(d.id()).get("effect").asText()).isEqualTo("challenge");
    assertThat(requirement.get("policy").asText()).isEqualTo("admins-strong");
    assertThat(requirement.get("kind").asText()).isEqualTo("mfa");
    assertThat(texts(requirement.get("factors"))).containsExactly("totp");
    assertThat(requirement.get("within").asText()).isEqualTo("PT8H");
  }

  @Test
  void evaluate_permitSampledOut_idReturnedButOnlyTheDenyLogged() throws Exception {
    DecisionLogger logger = logger(0);

    LoggedDecision permit = logger.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));
    LoggedDecision deny = logger.evaluate(request("u-1", "crm", "203.0.113.9", "staff"));

    assertThat(permit.logged()).isFalse();
    assertThat(permit.id()).isNotEqualTo(deny.id());
    assertThat(records).extracting(DecisionRecord::id).containsExactly(deny.id());
    assertThat(only(deny.id()).get("reasons").get(0).get("code").asText())
        .isEqualTo("not_assigned");
  }

  @Test
  void evaluate_afterSwap_recordCarriesNextRevision() throws Exception {
    DecisionLogger logger = logger(1);
    holder.swap(PolicyDsl.parseOrThrow("p", POLICIES));

    LoggedDecision d = logger.evaluate(request("u-1", "mail", "203.0.113.9", "staff"));

    assertThat(only(d.id()).get("revision").asLong()).isEqualTo(2);
  }

  @Test
  void format_recordLongerThanCap_requestLeftOutAndMarkedTruncated() throws Exception {
    DecisionLogFormat small = DecisionLogFormat.builder().maxChars(256).build();
    logger(1).evaluate(request("u-1", "mail", "203.0.113.9", "staff"));

    String text = small.format(records.get(0));
    JsonNode line = JSON.readTree(text);

    assertThat(text.length()).isLessThanOrEqualTo(256);
    assertThat(line.has("request")).isFalse();
    assertThat(line.get("truncated").asBoolean()).isTrue();
    assertThat(line.get("effect").asText()).isEqualTo("permit");
  }

  @Test
  void evaluate_deciderGiven_decidesThroughItAndLogsItsDecision() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    DecisionLogger logger =
        DecisionLogger.builder(holder, records::add)
            .decider(
                r -> {
                  calls.incrementAndGet();
                  return holder.evaluate(r);
                })
            .build();

    LoggedDecision d = logger.evaluate(request("u-1", "crm", "203.0.113.9", "staff"));

    assertThat(calls).hasValue(1);
    assertThat(only(d.id()).get("effect").asText()).isEqualTo("deny");
  }

  private DecisionLogger logger(double permitRate) {
    return DecisionLogger.builder(holder, records::add)
        .permitSampling(permitRate)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private JsonNode only(String id) throws Exception {
    List<DecisionRecord> matching = new ArrayList<>();
    for (DecisionRecord r : records) {
      if (r.id().equals(id)) {
        matching.add(r);
      }
    }
    assertThat(matching).hasSize(1);
    return JSON.readTree(format.format(matching.get(0)));
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static AccessRequest request(String user, String app, String ip, String role) {
    return AccessRequest.builder(Schema.standard())
        .set("user.id", user)
        .set("user.email", user + "@example.com")
        .set("user.employment", "employee")
        .set("user.roles", Set.of(role))
        .set("app", app)
        .set("request.action", "access")
        .set("request.ip", ip)
        .set("request.time", NOW)
        .set("auth.methods", Set.of("password"))
        .set("auth.time", NOW)
        .build();
  }
}
