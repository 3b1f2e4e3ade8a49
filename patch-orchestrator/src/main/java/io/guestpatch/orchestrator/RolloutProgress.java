package io.guestpatch.orchestrator;

import java.time.Duration;
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

  RolloutProgress(Instant now, Plan plan, int eligible, int patched, int failed, int[] stageTarget,
      int[] stagePatched, long[] stageStart, long[] stageGate, String haltReason) {
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
    return eligible == 0 ? 1.0 : (double) patched / eligible;
  }

  /** Patched and planned VMs of a stage. */
  public int[] stage(int s) {
    return new int[] {stagePatched[s], stageTarget[s]};
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
   * The forecast instant of completion at the pace so far (patched VMs per elapsed time since the
   * release), or empty before the first VM is patched.
   */
  public Optional<Instant> forecast() {
    long elapsed = Duration.between(plan.cycle().release(), now).getSeconds();
    if (patched == 0 || elapsed <= 0) {
      return Optional.empty();
    }
    double perSecond = (double) patched / elapsed;
    return Optional.of(now.plusSeconds((long) ((eligible - patched) / perSecond)));
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
