package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules C1, C2 and C4: labels to classifications, and what automatic patching installs. */
class ClassifierTest {
  private static final OperatingSystemTypes WINDOWS = OperatingSystemTypes.WINDOWS;
  private static final OperatingSystemTypes LINUX = OperatingSystemTypes.LINUX;
  private final PatchClassifier classifier = PatchClassifier.ofDefaults();

  private static VirtualMachineSoftwarePatchProperties patch(String... labels) {
    return VirtualMachineSoftwarePatchProperties.builder()
        .patchId("p1")
        .name("a patch")
        .classifications(List.of(labels))
        .build();
  }

  // ---- edge cases first

  @Test
  @DisplayName("C2: a Windows patch without labels is Other, recorded as CLASSIFIED_NO_LABEL")
  void windowsPatchWithoutLabelIsOther() {
    ClassifiedPatch c = classifier.classify(patch(), WINDOWS);
    assertThat(c.classification()).isEqualTo(PatchClassification.OTHER);
    assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_NO_LABEL);
    assertThat(c.label()).isEmpty();
    assertThat(c.source()).isEqualTo("no label -> Other (C2)");
    assertThat(c.installedByAutoPatching()).isFalse();
  }

  @Test
  @DisplayName("C2: a Linux patch without labels is Unclassified")
  void linuxPatchWithoutLabelIsUnclassified() {
    ClassifiedPatch c = classifier.classify(patch(), LINUX);
    assertThat(c.classification()).isEqualTo(PatchClassification.UNCLASSIFIED);
    assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_NO_LABEL);
    assertThat(c.linuxClassification()).isEqualTo(VMGuestPatchClassificationLinux.OTHER);
  }

  @Test
  @DisplayName("C2: an operating system other than Windows or Linux is bad configuration")
  void rejectsUnknownOperatingSystem() {
    assertThatThrownBy(() -> classifier.classify(patch("Security"), OperatingSystemTypes.fromString("Solaris")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("os must be Windows or Linux")
        .hasMessageContaining("Solaris");
  }

  @Test
  @DisplayName("C2, C4: an unknown Windows label maps to Other with the label and reason recorded")
  void unknownWindowsLabelIsOtherWithReason() {
    ClassifiedPatch c = classifier.classify(patch("Drivers"), WINDOWS);
    assertThat(c.classification()).isEqualTo(PatchClassification.OTHER);
    assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_UNKNOWN_LABEL);
    assertThat(c.label()).contains("Drivers");
    assertThat(c.unknownLabels()).containsExactly("Drivers");
    assertThat(c.source()).isEqualTo("label 'Drivers' is not a known Windows category -> Other (C2)");
    assertThat(c.windowsClassification()).isEmpty();
    assertThat(c.installedByAutoPatching()).isFalse();
  }

  @Test
  @DisplayName("C2: several unknown labels are all recorded")
  void severalUnknownLabels() {
    ClassifiedPatch c = classifier.classify(patch("Drivers", "Upgrades"), WINDOWS);
    assertThat(c.classification()).isEqualTo(PatchClassification.OTHER);
    assertThat(c.unknownLabels()).containsExactly("Drivers", "Upgrades");
    assertThat(c.source()).contains("'Drivers', 'Upgrades'").contains("-> Other");
  }

  @Test
  @DisplayName("C2: Windows category names on a Linux patch are unknown labels")
  void windowsLabelOnLinuxIsUnknown() {
    ClassifiedPatch c = classifier.classify(patch("Security Updates"), LINUX);
    assertThat(c.classification()).isEqualTo(PatchClassification.OTHER);
    assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_UNKNOWN_LABEL);
    assertThat(c.installedByAutoPatching()).isFalse();
  }

  // ---- C2 Windows categories

  static Stream<Arguments> windowsCategories() {
    return Stream.of(
        Arguments.of("Critical Updates", PatchClassification.CRITICAL, VMGuestPatchClassificationWindows.CRITICAL),
        Arguments.of("Security Updates", PatchClassification.SECURITY, VMGuestPatchClassificationWindows.SECURITY),
        Arguments.of("Update Rollups", PatchClassification.UPDATE_ROLLUP, VMGuestPatchClassificationWindows.UPDATE_ROLL_UP),
        Arguments.of("Feature Packs", PatchClassification.FEATURE_PACK, VMGuestPatchClassificationWindows.FEATURE_PACK),
        Arguments.of("Service Packs", PatchClassification.SERVICE_PACK, VMGuestPatchClassificationWindows.SERVICE_PACK),
        Arguments.of("Definition Updates", PatchClassification.DEFINITION, VMGuestPatchClassificationWindows.DEFINITION),
        Arguments.of("Tools", PatchClassification.TOOLS, VMGuestPatchClassificationWindows.TOOLS),
        Arguments.of("Updates", PatchClassification.UPDATES, VMGuestPatchClassificationWindows.UPDATES));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("windowsCategories")
  @DisplayName("C2: each Windows category maps to its install enum value in any casing")
  void mapsWindowsCategoryInAnyCasing(
      String label, PatchClassification expected, VMGuestPatchClassificationWindows wire) {
    for (String casing : casings(label)) {
      ClassifiedPatch c = classifier.classify(patch(casing), WINDOWS);
      assertThat(c.classification()).as(casing).isEqualTo(expected);
      assertThat(c.windowsClassification()).as(casing).contains(wire);
      assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_BY_LABEL);
      assertThat(c.ruleId()).isEqualTo("C2");
      assertThat(c.label()).contains(casing);
      assertThat(c.source()).isEqualTo("label '" + casing + "' -> " + expected.azureName() + " (C2)");
    }
  }

  static Stream<Arguments> windowsEnumNames() {
    return Stream.of(
        Arguments.of("Critical", PatchClassification.CRITICAL),
        Arguments.of("Security", PatchClassification.SECURITY),
        Arguments.of("UpdateRollUp", PatchClassification.UPDATE_ROLLUP),
        Arguments.of("UpdateRollup", PatchClassification.UPDATE_ROLLUP),
        Arguments.of("FeaturePack", PatchClassification.FEATURE_PACK),
        Arguments.of("ServicePack", PatchClassification.SERVICE_PACK),
        Arguments.of("Definition", PatchClassification.DEFINITION),
        Arguments.of("Tools", PatchClassification.TOOLS),
        Arguments.of("Updates", PatchClassification.UPDATES));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("windowsEnumNames")
  @DisplayName("C2: the Windows install enum names are accepted as labels too")
  void acceptsWindowsEnumNames(String label, PatchClassification expected) {
    for (String casing : casings(label)) {
      assertThat(classifier.classify(patch(casing), WINDOWS).classification()).as(casing).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("C2: surrounding blanks around a label are ignored")
  void ignoresBlanksAroundLabel() {
    assertThat(classifier.classify(patch("  Security Updates "), WINDOWS).classification())
        .isEqualTo(PatchClassification.SECURITY);
  }

  // ---- C2 Linux labels

  static Stream<Arguments> linuxLabels() {
    return Stream.of(
        Arguments.of("Critical", PatchClassification.CRITICAL, VMGuestPatchClassificationLinux.CRITICAL),
        Arguments.of("Security", PatchClassification.SECURITY, VMGuestPatchClassificationLinux.SECURITY),
        Arguments.of("Other", PatchClassification.OTHER, VMGuestPatchClassificationLinux.OTHER),
        Arguments.of("Unclassified", PatchClassification.UNCLASSIFIED, VMGuestPatchClassificationLinux.OTHER));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("linuxLabels")
  @DisplayName("C2: the Linux labels Critical, Security, Other, Unclassified, in any casing")
  void mapsLinuxLabels(String label, PatchClassification expected, VMGuestPatchClassificationLinux wire) {
    for (String casing : casings(label)) {
      ClassifiedPatch c = classifier.classify(patch(casing), LINUX);
      assertThat(c.classification()).as(casing).isEqualTo(expected);
      assertThat(c.linuxClassification()).isEqualTo(wire);
      assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_BY_LABEL);
    }
  }

  // ---- C2 several labels

  @Test
  @DisplayName("C2, C4: of several labels the most severe wins, and that is recorded")
  void picksMostSevereOfSeveralLabels() {
    ClassifiedPatch c = classifier.classify(patch("Updates", "Security Updates", "Definition Updates"), WINDOWS);
    assertThat(c.classification()).isEqualTo(PatchClassification.SECURITY);
    assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_MOST_SEVERE_LABEL);
    assertThat(c.label()).contains("Security Updates");
    assertThat(c.allClassifications()).containsExactlyInAnyOrder(
        PatchClassification.SECURITY, PatchClassification.UPDATES, PatchClassification.DEFINITION);
    assertThat(c.source()).isEqualTo(
        "labels ['Updates', 'Security Updates', 'Definition Updates'] -> Security, the most severe, "
            + "from label 'Security Updates' (C2)");
    assertThat(c.installedByAutoPatching()).isTrue();
  }

  @Test
  @DisplayName("C2: Critical is more severe than Security")
  void criticalBeatsSecurity() {
    assertThat(classifier.classify(patch("Security Updates", "Critical Updates"), WINDOWS).classification())
        .isEqualTo(PatchClassification.CRITICAL);
    assertThat(classifier.classify(patch("Security", "Critical"), LINUX).classification())
        .isEqualTo(PatchClassification.CRITICAL);
  }

  @Test
  @DisplayName("C2: a known label beats an unknown one, which is still recorded")
  void knownLabelBeatsUnknown() {
    ClassifiedPatch c = classifier.classify(patch("Drivers", "Definition Updates"), WINDOWS);
    assertThat(c.classification()).isEqualTo(PatchClassification.DEFINITION);
    assertThat(c.reason()).isEqualTo(PatchClassifier.CLASSIFIED_MOST_SEVERE_LABEL);
    assertThat(c.unknownLabels()).containsExactly("Drivers");
  }

  @Test
  @DisplayName("C2: on Linux, Security beats Other and Unclassified")
  void linuxSecurityBeatsOther() {
    assertThat(classifier.classify(patch("Other", "Security", "Unclassified"), LINUX).classification())
        .isEqualTo(PatchClassification.SECURITY);
  }

  // ---- C1

  @ParameterizedTest
  @EnumSource(PatchClassification.class)
  @DisplayName("C1: automatic patching installs only Critical and Security")
  void autoPatchingInstallsOnlyCriticalAndSecurity(PatchClassification c) {
    boolean expected = c == PatchClassification.CRITICAL || c == PatchClassification.SECURITY;
    assertThat(c.isCriticalOrSecurity()).isEqualTo(expected);
  }

  @Test
  @DisplayName("C1: a definition update is skipped by automatic patching and counted as other")
  void definitionUpdatesAreSkipped() {
    ClassifiedPatch c = classifier.classify(patch("Definition Updates"), WINDOWS);
    assertThat(c.installedByAutoPatching()).isFalse();
    assertThat(c.isCriticalOrSecurity()).isFalse();
    assertThat(c.autoPatchReason()).isEqualTo(PatchClassifier.AUTO_PATCH_SKIP);
    assertThat(c.autoPatchSource()).contains("Definition").contains("C1");
  }

  @Test
  @DisplayName("C1: security and critical patches are installed by automatic patching")
  void securityAndCriticalAreInstalled() {
    for (String label : List.of("Security Updates", "Critical Updates", "critical", "SECURITY")) {
      ClassifiedPatch c = classifier.classify(patch(label), WINDOWS);
      assertThat(c.installedByAutoPatching()).as(label).isTrue();
      assertThat(c.autoPatchReason()).isEqualTo(PatchClassifier.AUTO_PATCH_INSTALL);
    }
    assertThat(classifier.classify(patch("Security"), LINUX).installedByAutoPatching()).isTrue();
    assertThat(classifier.classify(patch("Other"), LINUX).installedByAutoPatching()).isFalse();
    assertThat(classifier.classify(patch("Unclassified"), LINUX).installedByAutoPatching()).isFalse();
  }

  // ---- mappings

  @Test
  @DisplayName("C2: Other and Unclassified have no Windows install value; on Linux they select as Other")
  void osMappings() {
    assertThat(PatchClassification.OTHER.toWindows()).isEmpty();
    assertThat(PatchClassification.UNCLASSIFIED.toWindows()).isEmpty();
    assertThat(PatchClassification.UPDATE_ROLLUP.toWindows())
        .isEqualTo(Optional.of(VMGuestPatchClassificationWindows.UPDATE_ROLL_UP));
    assertThat(PatchClassification.DEFINITION.toLinux()).isEqualTo(VMGuestPatchClassificationLinux.OTHER);
    assertThat(PatchClassification.CRITICAL.toLinux()).isEqualTo(VMGuestPatchClassificationLinux.CRITICAL);
    for (PatchClassification c : PatchClassification.values()) {
      c.toWindows().ifPresent(w -> assertThat(w.isKnown()).isTrue());
      c.toWindows().ifPresent(w -> assertThat(w.value()).isEqualTo(c.azureName()));
    }
  }

  private static List<String> casings(String label) {
    StringBuilder alternating = new StringBuilder();
    for (int i = 0; i < label.length(); i++) {
      char ch = label.charAt(i);
      alternating.append(i % 2 == 0 ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
    }
    return List.of(label, label.toLowerCase(Locale.ROOT), label.toUpperCase(Locale.ROOT), alternating.toString());
  }
}
