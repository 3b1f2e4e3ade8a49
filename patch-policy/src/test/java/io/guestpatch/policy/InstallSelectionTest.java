package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.LinuxParameters;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchInstallationDetail;
import io.guestpatch.model.PatchInstallationState;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootBehavior;
import io.guestpatch.model.VMGuestPatchRebootSetting;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import io.guestpatch.model.WindowsParameters;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules S2-S5: which patches an on-demand install selects, excludes or leaves. */
class InstallSelectionTest {
  private static final OperatingSystemTypes WINDOWS = OperatingSystemTypes.WINDOWS;
  private static final OperatingSystemTypes LINUX = OperatingSystemTypes.LINUX;
  private final InstallSelector selector = InstallSelector.ofDefaults();

  private static VirtualMachineSoftwarePatchProperties.Builder win(String kb, String label) {
    return VirtualMachineSoftwarePatchProperties.builder()
        .patchId("id-" + kb)
        .name("Update KB" + kb)
        .version("")
        .kbId(kb)
        .addClassifications(label)
        .rebootBehavior(VMGuestPatchRebootBehavior.NEVER_REBOOTS);
  }

  private static VirtualMachineSoftwarePatchProperties pkg(String name, String version, String label) {
    return VirtualMachineSoftwarePatchProperties.builder()
        .patchId(name + "_" + version)
        .name(name)
        .version(version)
        .addClassifications(label)
        .build();
  }

  private static VirtualMachineInstallPatchesParameters windows(WindowsParameters wp) {
    return VirtualMachineInstallPatchesParameters.builder()
        .rebootSetting(VMGuestPatchRebootSetting.IF_REQUIRED).windowsParameters(wp).build();
  }

  private static VirtualMachineInstallPatchesParameters linux(LinuxParameters lp) {
    return VirtualMachineInstallPatchesParameters.builder()
        .rebootSetting(VMGuestPatchRebootSetting.NEVER).linuxParameters(lp).build();
  }

  private static WindowsParameters.Builder classes(VMGuestPatchClassificationWindows... c) {
    return WindowsParameters.builder().addClassificationsToInclude(c);
  }

  private PatchSelection one(VirtualMachineInstallPatchesParameters p, VirtualMachineSoftwarePatchProperties patch,
      OperatingSystemTypes os) {
    InstallSelection s = selector.select(p, List.of(patch), os);
    assertThat(s.selections()).hasSize(1);
    return s.selections().get(0);
  }

  // ---- edge cases

  @Test
  @DisplayName("S5: no patches gives zero counts")
  void noPatches() {
    InstallSelection s = selector.select(windows(classes(VMGuestPatchClassificationWindows.CRITICAL).build()),
        List.of(), WINDOWS);
    assertThat(s.selections()).isEmpty();
    assertThat(s.pendingPatchCount() + s.excludedPatchCount() + s.notSelectedPatchCount()).isZero();
  }

  @Test
  @DisplayName("S5: warnings of the request are kept in the selection")
  void keepsWarnings() {
    VirtualMachineInstallPatchesParameters p = VirtualMachineInstallPatchesParameters.builder()
        .rebootSetting(VMGuestPatchRebootSetting.NEVER)
        .windowsParameters(classes(VMGuestPatchClassificationWindows.CRITICAL).build())
        .linuxParameters(LinuxParameters.builder().build())
        .build();
    assertThat(selector.select(p, List.of(), WINDOWS).warnings()
        .hasReason(InstallSelector.INSTALL_PARAMETERS_FOR_OTHER_OS)).isTrue();
  }

  // ---- S2 / S5 on Windows

