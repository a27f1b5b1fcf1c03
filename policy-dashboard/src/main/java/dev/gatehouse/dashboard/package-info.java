/**
 * A read-only sign-in dashboard served by the application that embeds Gatehouse: {@link
 * dev.gatehouse.dashboard.SignInDashboard}, a Jakarta servlet governed by the host's own {@code
 * delegate} policies.
 */
@NullMarked
package dev.gatehouse.dashboard;

import org.jspecify.annotations.NullMarked;
