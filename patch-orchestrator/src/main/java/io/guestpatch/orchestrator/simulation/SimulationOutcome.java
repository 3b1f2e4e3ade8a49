package io.guestpatch.orchestrator.simulation;

import io.guestpatch.orchestrator.Plan;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of a simulated cycle. Immutable. */
public final class SimulationOutcome {
  private final Plan plan;
  private final List<StageOutcome> stages;
  private final int eligible;
  private final int patched;
  private final int failed;
  private final String haltReason;
  private final Map<LocalDate, int[]> installsPerDay;
  private final Map<String, double[]> completionByRegion;
  private final long events;
  private final Duration simulatedTime;
  private final long installs;
  private final long assessments;

  SimulationOutcome(Plan plan, List<StageOutcome> stages, int eligible, int patched, int failed, String haltReason,
      Map<LocalDate, int[]> installsPerDay, Map<String, double[]> completionByRegion, long events,
      Duration simulatedTime, long installs, long assessments) {
    this.plan = plan;
    this.stages = List.copyOf(stages);
    this.eligible = eligible;
    this.patched = patched;
    this.failed = failed;
    this.haltReason = haltReason;
    this.installsPerDay = installsPerDay;
    this.completionByRegion = completionByRegion;
    this.events = events;
    this.simulatedTime = simulatedTime;
    this.installs = installs;
    this.assessments = assessments;
  }

  /** The plan run. */
  public Plan plan() {
    return plan;
  }

  /** Per stage. */
  public List<StageOutcome> stages() {
    return stages;
  }

  /** Eligible VMs planned. */
  public int eligibleVms() {
    return eligible;
  }

  /** VMs patched. */
  public int patchedVms() {
    return patched;
  }

  /** VMs failed after every retry. */
  public int failedVms() {
    return failed;
  }

  /** Patched share of eligible VMs. */
  public double completion() {
    return eligible == 0 ? 1.0 : (double) patched / eligible;
  }

  /** Whether the rollout halted. */
  public boolean halted() {
    return !haltReason.isEmpty();
  }

  /** Why it halted. */
  public Optional<String> haltReason() {
    return haltReason.isEmpty() ? Optional.empty() : Optional.of(haltReason);
  }

  /** Installs started per UTC day, per stage index. */
  public Map<LocalDate, int[]> installsPerDayByStage() {
    return installsPerDay;
  }

  /** Per region: {patched, eligible}. */
  public Map<String, double[]> completionByRegion() {
    return completionByRegion;
  }

  /** Scheduler events run. */
  public long events() {
    return events;
  }

  /** Virtual time simulated. */
  public Duration simulatedTime() {
    return simulatedTime;
  }

  /** Installs started (attempts, retries included). */
  public long installs() {
    return installs;
  }

  /** Assessments started. */
  public long assessments() {
    return assessments;
  }
}
