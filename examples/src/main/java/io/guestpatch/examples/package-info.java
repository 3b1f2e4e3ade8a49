/**
 * The {@code guestpatch} command-line tool: entry point {@link io.guestpatch.examples.GuestPatchCli}
 * ({@code java -jar examples/target/guestpatch.jar --help}), with the subcommands validate, classify,
 * generate, plan, simulate and audit. Starter programs are in {@code io.guestpatch.examples.starter}.
 */
@NullMarked
package io.guestpatch.examples;

import org.jspecify.annotations.NullMarked;
