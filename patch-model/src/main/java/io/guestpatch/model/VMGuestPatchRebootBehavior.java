package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * How a patch behaves with respect to reboots.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class VMGuestPatchRebootBehavior extends ExpandableStringEnum {
  private static final Values<VMGuestPatchRebootBehavior> VALUES = new Values<>(VMGuestPatchRebootBehavior::new);

  /** {@code Unknown}. */
  public static final VMGuestPatchRebootBehavior UNKNOWN = VALUES.known("Unknown");

  /** {@code NeverReboots}. */
  public static final VMGuestPatchRebootBehavior NEVER_REBOOTS = VALUES.known("NeverReboots");

  /** {@code AlwaysRequiresReboot}. */
  public static final VMGuestPatchRebootBehavior ALWAYS_REQUIRES_REBOOT = VALUES.known("AlwaysRequiresReboot");

  /** {@code CanRequestReboot}. */
  public static final VMGuestPatchRebootBehavior CAN_REQUEST_REBOOT = VALUES.known("CanRequestReboot");

  private VMGuestPatchRebootBehavior(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static VMGuestPatchRebootBehavior fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<VMGuestPatchRebootBehavior> values() {
    return VALUES.all();
  }
}
