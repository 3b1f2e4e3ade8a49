package io.guestpatch.policy;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One assessed patch with its install classification and the provenance of that decision (rules
 * C1, C2, C4): which label decided ({@link #label()}), by which rule and reason code ({@link #ruleId()},
 * {@link #reason()}), and a sentence a user can read ({@link #source()}), such as
 * {@code label 'Security Updates' -> Security (C2)}.
 *
 * <p>Made by {@link PatchClassifier}; immutable and thread-safe.
 */
@Value.Immutable
public abstract class ClassifiedPatch {
  ClassifiedPatch() {}

  /** The patch as the assessment reported it. */
  public abstract VirtualMachineSoftwarePatchProperties patch();

  /** The operating system whose labels were applied. */
  public abstract OperatingSystemTypes os();

  /** The chosen classification: the most severe of the patch's labels (C2). */
  public abstract PatchClassification classification();

  /** Every classification the patch's labels map to, the chosen one included. */
  public abstract Set<PatchClassification> allClassifications();

  /** The label that decided the classification; empty when the patch has no label. */
  public abstract Optional<String> label();

  /** The labels that match no known category of {@link #os()}, in the order given. */
  public abstract List<String> unknownLabels();

  /** The reason code of the classification, one of the {@code CLASSIFIED_*} codes of {@link PatchClassifier}. */
  public abstract String reason();

  /** The SPEC rule that decided the classification ({@code C2}). */
  public abstract String ruleId();

  /** Why, in words: which label, which classification, which rule. */
  public abstract String source();

  /** Whether the classification is Critical or Security. */
  public final boolean isCriticalOrSecurity() {
    return classification().isCriticalOrSecurity();
  }

  /**
   * Whether automatic (availability-first) patching installs this patch: only Critical and Security
   * do; everything else, definition updates included, is skipped and counted as other (C1).
   */
  public final boolean installedByAutoPatching() {
    return isCriticalOrSecurity();
  }

  /** {@link PatchClassifier#AUTO_PATCH_INSTALL} or {@link PatchClassifier#AUTO_PATCH_SKIP} (C1). */
  public final String autoPatchReason() {
    return installedByAutoPatching() ? PatchClassifier.AUTO_PATCH_INSTALL : PatchClassifier.AUTO_PATCH_SKIP;
  }

  /** Why automatic patching installs or skips this patch, in words (C1, C4). */
  public final String autoPatchSource() {
    return installedByAutoPatching()
        ? classification().azureName() + " is installed by automatic patching (C1)"
        : classification().azureName()
            + " is skipped by automatic patching, which installs only Critical and Security (C1)";
  }

  /** The Windows install enum value of the chosen classification, when there is one. */
  public final Optional<VMGuestPatchClassificationWindows> windowsClassification() {
    return classification().toWindows();
  }

  /** The Linux install enum value of the chosen classification. */
  public final VMGuestPatchClassificationLinux linuxClassification() {
    return classification().toLinux();
  }

  /** The patch's name, or its id, or {@code "(unnamed)"}: for messages. */
  public final String displayName() {
    return patch().name().or(() -> patch().patchId()).orElse("(unnamed)");
  }
}
