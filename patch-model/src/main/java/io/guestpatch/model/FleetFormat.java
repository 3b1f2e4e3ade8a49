package io.guestpatch.model;

/** The formats {@link FleetReader} detects from a file's content. */
public enum FleetFormat {
  /** ARM JSON: one VM resource, an array of them, or {@code {"value": [...]}} ({@code az vm list}, REST GET). */
  ARM_JSON,
  /** Fleet JSON Lines: one compact {@link VirtualMachine} per line. */
  JSON_LINES,
  /** An input with no record at all. */
  EMPTY
}
