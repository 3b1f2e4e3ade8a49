package io.guestpatch.policy;

/** Who installs a VM's patches under its effective configuration (SPEC 3.4). */
public enum Orchestrator {
  /** Azure, availability-first ({@code AutomaticByPlatform}). */
  PLATFORM,
  /** The OS's own updater ({@code AutomaticByOS}, Linux {@code ImageDefault}). */
  OS,
  /** Nobody: the owner patches ({@code Manual}), or the mode is not one Azure knows. */
  NONE
}
