/**
 * The implementation of the policy language: lexer, parser, syntax tree, resolver, lowering to the
 * policy model, and printer. Not an API; use {@link dev.gatehouse.dsl.PolicyDsl}.
 */
@NullMarked
package dev.gatehouse.dsl.internal;

import org.jspecify.annotations.NullMarked;
