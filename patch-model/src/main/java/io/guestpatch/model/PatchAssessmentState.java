package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The assessment state of a patch (2020-06-01 had a wider set, which still parses).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class PatchAssessmentState extends ExpandableStringEnum {
  private static final Values<PatchAssessmentState> VALUES = new Values<>(PatchAssessmentState::new);

  /** {@code Unknown}. */
  public static final PatchAssessmentState UNKNOWN = VALUES.known("Unknown");

  /** {@code Available}. */
  public static final PatchAssessmentState AVAILABLE = VALUES.known("Available");

  private PatchAssessmentState(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static PatchAssessmentState fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<PatchAssessmentState> values() {
    return VALUES.all();
  }
}
