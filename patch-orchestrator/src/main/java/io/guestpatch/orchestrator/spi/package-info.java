/**
 * What a host implements to run the engine: {@link io.guestpatch.orchestrator.spi.PatchExecutor} (assess,
 * install, enable a VM), {@link io.guestpatch.orchestrator.spi.HealthSource},
 * {@link io.guestpatch.orchestrator.spi.PowerStateSource} and
 * {@link io.guestpatch.orchestrator.spi.RolloutStore}.
 */
@NullMarked
package io.guestpatch.orchestrator.spi;

import org.jspecify.annotations.NullMarked;
