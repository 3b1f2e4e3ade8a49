package io.guestpatch.benchmarks;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.Planner;
import io.guestpatch.orchestrator.RolloutPolicy;
import java.util.List;

/**
 * Measures the heap retained by a {@link FleetIndex} and its {@link Plan} per VM (SPEC 6: under 100
 * bytes of planner state per VM): used heap after full GCs, before and after planning, while the VM
 * list stays reachable so that only planner state is counted. Prints one line per size.
 *
 * <pre>
 * java -Xmx4g -cp patch-benchmarks/target/benchmarks.jar io.guestpatch.benchmarks.PlannerHeap [vms...]
 * </pre>
 *
 * <p>Not thread-safe; a tool, not a library type.
 */
public final class PlannerHeap {
  private PlannerHeap() {}

  /** Runs the measurement for each size given (default 1,000,000). */
  public static void main(String[] args) {
    int[] sizes = args.length == 0 ? new int[] {1_000_000} : new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    for (int size : sizes) {
      List<VirtualMachine> fleet = Fleets.of(size);
      RolloutPolicy policy = RolloutPolicy.ofDefaults();
      Planner planner = Planner.create(policy);
      PatchCycle cycle = PatchCycle.parse("2026-12");
      // Warm up class loading and the policies so that their one-time state is not counted.
      planner.plan(FleetIndex.of(fleet.subList(0, Math.min(1000, size)), policy), cycle);
      long before = usedAfterGc();
      FleetIndex index = FleetIndex.of(fleet, policy);
      Plan plan = planner.plan(index, cycle);
      long after = usedAfterGc();
      double perVm = (after - before) / (double) size;
      System.out.printf("vms=%d batches=%d retained=%d bytes (%.1f bytes/VM; index + plan)%n",
          size, plan.batchCount(), after - before, perVm);
      if (fleet.size() != index.size()) {
        throw new AssertionError("fleet and index sizes differ");
      }
    }
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
