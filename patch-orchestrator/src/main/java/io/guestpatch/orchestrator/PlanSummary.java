package io.guestpatch.orchestrator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numbers of a {@link Plan} (SPEC 4.4, 5 {@code plan}): per stage and region the eligible VMs,
 * the ineligible VMs left out, the batches and the largest batch; for the whole plan the eligible and
 * ineligible VM counts with the ineligible VMs counted by reason code (a VM with two reasons counts
 * under both). {@link #toString()} is a table a command-line tool can print; {@link PlanJson} writes
 * it as JSON.
 *
 * <pre>{@code
 * System.out.print(PlanSummary.of(plan));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class PlanSummary {
  /**
   * One region of a stage.
   *
   * @param region the region name
   * @param vms the eligible VMs planned
   * @param ineligibleVms the region's VMs left out as ineligible
   * @param batches the number of batches
   * @param largestBatch the size of the largest batch (0 without batches)
   */
  public record RegionSummary(String region, int vms, int ineligibleVms, int batches, int largestBatch) {}

  /**
   * One stage.
   *
   * @param index the stage index (0 is the canary)
   * @param vms the eligible VMs planned in the stage
   * @param ineligibleVms the stage's VMs left out as ineligible
   * @param batches the batches of all its regions
   * @param largestBatch the largest batch of any of its regions
   * @param regions its regions, in plan order
   */
  public record StageSummary(int index, int vms, int ineligibleVms, int batches, int largestBatch,
      List<RegionSummary> regions) {
    /** Copies the regions. */
    public StageSummary {
      regions = List.copyOf(regions);
    }
  }

  private final PatchCycle cycle;
  private final List<StageSummary> stages;
  private final int eligibleVms;
  private final int ineligibleVms;
  private final int batches;
  private final Map<String, Integer> ineligibleByReason;

  private PlanSummary(PatchCycle cycle, List<StageSummary> stages, int eligibleVms, int ineligibleVms,
      int batches, Map<String, Integer> ineligibleByReason) {
    this.cycle = cycle;
    this.stages = List.copyOf(stages);
    this.eligibleVms = eligibleVms;
    this.ineligibleVms = ineligibleVms;
    this.batches = batches;
    this.ineligibleByReason = Collections.unmodifiableMap(new LinkedHashMap<>(ineligibleByReason));
  }

  /** Summarizes a plan (one pass over its batches and one over the fleet index). */
  public static PlanSummary of(Plan plan) {
    List<StageSummary> stages = new ArrayList<>();
    int batches = 0;
    for (Stage stage : plan.stages()) {
      List<RegionSummary> regions = new ArrayList<>();
      int stageBatches = 0;
      int stageLargest = 0;
      int stageIneligible = 0;
      for (RegionPlan region : stage.regions()) {
        int largest = region.largestBatch();
        regions.add(new RegionSummary(region.region(), region.vms(), region.ineligibleVms(),
            region.batches().size(), largest));
        stageBatches += region.batches().size();
        stageLargest = Math.max(stageLargest, largest);
        stageIneligible += region.ineligibleVms();
      }
      stages.add(new StageSummary(stage.index(), stage.vms(), stageIneligible, stageBatches, stageLargest, regions));
      batches += stageBatches;
    }
    return new PlanSummary(plan.cycle(), stages, plan.eligibleVms(), plan.ineligibleVms(), batches,
        plan.ineligibleByReason());
  }

  /** The cycle planned. */
  public PatchCycle cycle() {
    return cycle;
  }

  /** The stages, canary first. */
  public List<StageSummary> stages() {
    return stages;
  }

  /** The eligible VMs planned. */
  public int eligibleVms() {
    return eligibleVms;
  }

  /** The VMs left out as ineligible (I8). */
  public int ineligibleVms() {
    return ineligibleVms;
  }

  /** The total number of batches. */
  public int batches() {
    return batches;
  }

  /** The ineligible VMs by reason code, codes in alphabetical order. */
  public Map<String, Integer> ineligibleByReason() {
    return ineligibleByReason;
  }

  /** A table: one line per stage and region, totals, then the ineligible VMs by reason. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Plan %s: release %s, deadline %s, seed %d%n", cycle.label(),
        cycle.release(), cycle.deadline(), cycle.seed()));
    int width = "region".length();
    for (StageSummary s : stages) {
      for (RegionSummary r : s.regions()) {
        width = Math.max(width, r.region().length());
      }
    }
    String row = "%-5s  %-" + width + "s  %10s  %10s  %8s  %8s%n";
    out.append(String.format(Locale.ROOT, row, "stage", "region", "vms", "ineligible", "batches", "largest"));
    for (StageSummary s : stages) {
      for (RegionSummary r : s.regions()) {
        out.append(String.format(Locale.ROOT, row, s.index(), r.region(), r.vms(), r.ineligibleVms(), r.batches(),
            r.largestBatch()));
      }
    }
    out.append(String.format(Locale.ROOT, row, "total", stages.size() + " stages", eligibleVms, ineligibleVms,
        batches, ""));
    if (!ineligibleByReason.isEmpty()) {
      out.append(String.format(Locale.ROOT, "Ineligible VMs by reason:%n"));
      ineligibleByReason.forEach((code, n) -> out.append(String.format(Locale.ROOT, "  %-40s %10d%n", code, n)));
    }
    return out.toString();
  }
}