  @Test
  @DisplayName("S2, S5: classifications select; the rest is NotSelected; counts match Azure's fields")
  void selectsByClassificationAndCounts() {
    InstallSelection s = selector.select(
        windows(classes(VMGuestPatchClassificationWindows.CRITICAL, VMGuestPatchClassificationWindows.SECURITY)
            .addKbNumbersToExclude("KB3").build()),
        List.of(win("1", "Security Updates").build(), win("2", "Definition Updates").build(),
            win("3", "Critical Updates").build(), win("4", "Critical Updates").build()),
        WINDOWS);
    assertThat(s.selections()).extracting(PatchSelection::state).containsExactly(
        SelectionState.PENDING, SelectionState.NOT_SELECTED, SelectionState.EXCLUDED, SelectionState.PENDING);
    assertThat(s.pendingPatchCount()).isEqualTo(2);
    assertThat(s.excludedPatchCount()).isEqualTo(1);
    assertThat(s.notSelectedPatchCount()).isEqualTo(1);
    assertThat(s.pending()).extracting(p -> p.patch().patch().kbId().orElseThrow()).containsExactly("1", "4");
    PatchSelection first = s.selections().get(0);
    assertThat(first.reason()).isEqualTo(InstallSelector.SELECTED_BY_CLASSIFICATION);
    assertThat(first.ruleId()).isEqualTo("S2");
    assertThat(first.matchedEntry()).contains("Security");
    assertThat(first.detail()).contains("label 'Security Updates' -> Security (C2)");
    PatchSelection second = s.selections().get(1);
    assertThat(second.reason()).isEqualTo(InstallSelector.NOT_SELECTED_NO_MATCH);
    assertThat(second.installationState()).isEqualTo(PatchInstallationState.NOT_SELECTED);
  }

  @Test
  @DisplayName("S5: each decision converts to Azure's PatchInstallationDetail")
  void convertsToInstallationDetail() {
    PatchSelection s = one(windows(classes(VMGuestPatchClassificationWindows.UPDATE_ROLL_UP).build()),
        win("890830", "Update Rollups").build(), WINDOWS);
    PatchInstallationDetail d = s.toPatchInstallationDetail();
    assertThat(d.installationState()).contains(PatchInstallationState.PENDING);
    assertThat(d.kbId()).contains("890830");
    assertThat(d.patchId()).contains("id-890830");
    assertThat(d.classifications()).containsExactly("Update Rollups");
    assertThat(d.version()).contains("");
  }

  @Test
  @DisplayName("S2: a patch with several labels is selected when any of them is included")
  void multiLabelPatchSelectedByAnyLabel() {
    VirtualMachineSoftwarePatchProperties p = win("7", "Security Updates").addClassifications("Updates").build();
    PatchSelection s = one(windows(classes(VMGuestPatchClassificationWindows.UPDATES).build()), p, WINDOWS);
    assertThat(s.state()).isEqualTo(SelectionState.PENDING);
    assertThat(s.matchedEntry()).contains("Updates");
  }

  @Test
  @DisplayName("S2: a patch with an unknown label is only selected when explicitly included")
  void unknownLabelNeedsExplicitInclude() {
    VirtualMachineSoftwarePatchProperties p = win("8", "Drivers").build();
    WindowsParameters.Builder all = WindowsParameters.builder();
    VMGuestPatchClassificationWindows.values().forEach(all::addClassificationsToInclude);
    assertThat(one(windows(all.build()), p, WINDOWS).state()).isEqualTo(SelectionState.NOT_SELECTED);
    assertThat(one(windows(all.addKbNumbersToInclude("8").build()), p, WINDOWS).state())
        .isEqualTo(SelectionState.PENDING);
  }

  // ---- S3 KB numbers

  @ParameterizedTest
  @ValueSource(strings = {"890830", "KB890830", "kb890830"})
  @DisplayName("S3: kbNumbersToInclude matches with or without the KB prefix")
  void includesKbWithOrWithoutPrefix(String entry) {
    for (String kbId : List.of("890830", "KB890830")) {
      PatchSelection s = one(windows(WindowsParameters.builder().addKbNumbersToInclude(entry).build()),
          win(kbId, "Update Rollups").build(), WINDOWS);
      assertThat(s.state()).as(entry + " vs " + kbId).isEqualTo(SelectionState.PENDING);
      assertThat(s.reason()).isEqualTo(InstallSelector.SELECTED_BY_KB_NUMBER);
      assertThat(s.matchedEntry()).contains(entry);
    }
    PatchSelection other = one(windows(WindowsParameters.builder().addKbNumbersToInclude(entry).build()),
        win("8908301", "Update Rollups").build(), WINDOWS);
    assertThat(other.state()).isEqualTo(SelectionState.NOT_SELECTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"890830", "KB890830", "Kb890830"})
  @DisplayName("S3: kbNumbersToExclude wins over a classification and a KB include")
  void excludedKbWinsOverInclusion(String entry) {
    PatchSelection s = one(windows(classes(VMGuestPatchClassificationWindows.CRITICAL)
            .addKbNumbersToInclude("890830").addKbNumbersToExclude(entry).build()),
        win("890830", "Critical Updates").build(), WINDOWS);
    assertThat(s.state()).isEqualTo(SelectionState.EXCLUDED);
    assertThat(s.reason()).isEqualTo(InstallSelector.EXCLUDED_BY_KB_NUMBER);
    assertThat(s.ruleId()).isEqualTo("S3");
    assertThat(s.matchedEntry()).contains(entry);
  }

