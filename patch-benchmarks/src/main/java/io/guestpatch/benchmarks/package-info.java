/** GuestPatch benchmarks. */
@NullMarked
package io.guestpatch.benchmarks;

import org.jspecify.annotations.NullMarked;
