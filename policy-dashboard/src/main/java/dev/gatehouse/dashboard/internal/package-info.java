/** The dashboard's index of sign-in events and its queries; not API. */
@NullMarked
package dev.gatehouse.dashboard.internal;

import org.jspecify.annotations.NullMarked;
