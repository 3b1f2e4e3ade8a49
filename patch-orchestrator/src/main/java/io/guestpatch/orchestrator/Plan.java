package io.guestpatch.orchestrator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cycle's plan: stages of regions, and per region its batches of VMs with the constraints that shaped
 * them. Deterministic for (fleet, policy, cycle seed). Immutable and thread-safe.
 */
public final class Plan {
  private final PatchCycle cycle;
  private final FleetIndex index;
  private final List<Stage> stages;
  private final int[] stageOfRegion;

  Plan(PatchCycle cycle, FleetIndex index, List<Stage> stages) {
    this.cycle = cycle;
    this.index = index;
    this.stages = List.copyOf(stages);
    this.stageOfRegion = new int[index.regionCount()];
    Arrays.fill(stageOfRegion, -1);
    for (Stage s : stages) {
      for (RegionPlan r : s.regions()) {
        stageOfRegion[r.regionId()] = s.index();
      }
    }
  }

  /** The cycle planned. */
  public PatchCycle cycle() {
    return cycle;
  }

  /** The fleet index the plan's VM numbers refer to. */
  public FleetIndex index() {
    return index;
  }

  /** The stages, canary first. */
  public List<Stage> stages() {
    return stages;
  }

  /** The stage of a region number, or -1 when the region is in no stage. */
  public int stageOfRegion(int regionId) {
    return stageOfRegion[regionId];
  }

  /** The stage of a VM. */
  public int stageOfVm(int vm) {
    return stageOfRegion[index.regionOf(vm)];
  }

  /** The number of eligible VMs planned. */
  public int eligibleVms() {
    int n = 0;
    for (Stage s : stages) {
      n += s.vms();
    }
    return n;
  }

  /** The number of VMs left out as ineligible. */
  public int ineligibleVms() {
    int n = 0;
    for (int i = 0; i < index.size(); i++) {
      if (!index.isEligible(i)) {
        n++;
      }
    }
    return n;
  }

  /** Ineligible VMs counted by reason code (a VM with two reasons counts under both). */
  public Map<String, Integer> ineligibleByReason() {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < index.size(); i++) {
      if (!index.isEligible(i)) {
        for (String r : index.ineligibleReasons(i)) {
          counts.merge(r, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The total number of batches. */
  public int batchCount() {
    int n = 0;
    for (Stage s : stages) {
      for (RegionPlan r : s.regions()) {
        n += r.batches().size();
      }
    }
    return n;
  }
}
