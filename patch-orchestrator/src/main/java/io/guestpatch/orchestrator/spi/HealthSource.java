package io.guestpatch.orchestrator.spi;

/** The post-update health signal of a VM (I10). Implementations must be thread-safe. */
@FunctionalInterface
public interface HealthSource {
  /** A VM's health. */
  enum Health {
    /** Healthy after the update. */
    HEALTHY,
    /** Unhealthy: counts as a failure for the health halt. */
    UNHEALTHY,
    /** No signal: does not count either way. */
    UNKNOWN
  }

  /** A source that knows nothing. */
  HealthSource UNKNOWN = vmId -> Health.UNKNOWN;

  /** The VM's health right after its install finished. */
  Health healthAfterUpdate(String vmId);
}
