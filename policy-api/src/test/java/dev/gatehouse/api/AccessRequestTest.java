package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class AccessRequestTest {

  private static final Schema SCHEMA =
      Schema.builder()
          .declare("user.clearance", AttributeType.INT)
          .declare("session.length", AttributeType.DURATION)
          .build();
  private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

  private static AccessRequest.Builder builder() {
    return AccessRequest.builder(SCHEMA);
  }

  private static Arguments reject(
      String label,
      Consumer<AccessRequest.Builder> action,
      String attribute,
      String value,
      String message) {
    return Arguments.of(label, action, attribute, value, message);
  }

  static Stream<Arguments> wrongValues() {
    return Stream.of(
        reject(
            "string to int",
            b -> b.set("user.clearance", "secret"),
            "user.clearance",
            "secret",
            "attribute `user.clearance` is an int, not a string (got `secret`)"),
        reject(
            "string to ranged int",
            b -> b.set("risk.score", "high"),
            "risk.score",
            "high",
            "attribute `risk.score` is an int 0..100, not a string (got `high`)"),
        reject(
            "string to bool",
            b -> b.set("device.managed", "yes"),
            "device.managed",
            "yes",
            "attribute `device.managed` is a bool, not a string (got `yes`)"),
        reject(
            "string to set",
            b -> b.set("user.roles", "sysadmin"),
            "user.roles",
            "sysadmin",
            "attribute `user.roles` is a set<string>, not a string (got `sysadmin`)"),
        reject(
            "string to time",
            b -> b.set("request.time", "yesterday"),
            "request.time",
            "yesterday",
            "malformed time `yesterday` for `request.time`: expected an ISO-8601"
                + " instant such as 2026-11-29T10:00:00Z"),
        reject(
            "string to duration",
            b -> b.set("session.length", "15 minutes"),
            "session.length",
            "15 minutes",
            "malformed duration `15 minutes` for"
                + " `session.length`: expected an ISO-8601 duration such as PT15M"),
        reject(
            "int to string",
            b -> b.set("user.id", 42),
            "user.id",
            "42",
            "attribute `user.id` is a string, not an int (got 42)"),
        reject(
            "int to bool",
            b -> b.set("device.known", 1),
            "device.known",
            "1",
            "attribute `device.known` is a bool, not an int (got 1)"),
        reject(
            "bool to string",
            b -> b.set("user.id", true),
            "user.id",
            "true",
            "attribute `user.id` is a string, not a bool (got true)"),
        reject(
            "bool to int",
            b -> b.set("risk.score", false),
            "risk.score",
            "false",
            "attribute `risk.score` is an int 0..100, not a bool (got false)"),
        reject(
            "set to string",
            b -> b.set("user.department", List.of("a", "b")),
            "user.department",
            "[a, b]",
            "attribute `user.department` is a string, not a set<string> (got [a, b])"),
        reject(
            "set to ip",
            b -> b.set("request.ip", List.of("10.0.0.1")),
            "request.ip",
            "[10.0.0.1]",
            "attribute `request.ip` is an ip, not a set<string> (got [10.0.0.1])"),
        reject(
            "instant to string",
            b -> b.set("user.id", NOON),
            "user.id",
            "2026-11-29T12:00:00Z",
            "attribute `user.id` is a string, not a time (got 2026-11-29T12:00:00Z)"),
        reject(
            "instant to duration",
            b -> b.set("session.length", NOON),
            "session.length",
            "2026-11-29T12:00:00Z",
            "attribute `session.length` is a duration, not a time (got 2026-11-29T12:00:00Z)"),
        reject(
            "duration to time",
            b -> b.set("auth.time", Duration.ofMinutes(15)),
            "auth.time",
            "PT15M",
            "attribute `auth.time` is a time, not a duration (got PT15M)"),
        reject(
            "ip to string",
            b -> b.set("user.id", IpAddress.parse("203.0.113.9")),
            "user.id",
            "203.0.113.9",
            "attribute `user.id` is a string, not an ip (got 203.0.113.9)"),
        reject(
            "unknown attribute",
            b -> b.set("user.departmnet", "Finance"),
            "user.departmnet",
            "Finance",
            "unknown attribute `user.departmnet`; did you mean `user.department`?"),
        reject(
            "unknown attribute, nothing near",
            b -> b.set("weather", 3),
            "weather",
            "3",
            "unknown attribute `weather`"),
        reject(
            "ip with bad octet",
            b -> b.set("request.ip", "256.1.1.1"),
            "request.ip",
            "256.1.1.1",
            "attribute `request.ip`: malformed IP address `256.1.1.1`: IPv4"
                + " segment too large"),
        reject(
            "ip with prefix",
            b -> b.set("request.ip", "10.0.0.0/8"),
            "request.ip",
            "10.0.0.0/8",
            "attribute `request.ip`: malformed IP address `10.0.0.0/8`: CIDR"
                + " prefix or mask not allowed for this address"),
        reject(
            "empty ip",
            b -> b.set("request.ip", ""),
            "request.ip",
            "",
            "attribute `request.ip`: malformed IP address ``: you must specify an address"),
        reject(
            "misspelt risk level",
            b -> b.set("risk.level", "hihg"),
            "risk.level",
            "hihg",
            "`hihg` is not a value of `risk.level`; did you mean `high`?"),
        reject(
            "unknown risk level",
            b -> b.set("risk.level", "extreme"),
            "risk.level",
            "extreme",
            "`extreme` is not a value of `risk.level`; expected one of none, low,"
                + " medium, high, critical"),
        reject(
            "unknown factor",
            b -> b.set("auth.methods", List.of("password", "totpp")),
            "auth.methods",
            "totpp",
            "`totpp` is not a value of `auth.methods`; did you mean" + " `totp`?"),
        reject(
            "score above range",
            b -> b.set("risk.score", 101),
            "risk.score",
            "101",
            "value 101 of `risk.score` is out of range: expected int 0..100"),
        reject(
            "score below range",
            b -> b.set("risk.score", -1),
            "risk.score",
            "-1",
            "value -1 of `risk.score` is out of range: expected int 0..100"),
        reject(
            "score above range as text",
            b -> b.set("risk.score", "101"),
            "risk.score",
            "101",
            "value 101 of `risk.score` is out of range: expected int 0..100"),
        reject(
            "instant beyond milliseconds",
            b -> b.set("request.time", Instant.MAX),
            "request.time",
            "+1000000000-12-31T23:59:59.999999999Z",
            "value +1000000000-12-31T23:59:59.999999999Z of `request.time` is out of range: it"
                + " does not fit in milliseconds"),
        reject(
            "instant text beyond milliseconds",
            b -> b.set("request.time", "+1000000000-01-01T00:00:00Z"),
            "request.time",
            "+1000000000-01-01T00:00:00Z",
            "value +1000000000-01-01T00:00:00Z of"
                + " `request.time` is out of range: it does not fit in milliseconds"),
        reject(
            "duration beyond milliseconds",
            b -> b.set("session.length", Duration.ofSeconds(Long.MAX_VALUE)),
            "session.length",
            "PT2562047788015215H30M7S",
            "value PT2562047788015215H30M7S of `session.length` is"
                + " out of range: it does not fit in milliseconds"),
        reject(
            "null set element",
            b -> b.set("user.roles", Arrays.asList("admin", null)),
            "user.roles",
            "[admin, null]",
            "set `user.roles` holds a null element"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongValues")
  void set_wrongValue_throwsNamingAttributeAndValue(
      String label,
      Consumer<AccessRequest.Builder> action,
      String attribute,
      String value,
      String message) {
    AccessRequest.Builder builder = builder();

    assertThatThrownBy(() -> action.accept(builder))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.attribute()).isEqualTo(attribute);
              assertThat(e.value()).isEqualTo(value);
            })
        .hasMessage(message);
  }

  @Test
  void set_rejectedValue_leavesBuilderUnchanged() {
    AccessRequest.Builder builder = builder().set("risk.score", 40);

    assertThatThrownBy(() -> builder.set("risk.score", 101))
        .isInstanceOf(InvalidRequestException.class);

    assertThat(builder.build().value("risk.score")).contains(40L);
  }

  @Test
  void set_nullValue_throwsNamingAttribute() {
    assertThatThrownBy(() -> builder().set("user.id", (String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of `user.id`");
  }

  @Test
  void clear_unknownAttribute_throws() {
    assertThatThrownBy(() -> builder().clear("user.departmnet"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage("unknown attribute `user.departmnet`; did you mean `user.department`?");
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "risk.score     | 42                   | 42",
        "user.clearance | -7                   | -7",
        "device.managed | true                 | 1",
        "device.known   | false                | 0",
        "risk.level     | none                 | 0",
        "risk.level     | high                 | 3",
        "risk.level     | critical             | 4",
        "request.time   | 2026-11-29T12:00:00Z | 1795953600000",
        "session.length | PT15M                | 900000"
      })
  @ParameterizedTest
  void number_valueGivenAsText_readsNumericForm(String name, String text, long number) {
    AccessRequest request = builder().set(name, text).build();

    assertThat(request.number(SCHEMA.slot(name))).isEqualTo(number);
  }

  @Test
  void number_typedSetters_readNumericForm() {
    AccessRequest request =
        builder()
            .set("risk.score", 100)
            .set("device.managed", true)
            .set("request.time", NOON)
            .set("session.length", Duration.ofHours(8))
            .build();

    assertThat(request.number(SCHEMA.slot("risk.score"))).isEqualTo(100);
    assertThat(request.number(SCHEMA.slot("device.managed"))).isEqualTo(1);
    assertThat(request.number(SCHEMA.slot("request.time"))).isEqualTo(NOON.toEpochMilli());
    assertThat(request.number(SCHEMA.slot("session.length"))).isEqualTo(8 * 3_600_000L);
  }

  @Test
  void string_set_ip_readBySlot() {
    AccessRequest request =
        builder()
            .set("user.department", "Finance")
            .set("user.roles", List.of("sysadmin", "auditor"))
            .set("request.ip", "2001:db8::7")
            .build();

    assertThat(request.string(SCHEMA.slot("user.department"))).isEqualTo("Finance");
    assertThat(request.set(SCHEMA.slot("user.roles"))).containsExactly("auditor", "sysadmin");
    assertThat(request.ip(SCHEMA.slot("request.ip"))).isEqualTo(IpAddress.parse("2001:db8::7"));
  }

  @Test
  void number_onStringSlot_throws() {
    AccessRequest request = builder().set("user.id", "u-1").build();

    assertThatThrownBy(() -> request.number(SCHEMA.slot("user.id")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("`user.id` is not numeric");
  }

  @Test
  void symbols_ofFactorSet_areOneBitPerFactor() {
    AccessRequest request = builder().set("auth.methods", Set.of("password", "totp")).build();

    assertThat(request.symbols(SCHEMA.slot("auth.methods")))
        .isEqualTo(1L << Factor.PASSWORD.ordinal() | 1L << Factor.TOTP.ordinal());
  }

  @Test
  void symbols_ofStringSetOrOrderedValue_throws() {
    AccessRequest request =
        builder().set("user.roles", Set.of("sysadmin")).set("risk.level", "high").build();

    assertThatThrownBy(() -> request.symbols(SCHEMA.slot("user.roles")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("`user.roles` is not an enumerated set");
    assertThatThrownBy(() -> request.symbols(SCHEMA.slot("risk.level")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("`risk.level` is not an enumerated set");
  }

  @Test
  void number_ofOrderedValue_isItsOrdinal() {
    AccessRequest request = builder().set("risk.level", "high").build();

    assertThat(request.number(SCHEMA.slot("risk.level")))
        .isEqualTo(AttributeType.RISK_LEVEL.ordinal("high"));
  }

  @Test
  void string_onIntSlot_throwsNamingType() {
    AccessRequest request = builder().set("risk.score", 5).build();

    assertThatThrownBy(() -> request.string(SCHEMA.slot("risk.score")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("`risk.score` is an int 0..100");
  }

  @Test
  void string_missingValue_throws() {
    AccessRequest request = builder().build();

    assertThatThrownBy(() -> request.string(SCHEMA.slot("user.email")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("`user.email` has no value");
  }

  @Test
  void number_slotOutsideSchema_throws() {
    AccessRequest request = builder().build();

    assertThatThrownBy(() -> request.number(SCHEMA.size()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no slot " + SCHEMA.size() + " in the schema");
  }

  @Test
  void has_reportsSetAttributesOnly() {
    AccessRequest request = builder().set("app", "mail").build();

    assertThat(request.has("app")).isTrue();
    assertThat(request.has(SCHEMA.slot("app"))).isTrue();
    assertThat(request.has("user.id")).isFalse();
    assertThat(request.has("weather")).isFalse();
    assertThat(request.has(-1)).isFalse();
    assertThat(request.has(SCHEMA.size())).isFalse();
  }

  @Test
  void has_slotBeyondSixtyFour_isTrackedSeparately() {
    Schema.Builder wide = Schema.builder();
    for (int i = 0; i < 80; i++) {
      wide.declare("extra.a" + i, AttributeType.BOOL);
    }
    Schema schema = wide.build();

    AccessRequest request = AccessRequest.builder(schema).set("extra.a70", true).build();

    assertThat(request.has("extra.a70")).isTrue();
    assertThat(schema.slot("extra.a70")).isGreaterThan(64);
    assertThat(request.values()).containsOnlyKeys("extra.a70");
  }

  @Test
  void value_returnsNaturalJavaTypes() {
    IpAddress ip = IpAddress.parse("203.0.113.9");
    AccessRequest request =
        builder()
            .set("user.id", "u-1")
            .set("risk.score", 7)
            .set("device.known", true)
            .set("risk.level", "medium")
            .set("request.time", NOON)
            .set("session.length", Duration.ofMinutes(5))
            .set("request.ip", ip)
            .set("auth.methods", Set.of("totp"))
            .build();

    assertThat(request.value("user.id")).contains("u-1");
    assertThat(request.value("risk.score")).contains(7L);
    assertThat(request.value("device.known")).contains(true);
    assertThat(request.value("risk.level")).contains("medium");
    assertThat(request.value("request.time")).contains(NOON);
    assertThat(request.value("session.length")).contains(Duration.ofMinutes(5));
    assertThat(request.value("request.ip")).contains(ip);
    assertThat(request.value("auth.methods")).contains(Set.of("totp"));
    assertThat(request.value("user.email")).isEmpty();
    assertThat(request.value("weather")).isEmpty();
  }

  @Test
  void values_listsSetAttributesInSlotOrder() {
    AccessRequest request =
        builder().set("risk.score", 3).set("app", "mail").set("user.id", "u-1").build();

    assertThat(request.values())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("user.id", "u-1"),
            org.assertj.core.api.Assertions.entry("app", "mail"),
            org.assertj.core.api.Assertions.entry("risk.score", 3L));
    assertThat(request).hasToString("AccessRequest{user.id=u-1, app=mail, risk.score=3}");
  }

  @Test
  void set_collection_isCopiedAndUnmodifiable() {
    List<String> roles = new ArrayList<>(List.of("sysadmin"));
    AccessRequest request = builder().set("user.roles", roles).build();

    roles.add("auditor");

    Set<String> stored = request.set(SCHEMA.slot("user.roles"));
    assertThat(stored).containsExactly("sysadmin");
    assertThatThrownBy(() -> stored.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void build_builderReused_earlierRequestUnchanged() {
    AccessRequest.Builder b = builder().set("app", "mail");
    AccessRequest first = b.build();

    AccessRequest second = b.set("app", "books").set("user.id", "u-2").build();

    assertThat(first.value("app")).contains("mail");
    assertThat(first.has("user.id")).isFalse();
    assertThat(second.value("app")).contains("books");
  }

  @Test
  void toBuilder_clear_derivesChangedRequestAndKeepsOriginal() {
    AccessRequest original = builder().set("app", "mail").set("risk.score", 9).build();

    AccessRequest derived = original.toBuilder().clear("risk.score").set("user.id", "u").build();

    assertThat(original.values()).containsOnlyKeys("app", "risk.score");
    assertThat(derived.values()).containsOnlyKeys("app", "user.id");
    assertThat(derived.has("risk.score")).isFalse();
    assertThat(original.toBuilder().build()).isEqualTo(original);
  }

  @Test
  void equals_sameValuesInAnyOrder_areEqual() {
    AccessRequest a = builder().set("app", "mail").set("user.roles", List.of("b", "a")).build();
    AccessRequest b = builder().set("user.roles", Set.of("a", "b")).set("app", "mail").build();
    AccessRequest c = builder().set("app", "books").set("user.roles", List.of("a", "b")).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void equals_ipv4MappedAddress_equalsDottedAddress() {
    AccessRequest mapped = builder().set("request.ip", "::ffff:203.0.113.9").build();
    AccessRequest dotted = builder().set("request.ip", "203.0.113.9").build();

    assertThat(mapped).isEqualTo(dotted);
    assertThat(mapped.value("request.ip")).map(Object::toString).contains("203.0.113.9");
  }

  @Test
  void equals_otherSchema_notEqual() {
    AccessRequest a = builder().set("app", "mail").build();
    AccessRequest b = AccessRequest.builder(Schema.standard()).set("app", "mail").build();

    assertThat(a).isNotEqualTo(b);
    assertThat(b.schema()).isEqualTo(Schema.standard());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "",
        "ACCESS",
        "SIGNIN",
        "Signin",
        "user.",
        "user..x",
        ".user",
        "user.*",
        "*",
        "user create",
        "user-create",
        "1user",
        "user.1x",
        "access\u0000",
        "user.créer"
      })
  void set_actionThatIsNoName_isRefusedNamingTheValue(String action) {
    assertThatThrownBy(() -> builder().set("request.action", action))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.attribute()).isEqualTo("request.action");
              assertThat(e.value()).isEqualTo(action);
            })
        .hasMessage(
            "`"
                + action
                + "` is not an action: expected `signin`, `access` or a dotted"
                + " lowercase admin action such as `user.create`");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "signin",
        "access",
        "user.create",
        "user.reset_mfa",
        "app.assign",
        "audit",
        "_internal.x2",
        "a.b.c.d"
      })
  void set_actionName_isKept(String action) {
    assertThat(builder().set("request.action", action).build().value("request.action"))
        .hasValue(action);
  }
}
