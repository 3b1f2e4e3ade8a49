package io.guestpatch.orchestrator.event;

/**
 * Receives rollout events on the engine's thread, in order. Keep it fast; a listener that throws is
 * logged and otherwise ignored.
 */
@FunctionalInterface
public interface RolloutListener {
  /** One event. */
  void onEvent(RolloutEvent event);
}
