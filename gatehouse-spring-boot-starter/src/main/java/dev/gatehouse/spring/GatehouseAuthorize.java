package dev.gatehouse.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Gatehouse before a method runs, as {@code @PreAuthorize} asks an expression: the signed-in
 * user must be permitted {@link #action()} on {@link #app()} by the running policies, from the
 * current HTTP request's client address. Needs {@code @EnableMethodSecurity}; a denial is answered
 * by {@link GatehouseAccessDeniedHandler} like a denied request.
 *
 * <pre>{@code
 * @GatehouseAuthorize(app = "books")
 * public List<Entry> ledger() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface GatehouseAuthorize {

  /**
   * Returns the app accessed; empty for the org sign-in and delegated actions.
   *
   * @return the app accessed
   */
  String app() default "";

  /**
   * Returns the action: {@code access} (the default), {@code signin} or a delegated action.
   *
   * @return the action
   */
  String action() default "access";
}