  // ---- S3 excludeKbsRequiringReboot

  @Test
  @DisplayName("S3: excludeKbsRequiringReboot keeps only NeverReboots; absent, Unknown and others are excluded")
  void excludeKbsRequiringRebootByBehaviour() {
    WindowsParameters wp = classes(VMGuestPatchClassificationWindows.SECURITY).excludeKbsRequiringReboot(true).build();
    assertThat(one(windows(wp), win("1", "Security Updates").build(), WINDOWS).state())
        .isEqualTo(SelectionState.PENDING);
    assertThat(one(windows(wp), win("1", "Security Updates")
        .rebootBehavior(VMGuestPatchRebootBehavior.fromString("neverreboots")).build(), WINDOWS).state())
        .isEqualTo(SelectionState.PENDING);
    for (VMGuestPatchRebootBehavior b : List.of(VMGuestPatchRebootBehavior.ALWAYS_REQUIRES_REBOOT,
        VMGuestPatchRebootBehavior.CAN_REQUEST_REBOOT, VMGuestPatchRebootBehavior.UNKNOWN,
        VMGuestPatchRebootBehavior.fromString("SometimesReboots"))) {
      PatchSelection s = one(windows(wp), win("1", "Security Updates").rebootBehavior(b).build(), WINDOWS);
      assertThat(s.state()).as(b.value()).isEqualTo(SelectionState.EXCLUDED);
      assertThat(s.reason()).isEqualTo(InstallSelector.EXCLUDED_MAY_REQUIRE_REBOOT);
      assertThat(s.detail()).contains(b.value());
    }
    PatchSelection absent = one(windows(wp), win("1", "Security Updates").rebootBehavior(Optional.empty()).build(),
        WINDOWS);
    assertThat(absent.state()).isEqualTo(SelectionState.EXCLUDED);
    assertThat(absent.detail()).contains("not reported");
  }

  @Test
  @DisplayName("S3: without excludeKbsRequiringReboot, rebooting patches are selected")
  void rebootingPatchesSelectedWhenNotExcluded() {
    for (Optional<Boolean> flag : List.of(Optional.<Boolean>empty(), Optional.of(false))) {
      WindowsParameters wp = classes(VMGuestPatchClassificationWindows.SECURITY)
          .excludeKbsRequiringReboot(flag).build();
      assertThat(one(windows(wp), win("1", "Security Updates")
          .rebootBehavior(VMGuestPatchRebootBehavior.ALWAYS_REQUIRES_REBOOT).build(), WINDOWS).state())
          .isEqualTo(SelectionState.PENDING);
    }
  }

  @Test
  @DisplayName("S3: excludeKbsRequiringReboot also beats an explicit KB include")
  void rebootExclusionBeatsKbInclude() {
    WindowsParameters wp = WindowsParameters.builder().addKbNumbersToInclude("1").excludeKbsRequiringReboot(true).build();
    assertThat(one(windows(wp), win("1", "Updates")
        .rebootBehavior(VMGuestPatchRebootBehavior.CAN_REQUEST_REBOOT).build(), WINDOWS).state())
        .isEqualTo(SelectionState.EXCLUDED);
  }

  // ---- S3 maxPatchPublishDate

