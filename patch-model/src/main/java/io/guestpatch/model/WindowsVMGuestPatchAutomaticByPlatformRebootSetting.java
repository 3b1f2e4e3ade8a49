package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The reboot setting of Windows {@code automaticByPlatformSettings}.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class WindowsVMGuestPatchAutomaticByPlatformRebootSetting extends ExpandableStringEnum {
  private static final Values<WindowsVMGuestPatchAutomaticByPlatformRebootSetting> VALUES = new Values<>(WindowsVMGuestPatchAutomaticByPlatformRebootSetting::new);

  /** {@code Unknown}. */
  public static final WindowsVMGuestPatchAutomaticByPlatformRebootSetting UNKNOWN = VALUES.known("Unknown");

  /** {@code IfRequired}. */
  public static final WindowsVMGuestPatchAutomaticByPlatformRebootSetting IF_REQUIRED = VALUES.known("IfRequired");

  /** {@code Never}. */
  public static final WindowsVMGuestPatchAutomaticByPlatformRebootSetting NEVER = VALUES.known("Never");

  /** {@code Always}. */
  public static final WindowsVMGuestPatchAutomaticByPlatformRebootSetting ALWAYS = VALUES.known("Always");

  private WindowsVMGuestPatchAutomaticByPlatformRebootSetting(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static WindowsVMGuestPatchAutomaticByPlatformRebootSetting fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<WindowsVMGuestPatchAutomaticByPlatformRebootSetting> values() {
    return VALUES.all();
  }
}
