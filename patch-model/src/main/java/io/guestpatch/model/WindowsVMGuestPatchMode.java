package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The Windows patch mode ({@code patchSettings.patchMode}).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class WindowsVMGuestPatchMode extends ExpandableStringEnum {
  private static final Values<WindowsVMGuestPatchMode> VALUES = new Values<>(WindowsVMGuestPatchMode::new);

  /** {@code Manual}. */
  public static final WindowsVMGuestPatchMode MANUAL = VALUES.known("Manual");

  /** {@code AutomaticByOS}. */
  public static final WindowsVMGuestPatchMode AUTOMATIC_BY_OS = VALUES.known("AutomaticByOS");

  /** {@code AutomaticByPlatform}. */
  public static final WindowsVMGuestPatchMode AUTOMATIC_BY_PLATFORM = VALUES.known("AutomaticByPlatform");

  private WindowsVMGuestPatchMode(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static WindowsVMGuestPatchMode fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<WindowsVMGuestPatchMode> values() {
    return VALUES.all();
  }
}