  @Test
  @DisplayName("S3: maxPatchPublishDate is inclusive: the same instant is selected, one nanosecond later is not")
  void maxPatchPublishDateBoundary() {
    Instant max = Instant.parse("2020-11-19T02:36:43.0539904Z");
    WindowsParameters wp = classes(VMGuestPatchClassificationWindows.SECURITY)
        .maxPatchPublishDate(AzureDateTime.parse("2020-11-19T02:36:43.0539904+00:00")).build();
    assertThat(one(windows(wp), win("1", "Security Updates").publishedDate(AzureDateTime.of(max)).build(), WINDOWS)
        .state()).isEqualTo(SelectionState.PENDING);
    assertThat(one(windows(wp), win("1", "Security Updates")
        .publishedDate(AzureDateTime.of(max.minusNanos(1))).build(), WINDOWS).state())
        .isEqualTo(SelectionState.PENDING);
    PatchSelection late = one(windows(wp), win("1", "Security Updates")
        .publishedDate(AzureDateTime.of(max.plusNanos(1))).build(), WINDOWS);
    assertThat(late.state()).isEqualTo(SelectionState.NOT_SELECTED);
    assertThat(late.reason()).isEqualTo(InstallSelector.NOT_SELECTED_PUBLISHED_AFTER_MAX_DATE);
    assertThat(one(windows(wp), win("1", "Security Updates")
        .publishedDate(AzureDateTime.parse("2020-11-19T04:36:43.0539904+02:00")).build(), WINDOWS).state())
        .as("same instant written with another offset").isEqualTo(SelectionState.PENDING);
  }

  @Test
  @DisplayName("S3: with maxPatchPublishDate, a patch without a published date is NotSelected")
  void missingPublishDateIsNotSelected() {
    WindowsParameters wp = classes(VMGuestPatchClassificationWindows.SECURITY)
        .maxPatchPublishDate(AzureDateTime.parse("2020-11-19T00:00:00Z")).build();
    PatchSelection s = one(windows(wp), win("1", "Security Updates").build(), WINDOWS);
    assertThat(s.state()).isEqualTo(SelectionState.NOT_SELECTED);
    assertThat(s.reason()).isEqualTo(InstallSelector.NOT_SELECTED_PUBLISH_DATE_UNKNOWN);
  }

  @Test
  @DisplayName("S3: an exclusion wins over the publish-date filter (Excluded, not NotSelected)")
  void exclusionBeforePublishDate() {
    WindowsParameters wp = classes(VMGuestPatchClassificationWindows.SECURITY).addKbNumbersToExclude("1")
        .maxPatchPublishDate(AzureDateTime.parse("2020-11-19T00:00:00Z")).build();
    assertThat(one(windows(wp), win("1", "Security Updates")
        .publishedDate(AzureDateTime.parse("2021-01-01T00:00:00Z")).build(), WINDOWS).state())
        .isEqualTo(SelectionState.EXCLUDED);
  }

  // ---- S3 patch name masks

  @Test
  @DisplayName("S3: patchNameMasksToInclude with * and ?, ignoring case")
  void includesByPatchNameMask() {
    VirtualMachineSoftwarePatchProperties sql = win("5", "Updates").name("Security Update for SQL Server 2019").build();
    for (String mask : List.of("*SQL*", "*sql*", "Security?Update*", "*Server?2019")) {
      PatchSelection s = one(windows(WindowsParameters.builder().addPatchNameMasksToInclude(mask).build()), sql, WINDOWS);
      assertThat(s.state()).as(mask).isEqualTo(SelectionState.PENDING);
      assertThat(s.reason()).isEqualTo(InstallSelector.SELECTED_BY_PATCH_NAME_MASK);
      assertThat(s.matchedEntry()).contains(mask);
    }
    for (String mask : List.of("SQL*", "*Server?20199", "Security?Updates*")) {
      assertThat(one(windows(WindowsParameters.builder().addPatchNameMasksToInclude(mask).build()), sql, WINDOWS)
          .state()).as(mask).isEqualTo(SelectionState.NOT_SELECTED);
    }
  }

  @Test
  @DisplayName("S3: patchNameMasksToExclude wins over classification, KB and mask includes")
  void excludesByPatchNameMask() {
    VirtualMachineSoftwarePatchProperties p = win("6", "Critical Updates").name("Cumulative Update for Windows").build();
    WindowsParameters wp = classes(VMGuestPatchClassificationWindows.CRITICAL).addKbNumbersToInclude("6")
        .addPatchNameMasksToInclude("*Cumulative*").addPatchNameMasksToExclude("*WINDOWS*").build();
    PatchSelection s = one(windows(wp), p, WINDOWS);
    assertThat(s.state()).isEqualTo(SelectionState.EXCLUDED);
    assertThat(s.reason()).isEqualTo(InstallSelector.EXCLUDED_BY_PATCH_NAME_MASK);
    assertThat(s.matchedEntry()).contains("*WINDOWS*");
  }

