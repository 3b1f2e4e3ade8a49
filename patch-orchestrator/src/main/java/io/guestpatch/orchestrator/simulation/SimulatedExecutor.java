package io.guestpatch.orchestrator.simulation;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.LastPatchInstallationSummary;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VMGuestPatchRebootStatus;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesResult;
import io.guestpatch.orchestrator.FleetIndex;
import io.guestpatch.orchestrator.Scheduler;
import io.guestpatch.orchestrator.internal.IndexedExecutor;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PatchExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link PatchExecutor} in virtual time: installs take a seeded share (50-90%) of their expected time,
 * and fail, overrun, hang or leave the VM unhealthy at the configured rates; every install in the bad
 * region fails. Assessments answer at once. Deterministic for (fleet, faults, seed). Also the
 * simulation's {@link HealthSource}. Not thread-safe: use it on the scheduler's thread.
 */
public final class SimulatedExecutor implements PatchExecutor, HealthSource, IndexedExecutor {
  private static final VirtualMachineInstallPatchesResult SUCCESS = VirtualMachineInstallPatchesResult.builder()
      .status(PatchOperationStatus.SUCCEEDED).rebootStatus(VMGuestPatchRebootStatus.COMPLETED)
      .maintenanceWindowExceeded(false).installedPatchCount(4).failedPatchCount(0).pendingPatchCount(0)
      .excludedPatchCount(0).notSelectedPatchCount(0).build();
  private static final VirtualMachineInstallPatchesResult FAILURE = VirtualMachineInstallPatchesResult.builder()
      .status(PatchOperationStatus.FAILED).rebootStatus(VMGuestPatchRebootStatus.NOT_NEEDED)
      .maintenanceWindowExceeded(false).installedPatchCount(0).failedPatchCount(1).pendingPatchCount(3)
      .excludedPatchCount(0).notSelectedPatchCount(0).build();
  private static final CompletableFuture<VirtualMachineAssessPatchesResult> ASSESSED =
      CompletableFuture.completedFuture(VirtualMachineAssessPatchesResult.builder()
          .status(PatchOperationStatus.SUCCEEDED).criticalAndSecurityPatchCount(4).otherPatchCount(6)
          .rebootPending(false).build());

  private final FleetIndex index;
  /** Id to VM number, built on first use: the engine calls by number (IndexedExecutor). */
  private Map<String, Integer> ids;
  private final SimulatedFaults faults;
  private final long seed;
  private final Scheduler scheduler;
  private final int badRegion;
  private final int[] attempts;
  private final boolean[] unhealthy;
  private final long[] lastStart;
  private final byte[] enableAttempts;

  /** A simulated executor over the fleet, answering on the scheduler. */
  public SimulatedExecutor(FleetIndex index, SimulatedFaults faults, long seed, Scheduler scheduler) {
    this.index = index;
    this.faults = faults;
    this.seed = seed;
    this.scheduler = scheduler;
    int bad = -1;
    if (faults.badRegion().isPresent()) {
      bad = index.regionNames().indexOf(faults.badRegion().get().toLowerCase(java.util.Locale.ROOT));
    }
    this.badRegion = bad;
    this.attempts = new int[index.size()];
    this.unhealthy = new boolean[index.size()];
    this.lastStart = new long[index.size()];
    this.enableAttempts = new byte[index.size()];
  }

  /** Patches (Critical and Security) a VM needs this cycle: 1..8, seeded. */
  public int patchesOf(int vm) {
    return 1 + (int) (unit(vm, 0x5EED) * 8);
  }

  /** The expected install time of a VM: patches x per-patch time + reboot reserve (W4). */
  public long expectedSeconds(int vm, Duration perPatch, Duration reboot) {
    return patchesOf(vm) * perPatch.getSeconds() + reboot.getSeconds();
  }

  @Override
  public CompletableFuture<VirtualMachineAssessPatchesResult> assess(String vmId) {
    return ASSESSED;
  }

