package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The reboot setting of Linux {@code automaticByPlatformSettings}.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class LinuxVMGuestPatchAutomaticByPlatformRebootSetting extends ExpandableStringEnum {
  private static final Values<LinuxVMGuestPatchAutomaticByPlatformRebootSetting> VALUES = new Values<>(LinuxVMGuestPatchAutomaticByPlatformRebootSetting::new);

  /** {@code Unknown}. */
  public static final LinuxVMGuestPatchAutomaticByPlatformRebootSetting UNKNOWN = VALUES.known("Unknown");

  /** {@code IfRequired}. */
  public static final LinuxVMGuestPatchAutomaticByPlatformRebootSetting IF_REQUIRED = VALUES.known("IfRequired");

  /** {@code Never}. */
  public static final LinuxVMGuestPatchAutomaticByPlatformRebootSetting NEVER = VALUES.known("Never");

  /** {@code Always}. */
  public static final LinuxVMGuestPatchAutomaticByPlatformRebootSetting ALWAYS = VALUES.known("Always");

  private LinuxVMGuestPatchAutomaticByPlatformRebootSetting(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static LinuxVMGuestPatchAutomaticByPlatformRebootSetting fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<LinuxVMGuestPatchAutomaticByPlatformRebootSetting> values() {
    return VALUES.all();
  }
}
