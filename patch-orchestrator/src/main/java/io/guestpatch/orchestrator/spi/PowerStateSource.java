package io.guestpatch.orchestrator.spi;

import java.time.Instant;

/** Which VMs are running at an instant (or the latest the host knows). Thread-safe. */
@FunctionalInterface
public interface PowerStateSource {
  /** Every VM is always running. */
  PowerStateSource ALWAYS_RUNNING = (vmId, at) -> true;

  /** Whether the VM runs at this instant. */
  boolean isRunning(String vmId, Instant at);
}
