package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The reboot status reported by an installation.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class VMGuestPatchRebootStatus extends ExpandableStringEnum {
  private static final Values<VMGuestPatchRebootStatus> VALUES = new Values<>(VMGuestPatchRebootStatus::new);

  /** {@code Unknown}. */
  public static final VMGuestPatchRebootStatus UNKNOWN = VALUES.known("Unknown");

  /** {@code NotNeeded}. */
  public static final VMGuestPatchRebootStatus NOT_NEEDED = VALUES.known("NotNeeded");

  /** {@code Required}. */
  public static final VMGuestPatchRebootStatus REQUIRED = VALUES.known("Required");

  /** {@code Started}. */
  public static final VMGuestPatchRebootStatus STARTED = VALUES.known("Started");

  /** {@code Failed}. */
  public static final VMGuestPatchRebootStatus FAILED = VALUES.known("Failed");

  /** {@code Completed}. */
  public static final VMGuestPatchRebootStatus COMPLETED = VALUES.known("Completed");

  private VMGuestPatchRebootStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static VMGuestPatchRebootStatus fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<VMGuestPatchRebootStatus> values() {
    return VALUES.all();
  }
}
