package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The level of an instance view status. Azure documents it as closed; unknown strings still parse so that a newer service cannot break a reader.
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class StatusLevelTypes extends ExpandableStringEnum {
  private static final Values<StatusLevelTypes> VALUES = new Values<>(StatusLevelTypes::new);

  /** {@code Info}. */
  public static final StatusLevelTypes INFO = VALUES.known("Info");

  /** {@code Warning}. */
  public static final StatusLevelTypes WARNING = VALUES.known("Warning");

  /** {@code Error}. */
  public static final StatusLevelTypes ERROR = VALUES.known("Error");

  private StatusLevelTypes(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static StatusLevelTypes fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<StatusLevelTypes> values() {
    return VALUES.all();
  }
}
