package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Azure's {@code LastPatchInstallationSummary}: the latest installation, as the instance view shows it.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLastPatchInstallationSummary.class)
@JsonDeserialize(as = ImmutableLastPatchInstallationSummary.class)
public abstract class LastPatchInstallationSummary implements ErrorCarrier {
  /** The installation's status. */
  @JsonProperty("status")
  public abstract Optional<PatchOperationStatus> status();

  /** The activity id of the installation. */
  @JsonProperty("installationActivityId")
  public abstract Optional<String> installationActivityId();

  /** Whether the installation ran out of time. */
  @JsonProperty("maintenanceWindowExceeded")
  public abstract Optional<Boolean> maintenanceWindowExceeded();

  /** Patches neither selected nor excluded. */
  @JsonProperty("notSelectedPatchCount")
  public abstract OptionalInt notSelectedPatchCount();

  /** Patches excluded by the request. */
  @JsonProperty("excludedPatchCount")
  public abstract OptionalInt excludedPatchCount();

  /** Patches selected but not yet installed. */
  @JsonProperty("pendingPatchCount")
  public abstract OptionalInt pendingPatchCount();

  /** Patches installed. */
  @JsonProperty("installedPatchCount")
  public abstract OptionalInt installedPatchCount();

  /** Patches that failed. */
  @JsonProperty("failedPatchCount")
  public abstract OptionalInt failedPatchCount();

  /** When the installation started. */
  @JsonProperty("startTime")
  public abstract Optional<AzureDateTime> startTime();

  /** When the summary last changed. */
  @JsonProperty("lastModifiedTime")
  public abstract Optional<AzureDateTime> lastModifiedTime();

  /** The error, when the installation failed. */
  @JsonProperty("error")
  public abstract Optional<ApiError> error();

  /** 2020-06-01 only: the reboot status; kept when read so that old documents write back unchanged. */
  @JsonProperty("rebootStatus")
  public abstract Optional<VMGuestPatchRebootStatus> rebootStatus();

  /** 2020-06-01 only: who started the installation; kept when read. */
  @JsonProperty("startedBy")
  public abstract Optional<String> startedBy();

  @Override
  @JsonIgnore
  @Value.Default
  public boolean errorExplicitlyNull() {
    return false;
  }

  /** An error that is present wins over the explicit-null mark (a copy given an error writes it). */
  @Value.Check
  LastPatchInstallationSummary normalizeError() {
    return errorExplicitlyNull() && error().isPresent()
        ? builder().from(this).errorExplicitlyNull(false).build()
        : this;
  }

  @Override
  public LastPatchInstallationSummary withErrorExplicitlyNull() {
    return builder().from(this).error(Optional.empty()).errorExplicitlyNull(true).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LastPatchInstallationSummary} values; not thread-safe. */
  public static final class Builder extends ImmutableLastPatchInstallationSummary.Builder {
    Builder() {}
  }
}
