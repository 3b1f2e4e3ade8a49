package io.guestpatch.orchestrator;

import java.util.List;

/** The batches of one region in a stage, in run order. Immutable and thread-safe. */
public final class RegionPlan {
  private final String region;
  private final int regionId;
  private final int stage;
  private final List<Batch> batches;
  private final int vms;
  private final int ineligible;

  RegionPlan(String region, int regionId, int stage, List<Batch> batches, int ineligible) {
    this.region = region;
    this.regionId = regionId;
    this.stage = stage;
    this.batches = List.copyOf(batches);
    int n = 0;
    for (Batch b : batches) {
      n += b.size();
    }
    this.vms = n;
    this.ineligible = ineligible;
  }

  /** The region name. */
  public String region() {
    return region;
  }

  /** The interned region number in the {@link FleetIndex}. */
  public int regionId() {
    return regionId;
  }

  /** The stage index. */
  public int stage() {
    return stage;
  }

  /** The batches, in run order. */
  public List<Batch> batches() {
    return batches;
  }

  /** The eligible VMs planned. */
  public int vms() {
    return vms;
  }

  /** The region's VMs left out as ineligible. */
  public int ineligibleVms() {
    return ineligible;
  }

  /** The size of the largest batch. */
  public int largestBatch() {
    int max = 0;
    for (Batch b : batches) {
      max = Math.max(max, b.size());
    }
    return max;
  }
}
