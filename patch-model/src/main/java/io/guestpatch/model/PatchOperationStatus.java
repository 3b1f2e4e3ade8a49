package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The status of an assessment or installation ({@code Unknown} since 2020-12-01).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class PatchOperationStatus extends ExpandableStringEnum {
  private static final Values<PatchOperationStatus> VALUES = new Values<>(PatchOperationStatus::new);

  /** {@code Unknown}. */
  public static final PatchOperationStatus UNKNOWN = VALUES.known("Unknown");

  /** {@code InProgress}. */
  public static final PatchOperationStatus IN_PROGRESS = VALUES.known("InProgress");

  /** {@code Failed}. */
  public static final PatchOperationStatus FAILED = VALUES.known("Failed");

  /** {@code Succeeded}. */
  public static final PatchOperationStatus SUCCEEDED = VALUES.known("Succeeded");

  /** {@code CompletedWithWarnings}. */
  public static final PatchOperationStatus COMPLETED_WITH_WARNINGS = VALUES.known("CompletedWithWarnings");

  private PatchOperationStatus(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static PatchOperationStatus fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<PatchOperationStatus> values() {
    return VALUES.all();
  }
}
