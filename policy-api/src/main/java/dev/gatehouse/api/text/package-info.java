/**
 * Text at the edges: {@link dev.gatehouse.api.text.Utf8} decodes files strictly, and {@link
 * dev.gatehouse.api.text.Printable} escapes user-supplied values before a log, a terminal or a
 * message shows them.
 */
@NullMarked
package dev.gatehouse.api.text;

import org.jspecify.annotations.NullMarked;
