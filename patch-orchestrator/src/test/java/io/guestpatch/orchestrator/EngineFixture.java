package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.InstanceViewStatus;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.StatusLevelTypes;
import io.guestpatch.model.VMGuestPatchRebootStatus;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesResult;
import io.guestpatch.model.VirtualMachinePatchStatus;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PatchExecutor;
import io.guestpatch.orchestrator.spi.PowerStateSource;
import io.guestpatch.orchestrator.spi.RolloutStore;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A small fleet, its plan, a virtual clock, a scripted executor and an engine over them (test helper). */
final class EngineFixture {
  static final RolloutPolicy POLICY = RolloutPolicy.ofDefaults();
  static final PatchCycle CYCLE = PatchCycle.parse("2026-12");

  final List<VirtualMachine> fleet;
  final FleetIndex index;
  final Plan plan;
  VirtualScheduler scheduler;
  ScriptedExecutor executor;
  RolloutEngine engine;
  /** Listeners added to every engine built after they are added. */
  final List<io.guestpatch.orchestrator.event.RolloutListener> listeners = new ArrayList<>();
  private StringWriter traceText;
  private TraceWriter trace;

  EngineFixture(int vms, long seed) {
    this(FleetGenerator.of(FleetShape.ofDefaults(vms), seed).toList());
  }

  EngineFixture(List<VirtualMachine> fleet) {
    this.fleet = fleet;
    this.index = FleetIndex.of(fleet, POLICY);
    this.plan = Planner.create(POLICY).plan(index, CYCLE);
  }

  /** The same fleet with VM {@code vm}'s patch mode set to Pending (B3), as a new fixture; VM indices are kept. */
  EngineFixture withPendingVm(int vm) {
    List<VirtualMachine> copy = new ArrayList<>(fleet);
    copy.set(vm, VirtualMachine.builder().from(copy.get(vm))
        .patchStatus(configuration(FleetIndex.PATCH_MODE_PENDING)).build());
    return new EngineFixture(copy);
  }

  /** An instance-view patchStatus holding one configuration status with this code. */
  static VirtualMachinePatchStatus configuration(String code) {
    return VirtualMachinePatchStatus.builder()
        .addConfigurationStatuses(InstanceViewStatus.builder().code(code).level(StatusLevelTypes.INFO).build())
        .build();
  }

