package io.guestpatch.examples.starter;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.Planner;
import io.guestpatch.orchestrator.RegionPlan;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.Stage;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import java.util.List;

/**
 * Starter: plan a monthly cycle for a fleet. The fleet here is generated (seeded, so the output is the
 * same every run); in production, read it with {@code FleetIndex.read(path, policy, errors::add)}.
 *
 * <p>Run with {@code java -cp examples/target/guestpatch.jar io.guestpatch.examples.starter.PlanFleetExample}.
 */
public final class PlanFleetExample {
  private PlanFleetExample() {}

  /** Generates 5,000 VMs, plans the December 2026 cycle and prints the stages. */
  public static void main(String[] args) {
    List<VirtualMachine> fleet = FleetGenerator.of(FleetShape.ofDefaults(5_000), 42).toList();
    RolloutPolicy policy = RolloutPolicy.ofDefaults();
    FleetIndex index = FleetIndex.of(fleet, policy);
    Plan plan = Planner.create(policy).plan(index, PatchCycle.parse("2026-12"));

    System.out.printf("%d eligible, %d ineligible, %d batches%n",
        plan.eligibleVms(), plan.ineligibleVms(), plan.batchCount());
    for (Stage stage : plan.stages()) {
      System.out.printf("stage %d: %d VMs%n", stage.index(), stage.vms());
      for (RegionPlan region : stage.regions()) {
        System.out.printf("  %-20s %5d VMs in %3d batches (largest %d)%n",
            region.region(), region.vms(), region.batches().size(), region.largestBatch());
      }
    }
  }
}
