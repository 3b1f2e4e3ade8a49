package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * A Linux patch classification as an installPatches request names it.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class VMGuestPatchClassificationLinux extends ExpandableStringEnum {
  private static final Values<VMGuestPatchClassificationLinux> VALUES = new Values<>(VMGuestPatchClassificationLinux::new);

  /** {@code Critical}. */
  public static final VMGuestPatchClassificationLinux CRITICAL = VALUES.known("Critical");

  /** {@code Security}. */
  public static final VMGuestPatchClassificationLinux SECURITY = VALUES.known("Security");

  /** {@code Other}. */
  public static final VMGuestPatchClassificationLinux OTHER = VALUES.known("Other");

  private VMGuestPatchClassificationLinux(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static VMGuestPatchClassificationLinux fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<VMGuestPatchClassificationLinux> values() {
    return VALUES.all();
  }
}
