package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The reboot setting of an on-demand installPatches request.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class VMGuestPatchRebootSetting extends ExpandableStringEnum {
  private static final Values<VMGuestPatchRebootSetting> VALUES = new Values<>(VMGuestPatchRebootSetting::new);

  /** {@code IfRequired}. */
  public static final VMGuestPatchRebootSetting IF_REQUIRED = VALUES.known("IfRequired");

  /** {@code Never}. */
  public static final VMGuestPatchRebootSetting NEVER = VALUES.known("Never");

  /** {@code Always}. */
  public static final VMGuestPatchRebootSetting ALWAYS = VALUES.known("Always");

  private VMGuestPatchRebootSetting(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static VMGuestPatchRebootSetting fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<VMGuestPatchRebootSetting> values() {
    return VALUES.all();
  }
}
