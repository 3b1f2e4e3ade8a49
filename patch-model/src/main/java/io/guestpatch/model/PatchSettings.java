package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.guestpatch.model.internal.OptionalBooleanEncodingEnabled;
import io.guestpatch.model.internal.OptionalEncodingEnabled;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Windows {@code windowsConfiguration.patchSettings}.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
// The first enabled encoding that fits wins: Optional<Boolean> attributes get boolean builder methods.
@OptionalBooleanEncodingEnabled
@OptionalEncodingEnabled
@SuppressWarnings("immutables:incompat") // that both encodings fit Optional<Boolean> is intended
@JsonSerialize(as = ImmutablePatchSettings.class)
@JsonDeserialize(as = ImmutablePatchSettings.class)
public abstract class PatchSettings {
  /** The patch mode; Azure's default when absent is {@code AutomaticByOS}. */
  @JsonProperty("patchMode")
  public abstract Optional<WindowsVMGuestPatchMode> patchMode();

  /** Whether hotpatching is enabled. */
  @JsonProperty("enableHotpatching")
  public abstract Optional<Boolean> enableHotpatching();

  /** The assessment mode (2021-03-01). */
  @JsonProperty("assessmentMode")
  public abstract Optional<WindowsPatchAssessmentMode> assessmentMode();

  /** Settings for {@code AutomaticByPlatform} (2022-03-01). */
  @JsonProperty("automaticByPlatformSettings")
  public abstract Optional<WindowsVMGuestPatchAutomaticByPlatformSettings> automaticByPlatformSettings();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PatchSettings} values; not thread-safe. */
  public static final class Builder extends ImmutablePatchSettings.Builder {
    Builder() {}
  }
}
