package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Linux {@code patchSettings.automaticByPlatformSettings} (API 2022-03-01 and later).
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLinuxVMGuestPatchAutomaticByPlatformSettings.class)
@JsonDeserialize(as = ImmutableLinuxVMGuestPatchAutomaticByPlatformSettings.class)
public abstract class LinuxVMGuestPatchAutomaticByPlatformSettings {
  /** The reboot setting for platform-orchestrated patch installs. */
  @JsonProperty("rebootSetting")
  public abstract Optional<LinuxVMGuestPatchAutomaticByPlatformRebootSetting> rebootSetting();

  /** Whether the platform's safety checks are bypassed on a user schedule (2023-03-01). */
  @JsonProperty("bypassPlatformSafetyChecksOnUserSchedule")
  public abstract Optional<Boolean> bypassPlatformSafetyChecksOnUserSchedule();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LinuxVMGuestPatchAutomaticByPlatformSettings} values; not thread-safe. */
  public static final class Builder extends ImmutableLinuxVMGuestPatchAutomaticByPlatformSettings.Builder {
    Builder() {}
  }
}
