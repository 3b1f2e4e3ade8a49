package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * The operating system family of a VM ({@code storageProfile.osDisk.osType}).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class OperatingSystemTypes extends ExpandableStringEnum {
  private static final Values<OperatingSystemTypes> VALUES = new Values<>(OperatingSystemTypes::new);

  /** {@code Windows}. */
  public static final OperatingSystemTypes WINDOWS = VALUES.known("Windows");

  /** {@code Linux}. */
  public static final OperatingSystemTypes LINUX = VALUES.known("Linux");

  private OperatingSystemTypes(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string: the constant when it matches one, else a new value that keeps
   * the string as given.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static OperatingSystemTypes fromString(String value) {
    return VALUES.of(value);
  }

  /** The documented values. */
  public static Collection<OperatingSystemTypes> values() {
    return VALUES.all();
  }
}
