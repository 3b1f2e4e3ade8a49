/** Availability-first planning and rollout of monthly patch cycles. */
@NullMarked
package io.guestpatch.orchestrator;

import org.jspecify.annotations.NullMarked;
