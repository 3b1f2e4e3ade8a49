package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Azure's {@code LinuxParameters} of an installPatches request.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLinuxParameters.class)
@JsonDeserialize(as = ImmutableLinuxParameters.class)
public abstract class LinuxParameters {
  /** The classifications to install. */
  @JsonProperty("classificationsToInclude")
  public abstract List<VMGuestPatchClassificationLinux> classificationsToInclude();

  /** Package globs to install; an entry may pin a version as {@code name=versionglob}. */
  @JsonProperty("packageNameMasksToInclude")
  public abstract List<String> packageNameMasksToInclude();

  /** Package globs never to install. */
  @JsonProperty("packageNameMasksToExclude")
  public abstract List<String> packageNameMasksToExclude();

  /** The maintenance run identifier. */
  @JsonProperty("maintenanceRunId")
  public abstract Optional<String> maintenanceRunId();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LinuxParameters} values; not thread-safe. */
  public static final class Builder extends ImmutableLinuxParameters.Builder {
    Builder() {}
  }
}
