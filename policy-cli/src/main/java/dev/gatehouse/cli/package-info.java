/**
 * The {@code gatehouse} command line: {@link dev.gatehouse.cli.Main} and one class per subcommand.
 */
@NullMarked
package dev.gatehouse.cli;

import org.jspecify.annotations.NullMarked;
