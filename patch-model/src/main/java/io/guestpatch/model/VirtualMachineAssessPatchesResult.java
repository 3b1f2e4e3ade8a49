package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Azure's {@code VirtualMachineAssessPatchesResult}, the body of a finished assessPatches. The 2020-06-01 name {@code patches} is read as {@code availablePatches}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVirtualMachineAssessPatchesResult.class)
@JsonDeserialize(as = ImmutableVirtualMachineAssessPatchesResult.class)
public abstract class VirtualMachineAssessPatchesResult implements ErrorCarrier {
  /** The assessment's status. */
  @JsonProperty("status")
  public abstract Optional<PatchOperationStatus> status();

  /** The activity id. */
  @JsonProperty("assessmentActivityId")
  public abstract Optional<String> assessmentActivityId();

  /** Whether a reboot is pending. */
  @JsonProperty("rebootPending")
  public abstract Optional<Boolean> rebootPending();

  /** The number of critical or security patches found. */
  @JsonProperty("criticalAndSecurityPatchCount")
  public abstract OptionalInt criticalAndSecurityPatchCount();

  /** The number of all other patches found. */
  @JsonProperty("otherPatchCount")
  public abstract OptionalInt otherPatchCount();

  /** When the assessment started. */
  @JsonProperty("startDateTime")
  public abstract Optional<AzureDateTime> startDateTime();

  /** The patches found. */
  @JsonProperty("availablePatches")
  @JsonAlias("patches")
  public abstract List<VirtualMachineSoftwarePatchProperties> availablePatches();

  /** The error, when the assessment failed. */
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
  VirtualMachineAssessPatchesResult normalizeError() {
    return errorExplicitlyNull() && error().isPresent()
        ? builder().from(this).errorExplicitlyNull(false).build()
        : this;
  }

  @Override
  public VirtualMachineAssessPatchesResult withErrorExplicitlyNull() {
    return builder().from(this).error(Optional.empty()).errorExplicitlyNull(true).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualMachineAssessPatchesResult} values; not thread-safe. */
  public static final class Builder extends ImmutableVirtualMachineAssessPatchesResult.Builder {
    Builder() {}
  }
}
