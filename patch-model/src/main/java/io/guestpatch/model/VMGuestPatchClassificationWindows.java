package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * A Windows patch classification as an installPatches request names it (note {@code UpdateRollUp}).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class VMGuestPatchClassificationWindows extends ExpandableStringEnum {
  private static final Values<VMGuestPatchClassificationWindows> VALUES = new Values<>(VMGuestPatchClassificationWindows::new);

  /** {@code Critical}. */
  public static final VMGuestPatchClassificationWindows CRITICAL = VALUES.known("Critical");

  /** {@code Security}. */
  public static final VMGuestPatchClassificationWindows SECURITY = VALUES.known("Security");

  /** {@code UpdateRollUp}. */
  public static final VMGuestPatchClassificationWindows UPDATE_ROLL_UP = VALUES.known("UpdateRollUp");

  /** {@code FeaturePack}. */
  public static final VMGuestPatchClassificationWindows FEATURE_PACK = VALUES.known("FeaturePack");

  /** {@code ServicePack}. */
  public static final VMGuestPatchClassificationWindows SERVICE_PACK = VALUES.known("ServicePack");

  /** {@code Definition}. */
  public static final VMGuestPatchClassificationWindows DEFINITION = VALUES.known("Definition");

  /** {@code Tools}. */
  public static final VMGuestPatchClassificationWindows TOOLS = VALUES.known("Tools");

  /** {@code Updates}. */
  public static final VMGuestPatchClassificationWindows UPDATES = VALUES.known("Updates");

  private VMGuestPatchClassificationWindows(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static VMGuestPatchClassificationWindows fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<VMGuestPatchClassificationWindows> values() {
    return VALUES.all();
  }
}
