package io.guestpatch.policy;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies assessed patches (rules C1-C4): maps the publisher's free-text {@code classifications}
 * labels to the install enum, decides what automatic patching would install, and sums an assessment up
 * as Azure's {@code AvailablePatchSummary} does.
 *
 * <p>Windows labels (case-insensitive, surrounding blanks ignored): {@code Critical Updates},
 * {@code Security Updates}, {@code Update Rollups}, {@code Feature Packs}, {@code Service Packs},
 * {@code Definition Updates}, {@code Tools}, {@code Updates}, and the install enum names themselves
 * ({@code Critical}, {@code Security}, {@code UpdateRollUp}, {@code FeaturePack}, {@code ServicePack},
 * {@code Definition}, {@code Tools}, {@code Updates}). Linux labels: {@code Critical}, {@code Security},
 * {@code Other}, {@code Unclassified}. A patch with several labels takes the most severe
 * (declaration order of {@link PatchClassification}); a label matching nothing maps to
 * {@link PatchClassification#OTHER}; a patch without labels is {@code Other} on Windows and
 * {@code Unclassified} on Linux. Every decision records its reason code and source (C4).
 *
 * <pre>{@code
 * PatchClassifier classifier = PatchClassifier.ofDefaults();
 * AssessmentClassification a = classifier.classify(assessResult, OperatingSystemTypes.WINDOWS);
 * a.criticalAndSecurityPatchCount();
 * }</pre>
 *
 * <p>Stateless and thread-safe. Throws {@link IllegalArgumentException} when the operating system is
 * neither Windows nor Linux; bad labels are never an exception, they are classified as other.
 */
public final class PatchClassifier {
  /** C2: the patch's only label names a known category. */
  public static final String CLASSIFIED_BY_LABEL = "CLASSIFIED_BY_LABEL";

  /** C2: the patch has several labels; the most severe known one decided. */
  public static final String CLASSIFIED_MOST_SEVERE_LABEL = "CLASSIFIED_MOST_SEVERE_LABEL";

  /** C2: no label of the patch names a known category; it is classified Other. */
  public static final String CLASSIFIED_UNKNOWN_LABEL = "CLASSIFIED_UNKNOWN_LABEL";

  /** C2: the patch has no label; Other on Windows, Unclassified on Linux. */
  public static final String CLASSIFIED_NO_LABEL = "CLASSIFIED_NO_LABEL";

  /** C1: automatic patching installs the patch (Critical or Security). */
  public static final String AUTO_PATCH_INSTALL = "AUTO_PATCH_INSTALL";

  /** C1: automatic patching skips the patch and counts it as other. */
  public static final String AUTO_PATCH_SKIP = "AUTO_PATCH_SKIP";

  private static final String RULE_C2 = "C2";
  private static final PatchClassifier DEFAULTS = new PatchClassifier();

  private final Map<String, PatchClassification> windowsLabels = new HashMap<>();
  private final Map<String, PatchClassification> linuxLabels = new HashMap<>();

  private PatchClassifier() {
    windows("Critical Updates", PatchClassification.CRITICAL);
    windows("Security Updates", PatchClassification.SECURITY);
    windows("Update Rollups", PatchClassification.UPDATE_ROLLUP);
    windows("Feature Packs", PatchClassification.FEATURE_PACK);
    windows("Service Packs", PatchClassification.SERVICE_PACK);
    windows("Definition Updates", PatchClassification.DEFINITION);
    windows("Tools", PatchClassification.TOOLS);
    windows("Updates", PatchClassification.UPDATES);
    for (PatchClassification c : PatchClassification.values()) {
      c.toWindows().ifPresent(w -> windows(w.value(), c));
    }
    linux("Critical", PatchClassification.CRITICAL);
    linux("Security", PatchClassification.SECURITY);
    linux("Other", PatchClassification.OTHER);
    linux("Unclassified", PatchClassification.UNCLASSIFIED);
  }

  private void windows(String label, PatchClassification c) {
    windowsLabels.put(label.toLowerCase(Locale.ROOT), c);
  }

  private void linux(String label, PatchClassification c) {
    linuxLabels.put(label.toLowerCase(Locale.ROOT), c);
  }

  /** The classifier with Azure's label tables. */
  public static PatchClassifier ofDefaults() {
    return DEFAULTS;
  }

  /**
   * Classifies one patch (C2) and records why (C4).
   *
   * @param patch the assessed patch
   * @param os {@code Windows} or {@code Linux}
   * @throws IllegalArgumentException when {@code os} is neither Windows nor Linux
   */
  public ClassifiedPatch classify(VirtualMachineSoftwarePatchProperties patch, OperatingSystemTypes os) {
    Objects.requireNonNull(patch, "patch");
    boolean windows = isWindows(os);
    Map<String, PatchClassification> table = windows ? windowsLabels : linuxLabels;
    List<String> labels = patch.classifications();
    EnumSet<PatchClassification> known = EnumSet.noneOf(PatchClassification.class);
    List<String> unknown = new ArrayList<>(0);
    PatchClassification best = null;
    String bestLabel = null;
    for (String label : labels) {
      PatchClassification c = table.get(label.trim().toLowerCase(Locale.ROOT));
      if (c == null) {
        unknown.add(label);
        continue;
      }
      known.add(c);
      if (best == null || c.ordinal() < best.ordinal()) {
        best = c;
        bestLabel = label;
      }
    }
    ImmutableClassifiedPatch.Builder b =
        ImmutableClassifiedPatch.builder().patch(patch).os(os).ruleId(RULE_C2).unknownLabels(unknown);
    String osName = windows ? "Windows" : "Linux";
    if (best != null) {
      b.classification(best).allClassifications(known).label(bestLabel);
      if (labels.size() == 1) {
        b.reason(CLASSIFIED_BY_LABEL)
            .source("label '" + bestLabel + "' -> " + best.azureName() + " (C2)");
      } else {
        b.reason(CLASSIFIED_MOST_SEVERE_LABEL)
            .source("labels " + quoted(labels) + " -> " + best.azureName()
                + ", the most severe, from label '" + bestLabel + "' (C2)");
      }
    } else if (!labels.isEmpty()) {
      String first = labels.get(0);
      b.classification(PatchClassification.OTHER)
          .allClassifications(EnumSet.of(PatchClassification.OTHER))
          .label(first)
          .reason(CLASSIFIED_UNKNOWN_LABEL)
          .source((labels.size() == 1 ? "label '" + first + "' is" : "labels " + quoted(labels) + " are")
              + " not a known " + osName + " category -> Other (C2)");
    } else {
      PatchClassification c = windows ? PatchClassification.OTHER : PatchClassification.UNCLASSIFIED;
      b.classification(c)
          .allClassifications(EnumSet.of(c))
          .reason(CLASSIFIED_NO_LABEL)
          .source("no label -> " + c.azureName() + " (C2)");
    }
    return b.build();
  }

  /**
   * Classifies every patch of an assessment and counts them as Azure does (C3): Critical and Security
   * in {@code criticalAndSecurityPatchCount}, all others in {@code otherPatchCount}.
   *
   * @throws IllegalArgumentException when {@code os} is neither Windows nor Linux
   */
  public AssessmentClassification classify(VirtualMachineAssessPatchesResult result, OperatingSystemTypes os) {
    Objects.requireNonNull(result, "result");
    isWindows(os);
    List<ClassifiedPatch> patches = new ArrayList<>(result.availablePatches().size());
    int criticalAndSecurity = 0;
    for (VirtualMachineSoftwarePatchProperties p : result.availablePatches()) {
      ClassifiedPatch c = classify(p, os);
      patches.add(c);
      if (c.isCriticalOrSecurity()) {
        criticalAndSecurity++;
      }
    }
    return ImmutableAssessmentClassification.builder()
        .result(result)
        .os(os)
        .patches(patches)
        .criticalAndSecurityPatchCount(criticalAndSecurity)
        .otherPatchCount(patches.size() - criticalAndSecurity)
        .build();
  }

  /** Whether the OS is Windows (true) or Linux (false); anything else is bad configuration. */
  static boolean isWindows(OperatingSystemTypes os) {
    Objects.requireNonNull(os, "os");
    if (os.equals(OperatingSystemTypes.WINDOWS)) {
      return true;
    }
    if (os.equals(OperatingSystemTypes.LINUX)) {
      return false;
    }
    throw new IllegalArgumentException(
        "os must be Windows or Linux to classify or select patches, was '" + os.value() + "'");
  }

  private static String quoted(List<String> labels) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < labels.size(); i++) {
      sb.append(i == 0 ? "'" : ", '").append(labels.get(i)).append('\'');
    }
    return sb.append(']').toString();
  }

  @Override
  public String toString() {
    return "PatchClassifier[defaults]";
  }
}
