package io.guestpatch.model;

import java.util.List;

/**
 * What a fleet file held: every good record and every bad one. Good records are never lost because
 * of bad ones; the caller decides whether to go on. Immutable and thread-safe.
 */
public final class FleetReadResult {
  private final FleetFormat format;
  private final List<VirtualMachine> vms;
  private final List<FleetRecordError> errors;

  FleetReadResult(FleetFormat format, List<VirtualMachine> vms, List<FleetRecordError> errors) {
    this.format = format;
    this.vms = List.copyOf(vms);
    this.errors = List.copyOf(errors);
  }

  /** The format detected. */
  public FleetFormat format() {
    return format;
  }

  /** The good records, in file order. */
  public List<VirtualMachine> vms() {
    return vms;
  }

  /** The bad records, in file order. */
  public List<FleetRecordError> errors() {
    return errors;
  }

  /** Whether some record was bad. */
  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * The good records if there was no bad one.
   *
   * @throws FleetFormatException listing every bad record otherwise
   */
  public List<VirtualMachine> orThrow() throws FleetFormatException {
    if (!errors.isEmpty()) {
      throw new FleetFormatException(errors);
    }
    return vms;
  }
}
