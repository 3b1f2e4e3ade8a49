package io.guestpatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Collection;

/**
 * A VM's power state, the suffix of the instance view's {@code PowerState/...} status code
 * ({@code running}, {@code deallocated}, ...).
 *
 * <p>Extensible: unknown strings parse and are written back unchanged. Immutable and thread-safe.
 */
public final class PowerState extends ExpandableStringEnum {
  private static final Values<PowerState> VALUES = new Values<>(PowerState::new);

  /** {@code running}. */
  public static final PowerState RUNNING = VALUES.known("running");

  /** {@code stopped}. */
  public static final PowerState STOPPED = VALUES.known("stopped");

  /** {@code deallocated}. */
  public static final PowerState DEALLOCATED = VALUES.known("deallocated");

  /** {@code starting}. */
  public static final PowerState STARTING = VALUES.known("starting");

  /** {@code stopping}. */
  public static final PowerState STOPPING = VALUES.known("stopping");

  /** {@code deallocating}. */
  public static final PowerState DEALLOCATING = VALUES.known("deallocating");

  /** {@code unknown}. */
  public static final PowerState UNKNOWN = VALUES.known("unknown");

  private PowerState(String value, boolean known) {
    super(value, known);
  }

  /**
   * The value for a wire string; a {@code PowerState/} prefix or the {@code VM } prefix of
   * {@code az vm list -d} is dropped.
   *
   * @throws IllegalArgumentException if the string is blank
   */
  @JsonCreator
  public static PowerState fromString(String value) {
    String v = value;
    if (v.regionMatches(true, 0, "PowerState/", 0, 11)) {
      v = v.substring(11);
    } else if (v.regionMatches(true, 0, "VM ", 0, 3)) {
      v = v.substring(3);
    }
    return VALUES.of(v);
  }

  /** The documented values. */
  public static Collection<PowerState> values() {
    return VALUES.all();
  }

  /** Whether the VM is running (and so can be assessed and patched). */
  public boolean isRunning() {
    return equals(RUNNING);
  }
}
