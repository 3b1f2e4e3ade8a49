package io.guestpatch.orchestrator;

import java.time.Instant;
import java.util.Optional;

/** A snapshot of a rollout's progress (B7), with a deadline forecast. Immutable. */
public final class RolloutProgress {
  private final Instant now;
  private final Plan plan;
  private final int eligible;
  private final int patched;
  private final int failed;
  private final int[] stageTarget;
  private final int[] stagePatched;
  private final long[] stageStart;
  private final long[] stageGate;
  private final String haltReason;
  private final java.util.Map<String, int[]> regions;
  private final int[] stageFailed;

  RolloutProgress(Instant now, Plan plan, int eligible, int patched, int failed, int[] stageTarget,
      int[] stagePatched, int[] stageFailed, long[] stageStart, long[] stageGate, String haltReason,
      java.util.Map<String, int[]> regions) {
    this.stageFailed = stageFailed;
    this.regions = java.util.Collections.unmodifiableMap(regions);
    this.now = now;
    this.plan = plan;
    this.eligible = eligible;
    this.patched = patched;
    this.failed = failed;
    this.stageTarget = stageTarget;
    this.stagePatched = stagePatched;
    this.stageStart = stageStart;
    this.stageGate = stageGate;
    this.haltReason = haltReason;
  }

  /** The instant of the snapshot. */
  public Instant now() {
    return now;
  }

  /** Eligible VMs planned. */
  public int eligibleVms() {
    return eligible;
  }

  /** VMs patched so far. */
  public int patchedVms() {
    return patched;
  }

  /** VMs failed after every retry. */
  public int failedVms() {
    return failed;
  }

  /** Patched share of eligible VMs, 0..1. */
  public double completion() {
    return share(patched, eligible);
  }

  /** Patched and planned VMs of a stage. */
  public int[] stage(int s) {
    return new int[] {stagePatched[s], stageTarget[s]};
  }

  /** Per region, in stage order: {patched, planned} eligible VMs. */
  public java.util.Map<String, int[]> regions() {
    return regions;
  }

  /** Patched share of a region's planned VMs, 0..1; 1 for a region with none; empty for an unknown region. */
  public java.util.OptionalDouble regionCompletion(String region) {
    int[] r = regions.get(region);
    if (r == null) {
      return java.util.OptionalDouble.empty();
    }
    return java.util.OptionalDouble.of(share(r[0], r[1]));
  }

  /** Patched share of a stage's planned VMs, 0..1. */
  public double stageCompletion(int s) {
    return share(stagePatched[s], stageTarget[s]);
  }

  /** Patched share of planned VMs, 0..1; 1 when none are planned. */
  private static double share(int patched, int planned) {
    return planned == 0 ? 1.0 : (double) patched / planned;
  }

  /** VMs of a stage failed after every retry. */
  public int stageFailed(int s) {
    return stageFailed[s];
  }

  /** Whether the stage's gate passed. */
  public boolean stageDone(int s) {
    return stageGate[s] >= 0;
  }

  /** Why the rollout halted, when it did. */
  public Optional<String> haltReason() {
    return haltReason.isEmpty() ? Optional.empty() : Optional.of(haltReason);
  }

  /**
   * The forecast instant at which the last stage's gate passes: stages run one after another and, as
   * they grow, spread over more regions in parallel, so each remaining stage is expected to take as long
   * as the finished stages took on average (the current stage less the time it has already run). Empty
   * until a stage has finished.
   */
  public Optional<Instant> forecast() {
    long total = 0;
    int done = 0;
    for (int s = 0; s < stageGate.length; s++) {
      if (stageGate[s] >= 0 && stageStart[s] >= 0) {
        total += stageGate[s] - stageStart[s];
        done++;
      }
    }
    if (done == 0) {
      return Optional.empty();
    }
    double perStage = (double) total / done;
    double remaining = 0;
    long nowSeconds = now.getEpochSecond();
    for (int s = 0; s < stageGate.length; s++) {
      if (stageGate[s] >= 0) {
        continue;
      }
      double ran = stageStart[s] >= 0 ? nowSeconds - stageStart[s] : 0;
      remaining += Math.max(0, perStage - ran);
    }
    return Optional.of(now.plusSeconds((long) remaining));
  }

  /** Whether the forecast falls after the cycle's deadline. */
  public boolean deadlineAtRisk() {
    return forecast().map(f -> f.isAfter(plan.cycle().deadline())).orElse(false);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s: %d of %d patched (%.1f%%), %d failed%s", now, patched,
        eligible, 100 * completion(), failed, haltReason.isEmpty() ? "" : ", halted: " + haltReason);
  }
}
