package dev.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.api.AccessRequest;
import dev.gatehouse.api.InvalidRequestException;
import dev.gatehouse.api.IpAddress;
import dev.gatehouse.api.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The principal name and the host's attribute map make the subject. */
final class StandardSubjectResolverTest {

  private final AccessRequest.Builder subject = AccessRequest.builder(Schema.standard());

  @Test
  void resolve_principalAndMap_setsEveryAttribute() {
    Map<String, Object> map =
        Map.of(
            "user.department",
            "Payroll",
            "user.roles",
            List.of("auditor"),
            "device.managed",
            true,
            "risk.score",
            40,
            "device.id",
            "d-1",
            "user.email",
            "pat@example.com");

    assertThat(resolve("pat", map)).isTrue();
    AccessRequest request = subject.build();
    assertThat(request.value("user.id")).contains("pat");
    assertThat(request.value("user.department")).contains("Payroll");
    assertThat(request.value("user.roles")).contains(Set.of("auditor"));
    assertThat(request.value("device.managed")).contains(true);
    assertThat(request.value("risk.score")).contains(40L);
  }

  @Test
  void resolve_noPrincipalNoMap_unresolved() {
    assertThat(resolve(null, null)).isFalse();
  }

  @Test
  void resolve_blankPrincipal_unresolved() {
    assertThat(resolve(" ", null)).isFalse();
  }

  @Test
  void resolve_noPrincipalButMapUserId_usesMap() {
    assertThat(resolve(null, Map.of("user.id", "ann"))).isTrue();
    assertThat(subject.build().value("user.id")).contains("ann");
  }

  @Test
  void resolve_mapNamesAnotherUser_unresolved() {
    assertThat(resolve("ann", Map.of("user.id", "root"))).isFalse();
  }

  @Test
  void resolve_mapSetsOwnedAttribute_unresolved() {
    assertThat(resolve("ann", Map.of("request.ip", IpAddress.parse("203.0.113.9")))).isFalse();
    assertThat(resolve("ann", Map.of("auth.methods", List.of("webauthn")))).isFalse();
  }

  @Test
  void resolve_valueOfWrongType_throwsNamingAttribute() {
    assertThatThrownBy(() -> resolve("ann", Map.of("user.department", 7)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("`user.department`");
    assertThatThrownBy(() -> resolve("ann", Map.of("user.roles", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`user.roles` holds an element that is not a string");
    assertThatThrownBy(() -> resolve("ann", Map.of("user.title", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value of `user.title` has an unsupported type");
  }

  @Test
  void resolve_attributeIsNotAMap_throws() {
    assertThatThrownBy(
            () ->
                SubjectResolver.standard()
                    .resolve(
                        FakeRequests.request(
                            "ann",
                            Map.of(SubjectResolver.SUBJECT_ATTRIBUTE, "user.id=root"),
                            "GET",
                            Map.of()),
                        subject))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`dev.gatehouse.subject` is not a map");
  }

  @Test
  void resolve_timeValue_setAsInstant() {
    Instant hired = Instant.parse("2020-01-01T00:00:00Z");
    Schema schema =
        Schema.builder().declare("user.hired", dev.gatehouse.api.AttributeType.TIME).build();
    AccessRequest.Builder custom = AccessRequest.builder(schema);

    assertThat(
            SubjectResolver.standard()
                .resolve(
                    FakeRequests.request(
                        "ann",
                        Map.of(SubjectResolver.SUBJECT_ATTRIBUTE, Map.of("user.hired", hired)),
                        "GET",
                        Map.of()),
                    custom))
        .isTrue();
    assertThat(custom.build().value("user.hired")).contains(hired);
  }

  private boolean resolve(String principal, Map<String, Object> map) {
    Map<String, Object> attributes =
        map == null ? Map.of() : Map.of(SubjectResolver.SUBJECT_ATTRIBUTE, map);
    return SubjectResolver.standard()
        .resolve(FakeRequests.request(principal, attributes, "GET", Map.of()), subject);
  }
}
