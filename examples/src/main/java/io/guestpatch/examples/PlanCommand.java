package io.guestpatch.examples;

import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.PlanJson;
import io.guestpatch.orchestrator.PlanSummary;
import io.guestpatch.orchestrator.Planner;
import io.guestpatch.orchestrator.RolloutPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code guestpatch plan}: plans a monthly cycle over a fleet file (stages of regions, batches per
 * region) and prints its summary; {@code --out} writes the whole plan as JSON. Not thread-safe (one
 * instance per run).
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = GuestPatchCli.Version.class,
    description = {
      "Plan a patch cycle over a fleet: stages of regions (paired regions apart), and per region the",
      "batches that keep zones, update domains and subscription shares safe. Prints a summary table."
    })
final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--fleet", required = true, paramLabel = "FILE",
      description = "The fleet (ARM JSON or fleet JSON Lines).")
  Path fleet;

  @Option(names = "--cycle", paramLabel = "YYYY-MM",
      description = "The cycle's month. Default: the next monthly release after now.")
  String cycle;

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the batch shuffle. Default: derived from the cycle's month.")
  Long seed;

  @Option(names = "--stages", paramLabel = "STAGES",
      description = "Stages to use instead of generated ones: regions joined by ',', stages by ';', "
          + "e.g. \"eastus,westeurope;northeurope\". Every region of the fleet must appear once.")
  String stages;

  @Option(names = "--out", paramLabel = "PLAN.json",
      description = "Write the plan as JSON here: cycle, stages[].index, stages[].regions[] with region, vms and "
          + "batches[] (index, zone, constraints, vms), and summary.")
  Path out;

  @Option(names = "--skip-invalid",
      description = "Go on with the good records when the fleet has bad ones (they are still listed on stderr).")
  boolean skipInvalid;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PatchCycle c = CliSupport.cycle(cycle, seed, spec.commandLine());
    RolloutPolicy.Builder pb = RolloutPolicy.builder();
    if (stages != null) {
      pb.stages(CliSupport.stages(stages, spec.commandLine()));
    }
    RolloutPolicy policy = pb.build();
    if (out != null) {
      CliSupport.prepareOutput(out, "plan");
    }
    FleetIndex index = CliSupport.readIndex(fleet, policy, skipInvalid, err);
    Plan plan;
    try {
      plan = Planner.create(policy).plan(index, c);
    } catch (IllegalArgumentException e) {
      throw new CliException("cannot plan: " + e.getMessage(), e);
    }
    printSummary(stdout, plan);
    if (out != null) {
      writePlan(plan, out);
      stdout.println("plan written to " + out);
    }
    return GuestPatchCli.OK;
  }

  /**
   * Prints the fleet's totals, then {@link PlanSummary}'s table: one line per stage and region, and
   * the ineligible VMs by reason.
   */
  static void printSummary(PrintWriter out, Plan plan) {
    out.printf("fleet: %,d VMs, %,d eligible, %,d ineligible; %d regions, %,d batches%n",
        plan.index().size(), plan.eligibleVms(), plan.ineligibleVms(), plan.index().regionCount(),
        plan.batchCount());
    out.print(PlanSummary.of(plan));
    out.flush();
  }

  /** Writes the plan as {@link PlanJson} does, streaming: a million-VM plan needs no document tree. */
  static void writePlan(Plan plan, Path file) {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      PlanJson.write(plan, w);
    } catch (IOException e) {
      throw new CliException("cannot write plan " + file + ": " + CliSupport.describe(e), e);
    }
  }
}
