package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The host path: values set through attribute handles on a reused builder. */
final class AccessRequestHandleTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .declare("user.clearance", AttributeType.INT)
          .declare("session.length", AttributeType.DURATION)
          .build();
  private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

  private static Attribute a(String name) {
    return SCHEMA.attributeOrThrow(name);
  }

  @Test
  void set_byHandle_buildsTheSameRequestAsByName() {
    AccessRequest byHandle =
        AccessRequest.builder(SCHEMA)
            .set(a("user.id"), "u-1")
            .set(a("user.roles"), List.of("sysadmin", "auditor"))
            .set(a("user.clearance"), 3)
            .set(a("device.managed"), true)
            .set(a("app"), "payroll")
            .set(a("request.action"), "access")
            .set(a("request.ip"), "2001:DB8::1")
            .set(a("request.time"), NOON)
            .set(a("session.length"), Duration.ofMinutes(5))
            .set(a("auth.methods"), Set.of("totp", "password"))
            .set(a("risk.level"), "high")
            .set(a("target.clearance"), 1)
            .build();
    AccessRequest byName =
        AccessRequest.builder(SCHEMA)
            .set("user.id", "u-1")
            .set("user.roles", Set.of("auditor", "sysadmin"))
            .set("user.clearance", 3)
            .set("device.managed", true)
            .set("app", "payroll")
            .set("request.action", "access")
            .set("request.ip", IpAddress.parse("2001:db8::1"))
            .set("request.time", NOON)
            .set("session.length", Duration.ofMinutes(5))
            .set("auth.methods", List.of("password", "totp"))
            .set("risk.level", "high")
            .set("target.clearance", 1)
            .build();

    assertThat(byHandle).isEqualTo(byName);
    assertThat(byHandle.values()).isEqualTo(byName.values());
    assertThat(byHandle.number(SCHEMA.slot("risk.level"))).isEqualTo(3);
    assertThat(byHandle.number(SCHEMA.slot("target.clearance"))).isEqualTo(1);
    assertThat(byHandle.symbols(SCHEMA.slot("auth.methods")))
        .isEqualTo((1L << Factor.PASSWORD.ordinal()) | (1L << Factor.TOTP.ordinal()));
    assertThat(byHandle.setElement(SCHEMA.slot("user.roles"), 0)).isEqualTo("auditor");
  }

  @Test
  void set_handleOfAnotherSchema_throwsNamingIt() {
    Schema other = Schema.builder().declare("user.site", AttributeType.STRING).build();
    Attribute site = other.attributeOrThrow("user.site");

    assertThatThrownBy(() -> AccessRequest.builder(Schema.standard()).set(site, "paris"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute `user.site` is not of the request's schema");
  }

  @Test
  void set_handleOfAnEqualSchema_isAccepted() {
    Schema twin =
        Schema.builder()
            .declare("user.clearance", AttributeType.INT)
            .declare("session.length", AttributeType.DURATION)
            .build();

    AccessRequest request =
        AccessRequest.builder(SCHEMA).set(twin.attributeOrThrow("user.clearance"), 2).build();

    assertThat(request.value("user.clearance")).contains(2L);
  }

  @Test
  void set_badValueByHandle_throwsAsByName() {
    assertThatThrownBy(() -> AccessRequest.builder(SCHEMA).set(a("request.ip"), "10.0.0.01"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(
            "attribute `request.ip`: malformed IP address `10.0.0.01`: segment value starts with"
                + " zero");
    assertThatThrownBy(() -> AccessRequest.builder(SCHEMA).set(a("auth.methods"), Set.of("pin")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("`pin` is not a value of `auth.methods`");
  }

  @Test
  void reset_emptiesBuilderAndKeepsEarlierRequests() {
    AccessRequest.Builder b = AccessRequest.builder(SCHEMA);
    AccessRequest first =
        b.set(a("user.id"), "u-1").set(a("target.clearance"), 4).set(a("app"), "mail").build();

    AccessRequest second = b.reset().set(a("user.id"), "u-2").build();

    assertThat(second.values()).containsOnlyKeys("user.id").containsEntry("user.id", "u-2");
    assertThat(first.values())
        .containsOnlyKeys("user.id", "app", "target.clearance")
        .containsEntry("user.id", "u-1");
    assertThat(b.reset().build()).isEqualTo(AccessRequest.builder(SCHEMA).build());
  }

  @Test
  void resetToBase_startsFromTheSessionsValues_andNeverChangesThem() {
    AccessRequest session =
        AccessRequest.builder(SCHEMA)
            .set(a("user.id"), "u-1")
            .set(a("user.roles"), List.of("sysadmin"))
            .set(a("user.clearance"), 3)
            .set(a("auth.methods"), Set.of("password", "totp"))
            .set(a("auth.time"), NOON)
            .set(a("target.clearance"), 2)
            .build();
    AccessRequest.Builder b = AccessRequest.builder(SCHEMA);
    b.set(a("device.id"), "left over from the last request");

    AccessRequest first =
        b.reset(session)
            .set(a("app"), "mail")
            .set(a("request.ip"), "10.1.2.3")
            .set(a("user.clearance"), 4)
            .build();
    AccessRequest second = b.reset(session).clear(a("user.roles")).set(a("app"), "crm").build();
    AccessRequest unchanged = b.reset(session).build();

    assertThat(first)
        .isEqualTo(
            session.toBuilder()
                .set(a("app"), "mail")
                .set(a("request.ip"), "10.1.2.3")
                .set(a("user.clearance"), 4)
                .build());
    assertThat(first.values()).doesNotContainKey("device.id");
    assertThat(second.values()).doesNotContainKey("user.roles").containsEntry("app", "crm");
    assertThat(unchanged).isEqualTo(session);
    assertThat(session.values())
        .containsOnlyKeys(
            "user.id",
            "user.roles",
            "user.clearance",
            "auth.methods",
            "auth.time",
            "target.clearance")
        .containsEntry("user.clearance", 3L);
    assertThat(first.number(SCHEMA.slot("target.clearance"))).isEqualTo(2);
    assertThat(b.reset().build()).isEqualTo(AccessRequest.builder(SCHEMA).build());
  }

  @Test
  void resetToBase_ofAnotherSchema_throws() {
    AccessRequest other = AccessRequest.builder(Schema.standard()).set("user.id", "u-1").build();

    assertThatThrownBy(() -> AccessRequest.builder(SCHEMA).reset(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the base request is not of the builder's schema");
  }

  @Test
  void changeAfterBuild_withoutReset_leavesBuiltRequestAlone() {
    AccessRequest.Builder b = AccessRequest.builder(SCHEMA);
    AccessRequest first = b.set(a("user.id"), "u-1").set(a("app"), "mail").build();

    AccessRequest second = b.set(a("user.id"), "u-2").build();
    AccessRequest third = b.clear(a("app")).build();

    assertThat(first.values()).containsEntry("user.id", "u-1").containsEntry("app", "mail");
    assertThat(second.values()).containsEntry("user.id", "u-2").containsEntry("app", "mail");
    assertThat(third.values()).containsOnlyKeys("user.id").containsEntry("user.id", "u-2");
  }

  @Test
  void set_sortedStringSet_isKeptWithoutCopying() {
    SortedStringSet roles = SortedStringSet.of("sysadmin", "auditor", "sysadmin");

    AccessRequest request = AccessRequest.builder(SCHEMA).set(a("user.roles"), roles).build();

    assertThat(request.set(SCHEMA.slot("user.roles"))).isSameAs(roles);
    assertThat(roles).containsExactly("auditor", "sysadmin");
  }

  @Test
  void set_mutableCollection_isCopiedSoLaterChangesDoNotShow() {
    List<String> groups = new ArrayList<>(List.of("b", "a", "b"));

    AccessRequest request = AccessRequest.builder(SCHEMA).set(a("user.groups"), groups).build();
    groups.add("c");
    groups.set(0, "z");

    assertThat(request.set(SCHEMA.slot("user.groups"))).containsExactly("a", "b");
    assertThatThrownBy(() -> request.set(SCHEMA.slot("user.groups")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void set_nullElement_throwsNamingTheSet() {
    List<String> roles = new ArrayList<>();
    roles.add(null);

    assertThatThrownBy(() -> AccessRequest.builder(SCHEMA).set(a("user.roles"), roles))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("set `user.roles` holds a null element");
  }

  @Test
  void set_factorsAsLists_nullOrUnknownElement_throwsNamingTheSet() {
    List<String> withNull = new ArrayList<>(List.of("password"));
    withNull.add(null);

    assertThatThrownBy(() -> AccessRequest.builder(SCHEMA).set(a("auth.methods"), withNull))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("set `auth.methods` holds a null element");
    assertThatThrownBy(
            () ->
                AccessRequest.builder(SCHEMA)
                    .set(a("auth.methods"), new LinkedList<>(List.of("password", "sms2"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("`sms2` is not a value of `auth.methods`");
    assertThatThrownBy(
            () -> AccessRequest.builder(SCHEMA).set(a("auth.methods"), List.of("password", "sms2")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("`sms2` is not a value of `auth.methods`");
  }

  @Test
  void set_sameFactors_shareOneSet() {
    AccessRequest one =
        AccessRequest.builder(SCHEMA).set(a("auth.methods"), List.of("totp", "password")).build();
    AccessRequest two =
        AccessRequest.builder(SCHEMA).set(a("auth.methods"), Set.of("password", "totp")).build();

    int slot = SCHEMA.slot("auth.methods");
    assertThat(one.set(slot)).isSameAs(two.set(slot)).containsExactly("password", "totp");
  }

  @Test
  void clear_byHandle_removesTheValue() {
    AccessRequest request =
        AccessRequest.builder(SCHEMA)
            .set(a("request.time"), NOON)
            .set(a("risk.score"), 5)
            .clear(a("request.time"))
            .clear(a("risk.score"))
            .build();

    assertThat(request.values()).isEmpty();
  }

  @Test
  void has_schemaBeyondSixtyFourSlots_readsEveryValueBack() {
    Schema.Builder wide = Schema.builder();
    for (int i = 0; i < 40; i++) {
      wide.declare("user.x" + i, AttributeType.INT);
    }
    Schema schema = wide.build();
    AccessRequest.Builder b = AccessRequest.builder(schema);
    for (int i = 0; i < 40; i++) {
      b.set(schema.attributeOrThrow("target.x" + i), i);
    }

    AccessRequest request = b.build();

    assertThat(schema.size()).isGreaterThan(64);
    for (int i = 0; i < 40; i++) {
      int slot = schema.slot("target.x" + i);
      assertThat(request.has(slot)).isTrue();
      assertThat(request.number(slot)).isEqualTo(i);
      assertThat(request.has(schema.slot("user.x" + i))).isFalse();
    }
    assertThat(request.toBuilder().build()).isEqualTo(request);
  }
}
