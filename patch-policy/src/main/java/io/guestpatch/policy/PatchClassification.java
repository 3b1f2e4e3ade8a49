package io.guestpatch.policy;

import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import java.util.Optional;

/**
 * The install classification of one patch, for both operating systems: the eight values of Azure's
 * Windows install enum ({@code VMGuestPatchClassification_Windows}), plus {@link #OTHER} (Linux
 * {@code Other}, or a label nothing else matched) and {@link #UNCLASSIFIED} (the Linux patch extension's
 * {@code Unclassified}).
 *
 * <p>Constants are declared from most to least severe; when a patch carries several labels the
 * classifier keeps the first in this order (rule C2). Immutable and thread-safe.
 */
public enum PatchClassification {
  /** Windows {@code Critical Updates}, Linux {@code Critical}. */
  CRITICAL("Critical"),
  /** Windows {@code Security Updates}, Linux {@code Security}. */
  SECURITY("Security"),
  /** Windows {@code Update Rollups}. */
  UPDATE_ROLLUP("UpdateRollUp"),
  /** Windows {@code Feature Packs}. */
  FEATURE_PACK("FeaturePack"),
  /** Windows {@code Service Packs}. */
  SERVICE_PACK("ServicePack"),
  /** Windows {@code Definition Updates}. */
  DEFINITION("Definition"),
  /** Windows {@code Tools}. */
  TOOLS("Tools"),
  /** Windows {@code Updates}. */
  UPDATES("Updates"),
  /** Linux {@code Other}, or a label that matches no known category on either OS. */
  OTHER("Other"),
  /** Linux {@code Unclassified}: the package manager could not tell what kind of update it is. */
  UNCLASSIFIED("Unclassified");

  private final String azureName;

  PatchClassification(String azureName) {
    this.azureName = azureName;
  }

  /** The name Azure uses for this value, e.g. {@code UpdateRollUp} or {@code Unclassified}. */
  public String azureName() {
    return azureName;
  }

  /** Whether this is {@link #CRITICAL} or {@link #SECURITY}, the only ones automatic patching installs (C1). */
  public boolean isCriticalOrSecurity() {
    return this == CRITICAL || this == SECURITY;
  }

  /**
   * The Windows install enum value that selects this classification; empty for {@link #OTHER} and
   * {@link #UNCLASSIFIED}, which no Windows {@code classificationsToInclude} entry selects.
   */
  public Optional<VMGuestPatchClassificationWindows> toWindows() {
    switch (this) {
      case CRITICAL:
        return Optional.of(VMGuestPatchClassificationWindows.CRITICAL);
      case SECURITY:
        return Optional.of(VMGuestPatchClassificationWindows.SECURITY);
      case UPDATE_ROLLUP:
        return Optional.of(VMGuestPatchClassificationWindows.UPDATE_ROLL_UP);
      case FEATURE_PACK:
        return Optional.of(VMGuestPatchClassificationWindows.FEATURE_PACK);
      case SERVICE_PACK:
        return Optional.of(VMGuestPatchClassificationWindows.SERVICE_PACK);
      case DEFINITION:
        return Optional.of(VMGuestPatchClassificationWindows.DEFINITION);
      case TOOLS:
        return Optional.of(VMGuestPatchClassificationWindows.TOOLS);
      case UPDATES:
        return Optional.of(VMGuestPatchClassificationWindows.UPDATES);
      default:
        return Optional.empty();
    }
  }

  /**
   * The Linux install enum value that selects this classification: {@code Critical}, {@code Security},
   * and {@code Other} for everything else, {@link #UNCLASSIFIED} included (Linux {@code Other} means
   * "everything that is not critical or security").
   */
  public VMGuestPatchClassificationLinux toLinux() {
    switch (this) {
      case CRITICAL:
        return VMGuestPatchClassificationLinux.CRITICAL;
      case SECURITY:
        return VMGuestPatchClassificationLinux.SECURITY;
      default:
        return VMGuestPatchClassificationLinux.OTHER;
    }
  }
}
