package io.guestpatch.orchestrator;

import java.util.List;
import java.util.Optional;

/**
 * One batch of a region's plan: VMs that may be in flight together. Whatever order batches run in,
 * one batch at a time per region keeps I3-I5: its zonal VMs share one zone, it holds at most one update
 * domain's slice of each availability set (at most 20%, or one VM of a set under 10 VMs) and at most
 * 20% of each subscription's non-set VMs in the region. Immutable and thread-safe.
 */
public final class Batch {
  /** Why a batch is shaped as it is. */
  public enum Constraint {
    /** Its zonal VMs are in one availability zone (I3). */
    ZONE,
    /** It holds one update domain of an availability set, at most the set's share (I4). */
    UPDATE_DOMAIN,
    /** It holds one VM of an availability set smaller than the small-set size (I4). */
    SMALL_SET,
    /** It holds at most the subscription's share of its non-set VMs in the region (I5). */
    SUBSCRIPTION_SHARE
  }

  private final int index;
  private final int[] vms;
  private final int zone;
  private final String zoneName;
  private final List<Constraint> constraints;

  Batch(int index, int[] vms, int zone, String zoneName, List<Constraint> constraints) {
    this.index = index;
    this.vms = vms;
    this.zone = zone;
    this.zoneName = zoneName;
    this.constraints = List.copyOf(constraints);
  }

  /** The 0-based position of the batch in its region. */
  public int index() {
    return index;
  }

  /** The number of VMs. */
  public int size() {
    return vms.length;
  }

  /** The VM at a position (a {@link FleetIndex} number). */
  public int vm(int i) {
    return vms[i];
  }

  /** A copy of the VM numbers. */
  public int[] vms() {
    return vms.clone();
  }

  /** The zone its zonal VMs share, when it has zonal VMs. */
  public Optional<String> zone() {
    return zone < 0 ? Optional.empty() : Optional.of(zoneName);
  }

  /** The constraints that shaped it. */
  public List<Constraint> constraints() {
    return constraints;
  }
}
