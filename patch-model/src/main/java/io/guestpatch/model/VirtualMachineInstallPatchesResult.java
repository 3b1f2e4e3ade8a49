package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Azure's {@code VirtualMachineInstallPatchesResult}, the body of a finished installPatches.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVirtualMachineInstallPatchesResult.class)
@JsonDeserialize(as = ImmutableVirtualMachineInstallPatchesResult.class)
public abstract class VirtualMachineInstallPatchesResult implements ErrorCarrier {
  /** The installation's status. */
  @JsonProperty("status")
  public abstract Optional<PatchOperationStatus> status();

  /** The activity id. */
  @JsonProperty("installationActivityId")
  public abstract Optional<String> installationActivityId();

  /** The reboot status. */
  @JsonProperty("rebootStatus")
  public abstract Optional<VMGuestPatchRebootStatus> rebootStatus();

  /** Whether the installation ran out of time. */
  @JsonProperty("maintenanceWindowExceeded")
  public abstract Optional<Boolean> maintenanceWindowExceeded();

  /** Patches excluded by the request. */
  @JsonProperty("excludedPatchCount")
  public abstract OptionalInt excludedPatchCount();

  /** Patches neither selected nor excluded. */
  @JsonProperty("notSelectedPatchCount")
  public abstract OptionalInt notSelectedPatchCount();

  /** Patches selected but not installed. */
  @JsonProperty("pendingPatchCount")
  public abstract OptionalInt pendingPatchCount();

  /** Patches installed. */
  @JsonProperty("installedPatchCount")
  public abstract OptionalInt installedPatchCount();

  /** Patches that failed. */
  @JsonProperty("failedPatchCount")
  public abstract OptionalInt failedPatchCount();

  /** The patches considered. */
  @JsonProperty("patches")
  public abstract List<PatchInstallationDetail> patches();

  /** When the installation started. */
  @JsonProperty("startDateTime")
  public abstract Optional<AzureDateTime> startDateTime();

  /** The error, when the installation failed. */
  @JsonProperty("error")
  public abstract Optional<ApiError> error();

  @Override
  @JsonIgnore
  @Value.Default
  public boolean errorExplicitlyNull() {
    return false;
  }

  /** An error that is present wins over the explicit-null mark (a copy given an error writes it). */
  @Value.Check
  VirtualMachineInstallPatchesResult normalizeError() {
    return errorExplicitlyNull() && error().isPresent()
        ? builder().from(this).errorExplicitlyNull(false).build()
        : this;
  }

  @Override
  public VirtualMachineInstallPatchesResult withErrorExplicitlyNull() {
    return builder().from(this).error(Optional.empty()).errorExplicitlyNull(true).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualMachineInstallPatchesResult} values; not thread-safe. */
  public static final class Builder extends ImmutableVirtualMachineInstallPatchesResult.Builder {
    Builder() {}
  }
}
