package io.guestpatch.orchestrator.spi;

import io.guestpatch.model.LastPatchInstallationSummary;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesResult;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Does the real work on one VM, as Azure's assessPatches / installPatches and the patch extension's
 * enablement do. Calls are asynchronous: return at once and complete the future later. A future may
 * fail or never complete; the engine applies its own timeouts (ending before the VM's off-peak window
 * does) and records {@code TimedOut}, ignoring a late answer.
 *
 * <p>Implementations must be thread-safe: the engine may call them for many VMs at once.
 */
public interface PatchExecutor {
  /** Assesses the VM's available patches; never installs anything (B2). */
  CompletableFuture<VirtualMachineAssessPatchesResult> assess(String vmId);

  /**
   * Installs patches on the VM. The engine passes Critical and Security only (I7) and a
   * {@code maximumDuration} that ends before the VM's window does.
   */
  CompletableFuture<VirtualMachineInstallPatchesResult> install(
      String vmId, VirtualMachineInstallPatchesParameters parameters);

  /** Enables platform patching on a VM newly set to {@code AutomaticByPlatform} (B3); true when done. */
  default CompletableFuture<Boolean> enable(String vmId) {
    return CompletableFuture.completedFuture(Boolean.TRUE);
  }

  /**
   * The VM's latest installation as its instance view shows it ({@code patchStatus
   * .lastPatchInstallationSummary}), or empty when the host cannot tell. The engine asks after a restart
   * for a VM whose install was in flight when it was killed (B8): a summary with status
   * {@code Succeeded} or {@code CompletedWithWarnings} and a {@code startTime} at or after the journalled
   * start settles the VM without a second install; {@code InProgress} makes it wait; anything else
   * counts the attempt as failed. Default: completed with empty (the attempt counts as failed and the
   * VM is installed again, under the retry limit).
   */
  default CompletableFuture<Optional<LastPatchInstallationSummary>> lastInstallation(String vmId) {
    return CompletableFuture.completedFuture(Optional.empty());
  }
}