  // ---- S4 Linux

  private static LinuxParameters.Builder linuxClasses(VMGuestPatchClassificationLinux... c) {
    return LinuxParameters.builder().addClassificationsToInclude(c);
  }

  @Test
  @DisplayName("S2: Linux classifications select; Other also takes Unclassified and unknown labels")
  void linuxClassifications() {
    List<VirtualMachineSoftwarePatchProperties> patches = List.of(pkg("kernel", "5.4", "Critical"),
        pkg("openssl", "1.1", "Security"), pkg("vim", "8.2", "Other"), pkg("bash", "5.0", "Unclassified"),
        pkg("zsh", "5.8", "Bugfix"));
    InstallSelection security = selector.select(
        linux(linuxClasses(VMGuestPatchClassificationLinux.CRITICAL, VMGuestPatchClassificationLinux.SECURITY).build()),
        patches, LINUX);
    assertThat(security.selections()).extracting(PatchSelection::state).containsExactly(SelectionState.PENDING,
        SelectionState.PENDING, SelectionState.NOT_SELECTED, SelectionState.NOT_SELECTED, SelectionState.NOT_SELECTED);
    InstallSelection other = selector.select(linux(linuxClasses(VMGuestPatchClassificationLinux.OTHER).build()),
        patches, LINUX);
    assertThat(other.selections()).extracting(PatchSelection::state).containsExactly(SelectionState.NOT_SELECTED,
        SelectionState.NOT_SELECTED, SelectionState.PENDING, SelectionState.PENDING, SelectionState.PENDING);
    assertThat(other.pendingPatchCount()).isEqualTo(3);
    assertThat(other.notSelectedPatchCount()).isEqualTo(2);
  }

  @Test
  @DisplayName("S4: package masks are shell globs on the name: *, ? and classes")
  void linuxPackageGlobs() {
    LinuxParameters lp = LinuxParameters.builder().addPackageNameMasksToInclude("kernel*", "libc?", "python[23]").build();
    InstallSelection s = selector.select(linux(lp), List.of(pkg("kernel-headers", "5.4", "Other"),
        pkg("libc6", "2.31", "Other"), pkg("libc", "2.31", "Other"), pkg("python3", "3.8", "Other"),
        pkg("python4", "4.0", "Other"), pkg("Kernel", "1", "Other")), LINUX);
    assertThat(s.selections()).extracting(PatchSelection::state).containsExactly(SelectionState.PENDING,
        SelectionState.PENDING, SelectionState.NOT_SELECTED, SelectionState.PENDING, SelectionState.NOT_SELECTED,
        SelectionState.NOT_SELECTED);
    assertThat(s.selections().get(0).reason()).isEqualTo(InstallSelector.SELECTED_BY_PACKAGE_MASK);
    assertThat(s.selections().get(0).ruleId()).isEqualTo("S4");
    assertThat(s.selections().get(0).matchedEntry()).contains("kernel*");
  }

  @Test
  @DisplayName("S4: an include may pin a version as name=versionglob")
  void linuxVersionPin() {
    LinuxParameters lp = LinuxParameters.builder().addPackageNameMasksToInclude("openssl=1.1.1*").build();
    PatchSelection match = one(linux(lp), pkg("openssl", "1.1.1k-5.el8", "Security"), LINUX);
    assertThat(match.state()).isEqualTo(SelectionState.PENDING);
    assertThat(match.matchedEntry()).contains("openssl=1.1.1*");
    PatchSelection miss = one(linux(lp), pkg("openssl", "3.0.2", "Security"), LINUX);
    assertThat(miss.state()).isEqualTo(SelectionState.NOT_SELECTED);
    assertThat(miss.reason()).isEqualTo(InstallSelector.NOT_SELECTED_VERSION_MISMATCH);
    PatchSelection noVersion = one(linux(lp), VirtualMachineSoftwarePatchProperties.builder().name("openssl")
        .addClassifications("Security").build(), LINUX);
    assertThat(noVersion.reason()).isEqualTo(InstallSelector.NOT_SELECTED_VERSION_MISMATCH);
    assertThat(one(linux(LinuxParameters.builder().addPackageNameMasksToInclude("libc=1.0.1.1").build()),
        pkg("libc", "1.0.1.1", "Other"), LINUX).state()).isEqualTo(SelectionState.PENDING);
    assertThat(one(linux(LinuxParameters.builder().addPackageNameMasksToInclude("libc=1.0.1.1").build()),
        pkg("libc", "1.0.1.10", "Other"), LINUX).state()).isEqualTo(SelectionState.NOT_SELECTED);
  }

