package io.guestpatch.orchestrator.simulation;

import java.time.Instant;

/** Progress of a running simulation, reported every few virtual hours. Immutable. */
public final class SimulationProgress {
  private final double fraction;
  private final Instant now;
  private final int patched;
  private final int eligible;

  SimulationProgress(double fraction, Instant now, int patched, int eligible) {
    this.fraction = fraction;
    this.now = now;
    this.patched = patched;
    this.eligible = eligible;
  }

  /** The share of the cycle's time simulated, 0..1. */
  public double fraction() {
    return fraction;
  }

  /** The virtual instant. */
  public Instant now() {
    return now;
  }

  /** VMs patched so far. */
  public int patched() {
    return patched;
  }

  /** Eligible VMs planned. */
  public int eligible() {
    return eligible;
  }
}
