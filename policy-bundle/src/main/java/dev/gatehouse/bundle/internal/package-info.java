/** The archive and manifest formats of a bundle and the machinery of the policy sources. */
@NullMarked
package dev.gatehouse.bundle.internal;

import org.jspecify.annotations.NullMarked;