  @Override
  public CompletableFuture<VirtualMachineInstallPatchesResult> install(
      String vmId, VirtualMachineInstallPatchesParameters parameters) {
    Integer boxed = ids().get(vmId);
    if (boxed == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("unknown VM " + vmId));
    }
    return install(boxed, parameters);
  }

  @Override
  public CompletableFuture<VirtualMachineInstallPatchesResult> install(
      int vm, VirtualMachineInstallPatchesParameters parameters) {
    int attempt = attempts[vm]++;
    lastStart[vm] = scheduler.now().getEpochSecond();
    CompletableFuture<VirtualMachineInstallPatchesResult> f = new CompletableFuture<>();
    long seconds = secondsOf(vm, attempt);
    if (seconds < 0) {
      return f; // never answers: the engine times it out
    }
    boolean fails = fails(vm, attempt);
    VirtualMachineInstallPatchesResult result = fails ? FAILURE : SUCCESS;
    if (!fails) {
      unhealthy[vm] = unit(vm, 0x11EA + attempt) < faults.unhealthyRate();
    }
    Instant at = scheduler.now().plusSeconds(seconds);
    scheduler.schedule(at, () -> f.complete(result));
    return f;
  }

  /**
   * Enables platform patching (B3) in 1-4 hours of virtual time, seeded; one first attempt in ten takes
   * 10 hours instead, longer than a default 8-hour window, so that the engine times it out and enables
   * the VM on a later night. Unknown ids fail.
   */
  @Override
  public CompletableFuture<Boolean> enable(String vmId) {
    Integer vm = ids().get(vmId);
    if (vm == null) {
      return CompletableFuture.failedFuture(new IllegalArgumentException("unknown VM " + vmId));
    }
    return enable(vm);
  }

  @Override
  public CompletableFuture<Boolean> enable(int vm) {
    int attempt = enableAttempts[vm];
    if (attempt < Byte.MAX_VALUE) {
      enableAttempts[vm]++;
    }
    long seconds = attempt == 0 && unit(vm, 0xE4AB1E) < 0.1 ? 10 * 3600L
        : 3600L + (long) (3 * 3600 * unit(vm, 0xE4AB1E + 1 + attempt));
    CompletableFuture<Boolean> f = new CompletableFuture<>();
    scheduler.schedule(scheduler.now().plusSeconds(seconds), () -> f.complete(Boolean.TRUE));
    return f;
  }

  /** How long attempt {@code attempt} of the VM's install runs, or -1 when it hangs (seeded, pure). */
  private long secondsOf(int vm, int attempt) {
    if (unit(vm, 0xA11 + attempt) < faults.hangRate()) {
      return -1;
    }
    long expected = patchesOf(vm) * 300L + 900L;
    long seconds = (long) (expected * (0.5 + 0.4 * unit(vm, 0xD0 + attempt)));
    if (unit(vm, 0x7173 + attempt) < faults.timeoutRate()) {
      seconds = expected * 4;
    }
    return seconds;
  }

  private boolean fails(int vm, int attempt) {
    return index.regionOf(vm) == badRegion || unit(vm, 0xFA11 + attempt) < faults.failureRate();
  }

  /**
   * What the VM's instance view says of its latest install, truthfully on the scheduler's clock: empty
   * before the first install; {@code InProgress} until the simulated install ends (a hung one forever);
   * then {@code Succeeded} or {@code Failed} with the counts the install answered (B8).
   */
  @Override
  public CompletableFuture<Optional<LastPatchInstallationSummary>> lastInstallation(String vmId) {
    Integer vm = ids().get(vmId);
    if (vm == null || attempts[vm] == 0) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    int attempt = attempts[vm] - 1;
    long start = lastStart[vm];
    long seconds = secondsOf(vm, attempt);
    long now = scheduler.now().getEpochSecond();
    LastPatchInstallationSummary.Builder b = LastPatchInstallationSummary.builder()
        .startTime(AzureDateTime.of(Instant.ofEpochSecond(start)));
    if (seconds < 0 || now < start + seconds) {
      b.status(PatchOperationStatus.IN_PROGRESS).lastModifiedTime(AzureDateTime.of(Instant.ofEpochSecond(now)));
    } else {
      VirtualMachineInstallPatchesResult r = fails(vm, attempt) ? FAILURE : SUCCESS;
      b.status(r.status().orElseThrow())
          .maintenanceWindowExceeded(r.maintenanceWindowExceeded().orElse(false))
          .installedPatchCount(r.installedPatchCount().orElse(0))
          .failedPatchCount(r.failedPatchCount().orElse(0))
          .pendingPatchCount(r.pendingPatchCount().orElse(0))
          .excludedPatchCount(r.excludedPatchCount().orElse(0))
          .notSelectedPatchCount(r.notSelectedPatchCount().orElse(0))
          .lastModifiedTime(AzureDateTime.of(Instant.ofEpochSecond(start + seconds)));
    }
    return CompletableFuture.completedFuture(Optional.of(b.build()));
  }

  @Override
  public Health healthAfterUpdate(String vmId) {
    Integer vm = ids().get(vmId);
    return vm != null && unhealthy[vm] ? Health.UNHEALTHY : Health.HEALTHY;
  }

  /** Assessments answer at once in virtual time and are traced as taking 1-4 minutes (seeded). */
  @Override
  public long assessSeconds(int vm) {
    return 60 + (long) (unit(vm, 0xA55E55) * 180);
  }

  @Override
  public Health healthAfterUpdate(int vm) {
    return unhealthy[vm] ? Health.UNHEALTHY : Health.HEALTHY;
  }

  private Map<String, Integer> ids() {
    if (ids == null) {
      Map<String, Integer> m = new HashMap<>(index.size() * 2);
      for (int vm = 0; vm < index.size(); vm++) {
        m.put(index.vmId(vm), vm);
      }
      ids = m;
    }
    return ids;
  }

  /** A seeded uniform number in [0, 1) for (vm, salt). */
  private double unit(int vm, long salt) {
    long z = FleetGenerator.mix(seed * 0x9E3779B97F4A7C15L + vm * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL);
    return (z >>> 11) * 0x1.0p-53;
  }
}
