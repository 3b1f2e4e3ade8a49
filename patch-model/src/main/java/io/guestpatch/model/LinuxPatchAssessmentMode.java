package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The Linux patch assessment mode ({@code patchSettings.assessmentMode}).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class LinuxPatchAssessmentMode extends ExpandableStringEnum {
  private static final Values<LinuxPatchAssessmentMode> VALUES = new Values<>(LinuxPatchAssessmentMode::new);

  /** {@code ImageDefault}. */
  public static final LinuxPatchAssessmentMode IMAGE_DEFAULT = VALUES.known("ImageDefault");

  /** {@code AutomaticByPlatform}. */
  public static final LinuxPatchAssessmentMode AUTOMATIC_BY_PLATFORM = VALUES.known("AutomaticByPlatform");

  private LinuxPatchAssessmentMode(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static LinuxPatchAssessmentMode fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<LinuxPatchAssessmentMode> values() {
    return VALUES.all();
  }
}
