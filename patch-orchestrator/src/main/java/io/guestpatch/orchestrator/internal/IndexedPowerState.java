package io.guestpatch.orchestrator.internal;

/** A power-state source that answers by fleet index number, without looking ids up (simulations). */
public interface IndexedPowerState {
  /** Whether the VM numbered {@code vm} runs at the epoch second. */
  boolean isRunning(int vm, long epochSecond);
}
