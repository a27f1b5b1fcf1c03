package dev.gatehouse.servlet;

import dev.gatehouse.api.AccessRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Builds the subject part of an access request ({@code user.*}, {@code device.*}, {@code
 * location.*}, {@code risk.*} and custom attributes) from an HTTP request. The filter sets {@code
 * app}, {@code request.action}, {@code request.ip}, {@code request.time}, {@code auth.methods} and
 * {@code auth.time} itself, after the resolver, and overwrites anything the resolver put there.
 *
 * <p>A resolver that cannot tell who is asking returns false; one that throws is treated the same
 * way. Either way {@link GatehouseFilter} answers 403 and the request goes no further.
 *
 * <pre>{@code
 * SubjectResolver fromToken = (http, subject) -> {
 *   Token token = (Token) http.getAttribute("token");
 *   if (token == null) {
 *     return false;
 *   }
 *   subject.set("user.id", token.subject()).set("user.groups", token.groups());
 *   return true;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface SubjectResolver {

  /**
   * The request or session attribute where the {@linkplain #standard() standard} resolver looks for
   * a {@code Map<String, ?>} of subject attributes, such as {@code user.department}.
   */
  String SUBJECT_ATTRIBUTE = "dev.gatehouse.subject";

  /**
   * Sets the subject's attributes on {@code subject}.
   *
   * @param request the HTTP request
   * @param subject the access request being built, against the running policies' schema
   * @return whether the subject was resolved; false denies the request
   * @throws dev.gatehouse.api.InvalidRequestException if a value does not fit the schema, which
   *     denies the request
   */
  boolean resolve(HttpServletRequest request, AccessRequest.Builder subject);

  /**
   * Returns the standard resolver: {@code user.id} is the name of {@link
   * HttpServletRequest#getUserPrincipal()}, and further attributes come from a {@code Map<String,
   * ?>} under {@link #SUBJECT_ATTRIBUTE} in the session and then the request (the request's entries
   * win).
   *
   * <p>Map values may be a {@code String} (any type given as text), a {@code Long} or {@code
   * Integer}, a {@code Boolean}, an {@code Instant}, a {@code Duration}, an {@link
   * dev.gatehouse.api.IpAddress}, or a {@code Collection} of strings. Without a principal, a {@code
   * user.id} entry in the map names the subject; with one, a differing {@code user.id} entry leaves
   * the subject unresolved. Entries for attributes the filter sets itself leave it unresolved too:
   * they point at a host bug.
   *
   * @return the standard resolver
   */
  static SubjectResolver standard() {
    return StandardSubjectResolver.INSTANCE;
  }
}
