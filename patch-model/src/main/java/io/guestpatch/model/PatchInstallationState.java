package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The installation state of one patch.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class PatchInstallationState extends ExpandableStringEnum {
  private static final Values<PatchInstallationState> VALUES = new Values<>(PatchInstallationState::new);

  /** {@code Unknown}. */
  public static final PatchInstallationState UNKNOWN = VALUES.known("Unknown");

  /** {@code Installed}. */
  public static final PatchInstallationState INSTALLED = VALUES.known("Installed");

  /** {@code Failed}. */
  public static final PatchInstallationState FAILED = VALUES.known("Failed");

  /** {@code Excluded}. */
  public static final PatchInstallationState EXCLUDED = VALUES.known("Excluded");

  /** {@code NotSelected}. */
  public static final PatchInstallationState NOT_SELECTED = VALUES.known("NotSelected");

  /** {@code Pending}. */
  public static final PatchInstallationState PENDING = VALUES.known("Pending");

  private PatchInstallationState(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static PatchInstallationState fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<PatchInstallationState> values() {
    return VALUES.all();
  }
}
