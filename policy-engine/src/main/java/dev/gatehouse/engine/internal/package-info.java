/** The compiler and the compiled decision structure; not an API, may change at any time. */
@NullMarked
package dev.gatehouse.engine.internal;

import org.jspecify.annotations.NullMarked;