  /** A fresh engine (and clock at {@code clockStart}) with this executor, power and store. */
  RolloutEngine build(Instant clockStart, ScriptedExecutor ex, PowerStateSource power, HealthSource health,
      RolloutStore store) {
    scheduler = new VirtualScheduler(clockStart);
    executor = ex;
    ex.scheduler = scheduler;
    traceText = new StringWriter();
    try {
      trace = TraceWriter.create(traceText);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RolloutEngine.Builder b = RolloutEngine.builder(plan).policy(POLICY).scheduler(scheduler).executor(ex)
        .power(power).health(health).store(store).trace(trace);
    listeners.forEach(b::listener);
    engine = b.build();
    return engine;
  }

  /** A fresh engine on this store, with every VM running and health unknown. */
  RolloutEngine build(Instant clockStart, ScriptedExecutor ex, RolloutStore store) {
    return build(clockStart, ex, PowerStateSource.ALWAYS_RUNNING, HealthSource.UNKNOWN, store);
  }

  /** A fresh engine from the release, on a new in-memory store, with this power and health. */
  RolloutEngine build(ScriptedExecutor ex, PowerStateSource power, HealthSource health) {
    return build(CYCLE.release(), ex, power, health, new InMemoryRolloutStore());
  }

  RolloutEngine build(ScriptedExecutor ex) {
    return build(CYCLE.release(), ex, new InMemoryRolloutStore());
  }

  void runUntil(Instant t) {
    scheduler.runUntil(t);
  }

  /**
   * Runs the clock on from now, {@code step} at a time, until {@code done} holds; returns the instant
   * reached. Fails, rather than running on for ever, if the deadline passes first.
   */
  Instant stepUntil(Duration step, java.util.function.BooleanSupplier done) {
    Instant t = scheduler.now();
    while (!done.getAsBoolean()) {
      if (!t.isBefore(CYCLE.deadline())) {
        throw new AssertionError("still waiting at " + t + ", the cycle's deadline has passed");
      }
      t = t.plus(step);
      runUntil(t);
    }
    return t;
  }

  void runToDeadline() {
    scheduler.runUntil(CYCLE.deadline());
  }

  String traceText() {
    try {
      trace.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return traceText.toString();
  }

  List<TraceRecord> rows() {
    try {
      return TraceReader.read(new StringReader(traceText()), "trace");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<TraceRecord> installRows(String vmId) {
    List<TraceRecord> out = new ArrayList<>();
    for (TraceRecord r : rows()) {
      if (r.vmId().equals(vmId) && r.operation() == TraceRecord.Operation.INSTALL) {
        out.add(r);
      }
    }
    return out;
  }

  AuditReport audit() {
    return OffPeakChecks.auditor(POLICY, fleet).audit(rows(), fleet);
  }

  /** Eligible VMs that the fleet says are running. */
  List<Integer> eligibleRunning() {
    List<Integer> out = new ArrayList<>();
    for (int vm = 0; vm < index.size(); vm++) {
      if (index.isEligible(vm) && index.isRunning(vm)) {
        out.add(vm);
      }
    }
    return out;
  }

  /** Ineligible VMs, in index order. */
  List<Integer> ineligible() {
    List<Integer> out = new ArrayList<>();
    for (int vm = 0; vm < index.size(); vm++) {
      if (!index.isEligible(vm)) {
        out.add(vm);
      }
    }
    return out;
  }

  /** Asserts that every eligible running VM ended SUCCEEDED, naming the VM and its explanation otherwise. */
  void assertEveryEligibleRunningVmSucceeded(RolloutEngine engine) {
    for (int vm : eligibleRunning()) {
      assertThat(engine.state(vm)).as("%s: %s", index.vmId(vm), engine.explain(vm))
          .isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    }
  }

  int firstEligibleInStage(int stage) {
    for (int vm : eligibleRunning()) {
      if (plan.stageOfVm(vm) == stage) {
        return vm;
      }
    }
    throw new AssertionError("no eligible running VM in stage " + stage);
  }

  static final VirtualMachineInstallPatchesResult SUCCESS = VirtualMachineInstallPatchesResult.builder()
      .status(PatchOperationStatus.SUCCEEDED).rebootStatus(VMGuestPatchRebootStatus.COMPLETED)
      .maintenanceWindowExceeded(false).installedPatchCount(4).failedPatchCount(0).pendingPatchCount(0)
      .excludedPatchCount(0).notSelectedPatchCount(0).build();
  static final VirtualMachineInstallPatchesResult FAILURE = VirtualMachineInstallPatchesResult.builder()
      .status(PatchOperationStatus.FAILED).rebootStatus(VMGuestPatchRebootStatus.NOT_NEEDED)
      .maintenanceWindowExceeded(false).installedPatchCount(0).failedPatchCount(1).pendingPatchCount(3)
      .excludedPatchCount(0).notSelectedPatchCount(0).build();

  /** One install call the executor saw. */
  record Call(String vmId, Instant at) {}

  /**
   * Completes each install after {@code minutes} of virtual time; VMs in {@code hangFirst} never answer
   * their first attempt; VMs in {@code fail} always fail. Logs every call; shared state survives a
   * "restart" (a new engine may reuse the same executor object).
   */
  static final class ScriptedExecutor implements PatchExecutor {
    VirtualScheduler scheduler;
    final long minutes;
    final Set<String> hangFirst = new HashSet<>();
    final Set<String> fail = new HashSet<>();
    final List<Call> calls = new ArrayList<>();
    final Map<String, Integer> callsPerVm = new HashMap<>();
    /** VMs whose install answered success, with the instant. */
    final Map<String, Instant> succeededAt = new HashMap<>();
    int inFlight;
    /** The start of each VM's latest install call (what the VM itself remembers across an engine kill). */
    final Map<String, Instant> lastStart = new HashMap<>();
    /** When set, lastInstallation answers this instead of the truth. */
    java.util.function.Function<String, java.util.Optional<io.guestpatch.model.LastPatchInstallationSummary>>
        lastInstallationOverride;
    int lastInstallationQueries;
    /** How long each enable call of a VM takes (by call number from 1); null: answers true at once. */
    java.util.function.BiFunction<String, Integer, Duration> enableDuration;
    final List<Call> enableCalls = new ArrayList<>();
    /** The parameters of every install call, in call order (parallel to {@link #calls}). */
    final List<VirtualMachineInstallPatchesParameters> parameters = new ArrayList<>();

    @Override
    public CompletableFuture<Boolean> enable(String vmId) {
      enableCalls.add(new Call(vmId, scheduler.now()));
      if (enableDuration == null) {
        return CompletableFuture.completedFuture(Boolean.TRUE);
      }
      int n = (int) enableCalls.stream().filter(c -> c.vmId().equals(vmId)).count();
      CompletableFuture<Boolean> f = new CompletableFuture<>();
      scheduler.schedule(scheduler.now().plus(enableDuration.apply(vmId, n)), () -> f.complete(Boolean.TRUE));
      return f;
    }

    ScriptedExecutor(long minutes) {
      this.minutes = minutes;
    }

    @Override
    public CompletableFuture<VirtualMachineAssessPatchesResult> assess(String vmId) {
      return CompletableFuture.completedFuture(VirtualMachineAssessPatchesResult.builder()
          .status(PatchOperationStatus.SUCCEEDED).criticalAndSecurityPatchCount(4).otherPatchCount(0)
          .rebootPending(false).build());
    }

    @Override
    public CompletableFuture<VirtualMachineInstallPatchesResult> install(
        String vmId, VirtualMachineInstallPatchesParameters parameters) {
      calls.add(new Call(vmId, scheduler.now()));
      this.parameters.add(parameters);
      lastStart.put(vmId, scheduler.now());
      int attempt = callsPerVm.merge(vmId, 1, Integer::sum);
      CompletableFuture<VirtualMachineInstallPatchesResult> f = new CompletableFuture<>();
      if (attempt == 1 && hangFirst.contains(vmId)) {
        return f;
      }
      inFlight++;
      VirtualScheduler clock = scheduler;
      clock.schedule(clock.now().plus(Duration.ofMinutes(minutes)), () -> {
        inFlight--;
        boolean ok = !fail.contains(vmId);
        if (ok) {
          succeededAt.putIfAbsent(vmId, clock.now());
        }
        f.complete(ok ? SUCCESS : FAILURE);
      });
      return f;
    }

    /**
     * The truth of the VM's latest install, as its instance view would show it, on whatever clock the
     * executor now runs: an install keeps running on the VM when the engine that started it dies (B8).
     */
    @Override
    public CompletableFuture<java.util.Optional<io.guestpatch.model.LastPatchInstallationSummary>> lastInstallation(
        String vmId) {
      lastInstallationQueries++;
      if (lastInstallationOverride != null) {
        return CompletableFuture.completedFuture(lastInstallationOverride.apply(vmId));
      }
      Instant start = lastStart.get(vmId);
      if (start == null || (callsOf(vmId) == 1 && hangFirst.contains(vmId))) {
        return CompletableFuture.completedFuture(java.util.Optional.empty());
      }
      Instant end = start.plus(Duration.ofMinutes(minutes));
      boolean done = !scheduler.now().isBefore(end);
      boolean ok = !fail.contains(vmId);
      if (done && ok) {
        succeededAt.putIfAbsent(vmId, end);
      }
      return CompletableFuture.completedFuture(java.util.Optional.of(
          io.guestpatch.model.LastPatchInstallationSummary.builder()
              .status(!done ? PatchOperationStatus.IN_PROGRESS : ok ? PatchOperationStatus.SUCCEEDED
                  : PatchOperationStatus.FAILED)
              .startTime(io.guestpatch.model.AzureDateTime.of(start))
              .lastModifiedTime(io.guestpatch.model.AzureDateTime.of(done ? end : scheduler.now()))
              .maintenanceWindowExceeded(false)
              .build()));
    }

    int callsOf(String vmId) {
      return callsPerVm.getOrDefault(vmId, 0);
    }
  }
}
