package io.guestpatch.policy;

/** What becomes of the OS's own automatic updates under a VM's effective configuration (SPEC 3.4). */
public enum OsAutomaticUpdates {
  /** On: the OS patches itself (Windows {@code AutomaticByOS}). */
  ON,
  /** Off, by the owner's choice (Windows {@code Manual}, {@code enableAutomaticUpdates=false}). */
  OFF,
  /** Whatever the image configures (Linux {@code ImageDefault}). */
  IMAGE_DEFAULT,
  /**
   * Disabled by the platform ({@code AutomaticByPlatform}: Windows, Ubuntu; assumed for the other
   * Linux distributions except RHEL, which the public documentation does not describe).
   */
  DISABLED_BY_PLATFORM,
  /** Still on until the owner stops and masks them (RHEL with {@code AutomaticByPlatform}, P11). */
  OWNER_MUST_DISABLE,
  /** Not known: the OS type or the patch mode is not one Azure knows. */
  UNKNOWN
}
