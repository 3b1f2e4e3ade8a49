package io.guestpatch.model;

import java.io.IOException;
import java.util.List;

/**
 * A fleet file with bad records, thrown by {@link FleetReadResult#orThrow()}. Its message lists every
 * bad record; {@link #errors()} gives them one by one.
 */
public final class FleetFormatException extends IOException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 50;

  private final transient List<FleetRecordError> errors;

  /** @param errors every bad record, at least one */
  public FleetFormatException(List<FleetRecordError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  /** Every bad record. */
  public List<FleetRecordError> errors() {
    return errors;
  }

  private static String describe(List<FleetRecordError> errors) {
    StringBuilder sb = new StringBuilder();
    sb.append(errors.size()).append(errors.size() == 1 ? " bad fleet record" : " bad fleet records");
    for (int i = 0; i < errors.size() && i < LISTED; i++) {
      sb.append("\n  ").append(errors.get(i));
    }
    if (errors.size() > LISTED) {
      sb.append("\n  ... and ").append(errors.size() - LISTED).append(" more");
    }
    return sb.toString();
  }
}
