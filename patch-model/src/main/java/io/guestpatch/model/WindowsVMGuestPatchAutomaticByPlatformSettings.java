package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Windows {@code patchSettings.automaticByPlatformSettings} (API 2022-03-01 and later).
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableWindowsVMGuestPatchAutomaticByPlatformSettings.class)
@JsonDeserialize(as = ImmutableWindowsVMGuestPatchAutomaticByPlatformSettings.class)
public abstract class WindowsVMGuestPatchAutomaticByPlatformSettings {
  /** The reboot setting for platform-orchestrated patch installs. */
  @JsonProperty("rebootSetting")
  public abstract Optional<WindowsVMGuestPatchAutomaticByPlatformRebootSetting> rebootSetting();

  /** Whether the platform's safety checks are bypassed on a user schedule (2023-03-01). */
  @JsonProperty("bypassPlatformSafetyChecksOnUserSchedule")
  public abstract Optional<Boolean> bypassPlatformSafetyChecksOnUserSchedule();

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WindowsVMGuestPatchAutomaticByPlatformSettings} values; not thread-safe. */
  public static final class Builder extends ImmutableWindowsVMGuestPatchAutomaticByPlatformSettings.Builder {
    Builder() {}
  }
}
