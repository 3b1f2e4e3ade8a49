package io.guestpatch.policy;

/** How serious a {@link Violation} is. */
public enum Severity {
  /** Azure would reject the settings, or the VM cannot be patched automatically. */
  ERROR,
  /** Accepted, but with a limitation or a step the owner must take. */
  WARNING
}