  @Test
  @DisplayName("S4: a version mismatch does not stop selection by classification")
  void versionMismatchStillSelectedByClassification() {
    LinuxParameters lp = linuxClasses(VMGuestPatchClassificationLinux.SECURITY)
        .addPackageNameMasksToInclude("openssl=1.1.1*").build();
    PatchSelection s = one(linux(lp), pkg("openssl", "3.0.2", "Security"), LINUX);
    assertThat(s.state()).isEqualTo(SelectionState.PENDING);
    assertThat(s.reason()).isEqualTo(InstallSelector.SELECTED_BY_CLASSIFICATION);
  }

  @ParameterizedTest
  @ValueSource(strings = {".x86_64", ".noarch", ".i686", ".aarch64"})
  @DisplayName("S4: architecture suffixes are ignored when matching, for includes and excludes")
  void ignoresArchitectureSuffixes(String suffix) {
    VirtualMachineSoftwarePatchProperties p = pkg("openssl-libs" + suffix, "1.1.1k", "Other");
    assertThat(one(linux(LinuxParameters.builder().addPackageNameMasksToInclude("openssl-libs").build()), p, LINUX)
        .state()).isEqualTo(SelectionState.PENDING);
    assertThat(one(linux(LinuxParameters.builder().addPackageNameMasksToInclude("openssl-libs=1.1.*").build()), p,
        LINUX).state()).isEqualTo(SelectionState.PENDING);
    assertThat(one(linux(LinuxParameters.builder().addPackageNameMasksToInclude("openssl-libs" + suffix).build()), p,
        LINUX).state()).as("the full name still matches").isEqualTo(SelectionState.PENDING);
    assertThat(one(linux(linuxClasses(VMGuestPatchClassificationLinux.OTHER)
        .addPackageNameMasksToExclude("openssl-libs").build()), p, LINUX).state()).isEqualTo(SelectionState.EXCLUDED);
  }

  @Test
  @DisplayName("S4: other dotted suffixes are part of the name")
  void otherSuffixesAreKept() {
    VirtualMachineSoftwarePatchProperties p = pkg("openssl.ppc64le", "1", "Other");
    assertThat(one(linux(LinuxParameters.builder().addPackageNameMasksToInclude("openssl").build()), p, LINUX)
        .state()).isEqualTo(SelectionState.NOT_SELECTED);
    assertThat(InstallSelector.withoutArchitecture(".x86_64")).isEqualTo(".x86_64");
    assertThat(InstallSelector.withoutArchitecture("python3.i686")).isEqualTo("python3");
  }

  @Test
  @DisplayName("S4: an exclude mask wins over an include mask and a classification")
  void linuxExclusionWins() {
    LinuxParameters lp = linuxClasses(VMGuestPatchClassificationLinux.CRITICAL)
        .addPackageNameMasksToInclude("kernel*").addPackageNameMasksToExclude("kernel-rt*").build();
    InstallSelection s = selector.select(linux(lp),
        List.of(pkg("kernel-rt-core", "5.14", "Critical"), pkg("kernel-core", "5.14", "Critical")), LINUX);
    assertThat(s.selections()).extracting(PatchSelection::state)
        .containsExactly(SelectionState.EXCLUDED, SelectionState.PENDING);
    assertThat(s.selections().get(0).reason()).isEqualTo(InstallSelector.EXCLUDED_BY_PACKAGE_MASK);
    assertThat(s.selections().get(0).matchedEntry()).contains("kernel-rt*");
    assertThat(s.excludedPatchCount()).isEqualTo(1);
    assertThat(s.pendingPatchCount()).isEqualTo(1);
  }
}
