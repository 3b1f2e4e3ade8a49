/**
 * Availability-first planning and rollout of monthly patch cycles. Entry points:
 * {@link io.guestpatch.orchestrator.FleetIndex} (a compact index of a fleet),
 * {@link io.guestpatch.orchestrator.Planner} (stages and batches, SPEC 4.4),
 * {@link io.guestpatch.orchestrator.RolloutEngine} (runs a plan on a
 * {@link io.guestpatch.orchestrator.Scheduler}, SPEC 4.2-4.3), {@link io.guestpatch.orchestrator.TraceWriter}
 * and {@link io.guestpatch.orchestrator.SafetyAuditor} (SPEC 4.5-4.6), configured by
 * {@link io.guestpatch.orchestrator.RolloutPolicy}. What a host implements is in {@code .spi}.
 */
@NullMarked
package io.guestpatch.orchestrator;

import org.jspecify.annotations.NullMarked;
