package io.guestpatch.orchestrator.internal;

import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineInstallPatchesResult;
import io.guestpatch.orchestrator.spi.HealthSource;
import java.util.concurrent.CompletableFuture;

/**
 * An executor and health source that take fleet index numbers instead of ids, so that simulations of
 * millions of VMs skip the id look-ups. The engine uses it when its executor implements it.
 */
public interface IndexedExecutor {
  /** As {@link io.guestpatch.orchestrator.spi.PatchExecutor#install}, for the VM numbered {@code vm}. */
  CompletableFuture<VirtualMachineInstallPatchesResult> install(int vm, VirtualMachineInstallPatchesParameters parameters);

  /** As {@link io.guestpatch.orchestrator.spi.PatchExecutor#enable}, for the VM numbered {@code vm}. */
  CompletableFuture<Boolean> enable(int vm);

  /** How long, in seconds, an assessment of the VM that the executor answered at once stands for. */
  long assessSeconds(int vm);

  /** As {@link HealthSource#healthAfterUpdate}, for the VM numbered {@code vm}. */
  HealthSource.Health healthAfterUpdate(int vm);
}
