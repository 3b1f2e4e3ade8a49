package io.guestpatch.examples.starter;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesResult;
import io.guestpatch.orchestrator.FileRolloutStore;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.Plan;
import io.guestpatch.orchestrator.Planner;
import io.guestpatch.orchestrator.RealTimeScheduler;
import io.guestpatch.orchestrator.RolloutEngine;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.spi.PatchExecutor;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starter: embed the rollout engine in a service, on the real clock, with your own
 * {@link PatchExecutor} and a file-backed store so that a restart resumes where it stopped (B8).
 *
 * <p>The executor here only logs and succeeds; a real one would call Azure's assessPatches and
 * installPatches. The program runs the engine for a few seconds of wall-clock time and prints its
 * progress; installs start only inside each VM's off-peak window, so few or none may start in that
 * time. Run with {@code java -cp examples/target/guestpatch.jar
 * io.guestpatch.examples.starter.EmbedEngineExample [store-file]}.
 */
public final class EmbedEngineExample {
  private static final Logger LOG = LoggerFactory.getLogger(EmbedEngineExample.class);

  private EmbedEngineExample() {}

  /** An executor that logs each call and answers success at once. Thread-safe. */
  static final class LoggingExecutor implements PatchExecutor {
    @Override
    public CompletableFuture<VirtualMachineAssessPatchesResult> assess(String vmId) {
      LOG.info("assess {}", vmId);
      return CompletableFuture.completedFuture(VirtualMachineAssessPatchesResult.builder()
          .status(PatchOperationStatus.SUCCEEDED).criticalAndSecurityPatchCount(0).otherPatchCount(0).build());
    }

    @Override
    public CompletableFuture<VirtualMachineInstallPatchesResult> install(
        String vmId, VirtualMachineInstallPatchesParameters parameters) {
      LOG.info("install {} (maximumDuration {})", vmId, parameters.maximumDuration().orElse("-"));
      return CompletableFuture.completedFuture(VirtualMachineInstallPatchesResult.builder()
          .status(PatchOperationStatus.SUCCEEDED).installedPatchCount(1).failedPatchCount(0).build());
    }
  }

  /** Plans the current cycle for a small generated fleet and runs the engine for five seconds. */
  public static void main(String[] args) throws Exception {
    Path storeFile = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("guestpatch-rollout", ".log");
    List<VirtualMachine> fleet = FleetGenerator.of(FleetShape.ofDefaults(200), 7).toList();
    RolloutPolicy policy = RolloutPolicy.ofDefaults();
    Instant now = Instant.now();
    // The cycle whose window we are in: released at most 30 days ago; else the next one.
    PatchCycle cycle = PatchCycle.nextAfter(now.minus(PatchCycle.DEFAULT_LENGTH));
    Plan plan = Planner.create(policy).plan(FleetIndex.of(fleet, policy), cycle);

    try (RealTimeScheduler scheduler = new RealTimeScheduler(Clock.systemUTC());
        FileRolloutStore store = FileRolloutStore.open(storeFile)) {
      RolloutEngine engine = RolloutEngine.builder(plan)
          .policy(policy)
          .scheduler(scheduler)
          .executor(new LoggingExecutor())
          .store(store)
          .build();
      scheduler.execute(engine::start);
      Thread.sleep(5_000);
      CompletableFuture<String> progress = new CompletableFuture<>();
      scheduler.execute(() -> progress.complete(String.format("cycle %s: %d of %d VMs patched, %d installs started",
          cycle.label(), engine.progress().patchedVms(), engine.progress().eligibleVms(), engine.installsStarted())));
      System.out.println(progress.get());
      System.out.println("state kept in " + storeFile + "; run again with it to resume");
    }
  }
}
