/** Rollout events ({@link io.guestpatch.orchestrator.event.RolloutEvent}) and their listener. */
@NullMarked
package io.guestpatch.orchestrator.event;

import org.jspecify.annotations.NullMarked;
