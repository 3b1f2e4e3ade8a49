package io.guestpatch.policy;

import io.guestpatch.model.OperatingSystemTypes;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a VM's patch settings amount to once Azure's defaults are applied (SPEC 3.4, P2): who
 * orchestrates patching, what becomes of the OS's own automatic updates, whether availability-first
 * patching applies, and the effective modes and flags.
 *
 * <p>Obtained from {@link PatchSettingsPolicy#effectiveConfiguration}; it describes the settings as
 * given and does not validate them (use {@link PatchSettingsPolicy#validate} for that). A mode string
 * Azure does not know yields {@link Orchestrator#NONE} and {@link OsAutomaticUpdates#UNKNOWN}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
public abstract class EffectiveConfiguration {
  EffectiveConfiguration() {}

  /** The VM's OS type. */
  public abstract OperatingSystemTypes osType();

  /** The effective patch mode's wire string; {@code AutomaticByOS} (Windows) or {@code ImageDefault} (Linux) when absent. */
  public abstract String patchMode();

  /** Whether {@link #patchMode()} is Azure's default because the VM gives none (P2). */
  public abstract boolean patchModeDefaulted();

  /** The effective assessment mode's wire string; {@code ImageDefault} when absent. */
  public abstract String assessmentMode();

  /** Who installs patches. */
  public abstract Orchestrator orchestrator();

  /** What becomes of the OS's own automatic updates. */
  public abstract OsAutomaticUpdates osAutomaticUpdates();

  /** Whether the VM agent is provisioned (default true). */
  public abstract boolean provisionVMAgent();

  /** Windows {@code enableAutomaticUpdates} with its default (true); empty on Linux. */
  public abstract Optional<Boolean> enableAutomaticUpdates();

  /** Whether hotpatching is requested ({@code enableHotpatching}, Windows only; default false). */
  public abstract boolean hotpatching();

  /** Whether availability-first patching applies: only under {@code AutomaticByPlatform}. */
  @Value.Derived
  public boolean availabilityFirst() {
    return orchestrator() == Orchestrator.PLATFORM;
  }

  /** Whether the OS's own automatic updates end up off (by the owner or by the platform). */
  @Value.Derived
  public boolean osAutomaticUpdatesDisabled() {
    return osAutomaticUpdates() == OsAutomaticUpdates.OFF
        || osAutomaticUpdates() == OsAutomaticUpdates.DISABLED_BY_PLATFORM;
  }

  /** Whether the platform assesses the VM periodically ({@code assessmentMode=AutomaticByPlatform}). */
  @Value.Derived
  public boolean assessedByPlatform() {
    return "AutomaticByPlatform".equalsIgnoreCase(assessmentMode());
  }
}
