/** GuestPatch examples. */
@NullMarked
package io.guestpatch.examples;

import org.jspecify.annotations.NullMarked;
