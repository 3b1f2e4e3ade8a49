package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The Linux patch mode ({@code linuxConfiguration.patchSettings.patchMode}).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class LinuxVMGuestPatchMode extends ExpandableStringEnum {
  private static final Values<LinuxVMGuestPatchMode> VALUES = new Values<>(LinuxVMGuestPatchMode::new);

  /** {@code ImageDefault}. */
  public static final LinuxVMGuestPatchMode IMAGE_DEFAULT = VALUES.known("ImageDefault");

  /** {@code AutomaticByPlatform}. */
  public static final LinuxVMGuestPatchMode AUTOMATIC_BY_PLATFORM = VALUES.known("AutomaticByPlatform");

  private LinuxVMGuestPatchMode(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static LinuxVMGuestPatchMode fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<LinuxVMGuestPatchMode> values() {
    return VALUES.all();
  }
}
