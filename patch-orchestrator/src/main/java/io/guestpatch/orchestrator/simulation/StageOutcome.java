package io.guestpatch.orchestrator.simulation;

import java.util.List;

/** What one stage did in a simulated cycle. Immutable. */
public final class StageOutcome {
  private final int index;
  private final List<String> regions;
  private final int vms;
  private final int patched;
  private final int failed;
  private final double daysUsed;
  private final boolean gatePassed;

  StageOutcome(int index, List<String> regions, int vms, int patched, int failed, double daysUsed, boolean gatePassed) {
    this.index = index;
    this.regions = List.copyOf(regions);
    this.vms = vms;
    this.patched = patched;
    this.failed = failed;
    this.daysUsed = daysUsed;
    this.gatePassed = gatePassed;
  }

  /** The stage index. */
  public int index() {
    return index;
  }

  /** Its regions. */
  public List<String> regions() {
    return regions;
  }

  /** Eligible VMs planned. */
  public int vms() {
    return vms;
  }

  /** VMs patched. */
  public int patched() {
    return patched;
  }

  /** VMs failed after every retry. */
  public int failed() {
    return failed;
  }

  /** Days from the stage's start to its gate (or to the end of the run). */
  public double daysUsed() {
    return daysUsed;
  }

  /** Whether its gate passed. */
  public boolean gatePassed() {
    return gatePassed;
  }
}
