package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.guestpatch.model.internal.OptionalEncodingEnabled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Linux {@code linuxConfiguration.patchSettings}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@OptionalEncodingEnabled
@JsonSerialize(as = ImmutableLinuxPatchSettings.class)
@JsonDeserialize(as = ImmutableLinuxPatchSettings.class)
public abstract class LinuxPatchSettings {
  /** The patch mode; Azure's default when absent is {@code ImageDefault}. */
  @JsonProperty("patchMode")
  public abstract Optional<LinuxVMGuestPatchMode> patchMode();

  /** The assessment mode (2021-03-01). */
  @JsonProperty("assessmentMode")
  public abstract Optional<LinuxPatchAssessmentMode> assessmentMode();

  /** Settings for {@code AutomaticByPlatform} (2022-03-01). */
  @JsonProperty("automaticByPlatformSettings")
  public abstract Optional<LinuxVMGuestPatchAutomaticByPlatformSettings> automaticByPlatformSettings();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LinuxPatchSettings} values; not thread-safe. */
  public static final class Builder extends ImmutableLinuxPatchSettings.Builder {
    Builder() {}
  }
}
