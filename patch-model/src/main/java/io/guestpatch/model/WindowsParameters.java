package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code WindowsParameters} of an installPatches request.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWindowsParameters.class)
@JsonDeserialize(as = ImmutableWindowsParameters.class)
public abstract class WindowsParameters {
  /** The classifications to install. */
  @JsonProperty("classificationsToInclude")
  public abstract List<VMGuestPatchClassificationWindows> classificationsToInclude();

  /** KB numbers to install, with or without the {@code KB} prefix. */
  @JsonProperty("kbNumbersToInclude")
  public abstract List<String> kbNumbersToInclude();

  /** KB numbers never to install. */
  @JsonProperty("kbNumbersToExclude")
  public abstract List<String> kbNumbersToExclude();

  /** Whether patches that may need a reboot are left out. */
  @JsonProperty("excludeKbsRequiringReboot")
  public abstract Optional<Boolean> excludeKbsRequiringReboot();

  /** Only patches published on or before this instant are installed. */
  @JsonProperty("maxPatchPublishDate")
  public abstract Optional<AzureDateTime> maxPatchPublishDate();

  /** Patch name masks to install, with {@code *} and {@code ?} (2025-04-01). */
  @JsonProperty("patchNameMasksToInclude")
  public abstract List<String> patchNameMasksToInclude();

  /** Patch name masks never to install (2025-04-01). */
  @JsonProperty("patchNameMasksToExclude")
  public abstract List<String> patchNameMasksToExclude();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WindowsParameters} values; not thread-safe. */
  public static final class Builder extends ImmutableWindowsParameters.Builder {
    Builder() {}
  }
}
