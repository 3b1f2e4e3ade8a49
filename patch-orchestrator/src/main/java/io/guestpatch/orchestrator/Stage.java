package io.guestpatch.orchestrator;

import java.util.ArrayList;
import java.util.List;

/**
 * One stage of a plan: regions that run at the same time, never two paired regions (I1). Immutable
 * and thread-safe.
 */
public final class Stage {
  private final int index;
  private final List<RegionPlan> regions;

  Stage(int index, List<RegionPlan> regions) {
    this.index = index;
    this.regions = List.copyOf(regions);
  }

  /** The 0-based stage index; stage 0 is the canary. */
  public int index() {
    return index;
  }

  /** The regions of the stage with their batches. */
  public List<RegionPlan> regions() {
    return regions;
  }

  /** The region names. */
  public List<String> regionNames() {
    List<String> out = new ArrayList<>();
    regions.forEach(r -> out.add(r.region()));
    return out;
  }

  /** The eligible VMs planned in this stage. */
  public int vms() {
    int n = 0;
    for (RegionPlan r : regions) {
      n += r.vms();
    }
    return n;
  }
}
