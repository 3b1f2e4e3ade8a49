package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * Azure's {@code AvailablePatchSummary}: the latest assessment, as the instance view shows it.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableAvailablePatchSummary.class)
@JsonDeserialize(as = ImmutableAvailablePatchSummary.class)
public abstract class AvailablePatchSummary implements ErrorCarrier {
  /** The assessment's status. */
  @JsonProperty("status")
  public abstract Optional<PatchOperationStatus> status();

  /** The activity id of the assessment. */
  @JsonProperty("assessmentActivityId")
  public abstract Optional<String> assessmentActivityId();

  /** Whether the VM needs a reboot to finish an earlier install. */
  @JsonProperty("rebootPending")
  public abstract Optional<Boolean> rebootPending();

  /** The number of critical or security patches found. */
  @JsonProperty("criticalAndSecurityPatchCount")
  public abstract OptionalInt criticalAndSecurityPatchCount();

  /** The number of all other patches found. */
  @JsonProperty("otherPatchCount")
  public abstract OptionalInt otherPatchCount();

  /** When the assessment started. */
  @JsonProperty("startTime")
  public abstract Optional<AzureDateTime> startTime();

  /** When the summary last changed. */
  @JsonProperty("lastModifiedTime")
  public abstract Optional<AzureDateTime> lastModifiedTime();

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
  AvailablePatchSummary normalizeError() {
    return errorExplicitlyNull() && error().isPresent()
        ? builder().from(this).errorExplicitlyNull(false).build()
        : this;
  }

  @Override
  public AvailablePatchSummary withErrorExplicitlyNull() {
    return builder().from(this).error(Optional.empty()).errorExplicitlyNull(true).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AvailablePatchSummary} values; not thread-safe. */
  public static final class Builder extends ImmutableAvailablePatchSummary.Builder {
    Builder() {}
  }
}
