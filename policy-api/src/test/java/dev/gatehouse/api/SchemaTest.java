package dev.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SchemaTest {

  static Stream<Arguments> standardAttributes() {
    return Stream.of(
        Arguments.of("user.id", "string"),
        Arguments.of("user.email", "string"),
        Arguments.of("user.department", "string"),
        Arguments.of("user.title", "string"),
        Arguments.of("user.country", "string"),
        Arguments.of("user.employment", "string"),
        Arguments.of("user.roles", "set<string>"),
        Arguments.of("user.groups", "set<string>"),
        Arguments.of("app", "string"),
        Arguments.of("request.action", "string"),
        Arguments.of("request.ip", "ip"),
        Arguments.of("request.time", "time"),
        Arguments.of("device.id", "string"),
        Arguments.of("device.platform", "string"),
        Arguments.of("device.managed", "bool"),
        Arguments.of("device.known", "bool"),
        Arguments.of("location.country", "string"),
        Arguments.of("auth.methods", "set<factor>"),
        Arguments.of("auth.time", "time"),
        Arguments.of("risk.level", "none < low < medium < high < critical"),
        Arguments.of("risk.score", "int 0..100"),
        Arguments.of("target.app", "string"),
        Arguments.of("target.id", "string"),
        Arguments.of("target.email", "string"),
        Arguments.of("target.department", "string"),
        Arguments.of("target.title", "string"),
        Arguments.of("target.country", "string"),
        Arguments.of("target.employment", "string"),
        Arguments.of("target.roles", "set<string>"),
        Arguments.of("target.groups", "set<string>"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("standardAttributes")
  void standard_designAttribute_hasDesignType(String name, String type) {
    Attribute attribute = Schema.standard().attributeOrThrow(name);

    assertThat(attribute.type()).hasToString(type);
    assertThat(Schema.standard().slot(name)).isEqualTo(attribute.slot());
    assertThat(Schema.standard().attribute(attribute.slot())).isEqualTo(attribute);
  }

  @Test
  void standard_everyAttribute_isInTheDesignTable() {
    assertThat(Schema.standard().names())
        .containsExactlyInAnyOrderElementsOf(
            standardAttributes().map(a -> (String) a.get()[0]).toList());
  }

  @Test
  void standard_slots_areDenseAndInOrder() {
    Schema schema = Schema.standard();

    for (int i = 0; i < schema.size(); i++) {
      assertThat(schema.attributes().get(i).slot()).isEqualTo(i);
    }
    assertThat(schema.size()).isEqualTo(30);
  }

  @Test
  void standard_riskLevel_ordersNoneBelowCritical() {
    AttributeType level = Schema.standard().attributeOrThrow("risk.level").type();

    assertThat(level.kind()).isEqualTo(AttributeType.Kind.ORDERED);
    assertThat(level.ordinal("none")).isLessThan(level.ordinal("low"));
    assertThat(level.ordinal("high")).isLessThan(level.ordinal("critical"));
    assertThat(level.ordinal("hihg")).isEqualTo(-1);
    assertThat(level.isOrdered()).isTrue();
  }

  @Test
  void standard_riskScore_acceptsZeroToHundredOnly() {
    AttributeType score = Schema.standard().attributeOrThrow("risk.score").type();

    assertThat(score.accepts(0)).isTrue();
    assertThat(score.accepts(100)).isTrue();
    assertThat(score.accepts(101)).isFalse();
    assertThat(score.accepts(-1)).isFalse();
  }

  @Test
  void standard_authMethods_holdsTheFactors() {
    AttributeType methods = Schema.standard().attributeOrThrow("auth.methods").type();

    assertThat(methods.symbols())
        .containsExactly(
            "password", "sso", "totp", "webauthn", "push", "sms", "email_otp", "biometric");
  }

  @Test
  void declare_userAttribute_alsoDeclaresTargetAttribute() {
    Schema schema = Schema.builder().declare("user.clearance", AttributeType.INT).build();

    assertThat(schema.attributeOrThrow("user.clearance").type()).isEqualTo(AttributeType.INT);
    assertThat(schema.attributeOrThrow("target.clearance").type()).isEqualTo(AttributeType.INT);
    assertThat(schema.size()).isEqualTo(Schema.standard().size() + 2);
    assertThat(schema.slot("user.clearance")).isEqualTo(Schema.standard().size());
    assertThat(schema.slot("target.clearance")).isEqualTo(Schema.standard().size() + 1);
  }

  @Test
  void declare_otherPrefix_declaresOnlyThatAttribute() {
    Schema schema = Schema.builder().declare("session.length", AttributeType.DURATION).build();

    assertThat(schema.attributeOrThrow("session.length").type()).isEqualTo(AttributeType.DURATION);
    assertThat(schema.size()).isEqualTo(Schema.standard().size() + 1);
  }

  @Test
  void declare_keepsStandardSchemaUnchanged() {
    Schema.builder().declare("user.clearance", AttributeType.INT).build();

    assertThat(Schema.standard().attribute("user.clearance")).isEmpty();
  }

  @Test
  void declare_existingAttributeWithSameType_changesNothing() {
    Schema schema = Schema.builder().declare("user.department", AttributeType.STRING).build();

    assertThat(schema).isEqualTo(Schema.standard());
  }

  @Test
  void declare_existingAttributeWithOtherType_throwsNamingBothTypes() {
    Schema.Builder builder = Schema.builder();

    assertThatThrownBy(() -> builder.declare("user.department", AttributeType.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute `user.department` is already a string, not an int");
  }

  @Test
  void declare_targetOfRedeclaredUserAttributeWithOtherType_throws() {
    Schema.Builder builder = Schema.builder().declare("target.site", AttributeType.INT);

    assertThatThrownBy(() -> builder.declare("user.site", AttributeType.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute `target.site` is already an int, not a string");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "User.site",
        "user..site",
        "user.site.",
        "1user",
        "user-site",
        "user.site name",
        ".user"
      })
  void declare_invalidName_throwsWithExample(String name) {
    Schema.Builder builder = Schema.builder();

    assertThatThrownBy(() -> builder.declare(name, AttributeType.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid attribute name `" + name + "`: use dotted lowercase names like `user.site`");
  }

  @Test
  void build_builderReused_earlierSchemaUnchanged() {
    Schema.Builder builder = Schema.builder().declare("user.site", AttributeType.STRING);
    Schema first = builder.build();

    Schema second = builder.declare("user.level", AttributeType.INT).build();

    assertThat(first.attribute("user.level")).isEmpty();
    assertThat(second.attribute("user.level")).isPresent();
  }

  @Test
  void toBuilder_addsToExistingAttributes() {
    Schema base = Schema.builder().declare("user.site", AttributeType.STRING).build();

    Schema extended = base.toBuilder().declare("device.owner", AttributeType.STRING).build();

    assertThat(extended.names()).contains("user.site", "target.site", "device.owner");
    assertThat(extended.slot("user.site")).isEqualTo(base.slot("user.site"));
  }

  @CsvSource(
      delimiter = '|',
      value = {
        "user.departmnet | unknown attribute `user.departmnet`; did you mean `user.department`?",
        "risk.levle      | unknown attribute `risk.levle`; did you mean `risk.level`?",
        "target.ap       | unknown attribute `target.ap`; did you mean `target.app`?",
        "weather         | unknown attribute `weather`"
      })
  @ParameterizedTest
  void attributeOrThrow_unknownName_throwsWithSuggestion(String name, String message) {
    assertThatThrownBy(() -> Schema.standard().attributeOrThrow(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThat(Schema.standard().unknownMessage(name)).isEqualTo(message);
  }

  @Test
  void slot_unknownName_throwsWithSuggestion() {
    assertThatThrownBy(() -> Schema.standard().slot("user.emial"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown attribute `user.emial`; did you mean `user.email`?");
  }

  @Test
  void attribute_unknownName_isEmpty() {
    assertThat(Schema.standard().attribute("weather")).isEmpty();
  }

  @Test
  void attributes_cannotBeModified() {
    assertThatThrownBy(() -> Schema.standard().attributes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Schema.standard().names().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameDeclarations_areEqual() {
    Schema a = Schema.builder().declare("user.site", AttributeType.STRING).build();
    Schema b = Schema.builder().declare("user.site", AttributeType.STRING).build();
    Schema c = Schema.builder().declare("user.site", AttributeType.INT).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
  }

  @Test
  void toString_listsAttributesWithTypes() {
    assertThat(Schema.standard().toString())
        .startsWith("Schema[user.id: string, target.id: string, user.email: string")
        .contains("risk.score: int 0..100");
  }
}
