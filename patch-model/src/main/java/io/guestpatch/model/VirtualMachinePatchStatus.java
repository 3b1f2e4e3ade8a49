package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's instance-view {@code patchStatus}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableVirtualMachinePatchStatus.class)
@JsonDeserialize(as = ImmutableVirtualMachinePatchStatus.class)
public abstract class VirtualMachinePatchStatus {
  /** The latest assessment. */
  @JsonProperty("availablePatchSummary")
  public abstract Optional<AvailablePatchSummary> availablePatchSummary();

  /** The latest installation. */
  @JsonProperty("lastPatchInstallationSummary")
  public abstract Optional<LastPatchInstallationSummary> lastPatchInstallationSummary();

  /** The enablement status of the patch and assessment modes (2020-12-01). */
  @JsonProperty("configurationStatuses")
  public abstract List<InstanceViewStatus> configurationStatuses();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualMachinePatchStatus} values; not thread-safe. */
  public static final class Builder extends ImmutableVirtualMachinePatchStatus.Builder {
    Builder() {}
  }
}
