/**
 * The reference interpreter: the plain, obviously correct evaluator that the compiled engine is
 * checked against, and that explains decisions.
 */
@NullMarked
package dev.gatehouse.engine.reference;

import org.jspecify.annotations.NullMarked;
