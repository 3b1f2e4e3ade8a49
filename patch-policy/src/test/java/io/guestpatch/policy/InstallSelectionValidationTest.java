package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.LinuxParameters;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootSetting;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.WindowsParameters;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule S1 and the input rules of S3 and S4 for installPatches requests. */
class InstallSelectionValidationTest {
  private static final OperatingSystemTypes WINDOWS = OperatingSystemTypes.WINDOWS;
  private static final OperatingSystemTypes LINUX = OperatingSystemTypes.LINUX;
  private final InstallSelector selector = InstallSelector.ofDefaults();

  private static VirtualMachineInstallPatchesParameters.Builder request() {
    return VirtualMachineInstallPatchesParameters.builder()
        .maximumDuration("PT4H")
        .rebootSetting(VMGuestPatchRebootSetting.IF_REQUIRED);
  }

  private static VirtualMachineInstallPatchesParameters windows(WindowsParameters wp) {
    return request().windowsParameters(wp).build();
  }

  private static VirtualMachineInstallPatchesParameters linux(LinuxParameters lp) {
    return request().linuxParameters(lp).build();
  }

  private static WindowsParameters.Builder critical() {
    return WindowsParameters.builder().addClassificationsToInclude(VMGuestPatchClassificationWindows.CRITICAL);
  }

  private static LinuxParameters.Builder security() {
    return LinuxParameters.builder().addClassificationsToInclude(VMGuestPatchClassificationLinux.SECURITY);
  }

  // ---- S1

  @Test
  @DisplayName("S1: a request with no classification and no include entry is an error (Windows)")
  void rejectsWindowsRequestSelectingNothing() {
    for (VirtualMachineInstallPatchesParameters p : List.of(
        request().build(), windows(WindowsParameters.builder().addKbNumbersToExclude("123").build()))) {
      Violation v = only(selector.validate(p, WINDOWS));
      assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_NOTHING_TO_INCLUDE);
      assertThat(v.code()).isEqualTo("InvalidParameter");
      assertThat(v.target()).isEqualTo("windowsParameters");
      assertThat(v.isError()).isTrue();
      assertThat(v.message()).contains("classificationsToInclude");
    }
  }

  @Test
  @DisplayName("S1: a request with no classification and no include entry is an error (Linux)")
  void rejectsLinuxRequestSelectingNothing() {
    for (VirtualMachineInstallPatchesParameters p : List.of(
        request().build(), linux(LinuxParameters.builder().addPackageNameMasksToExclude("kernel*").build()))) {
      Violation v = only(selector.validate(p, LINUX));
      assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_NOTHING_TO_INCLUDE);
      assertThat(v.target()).isEqualTo("linuxParameters");
    }
  }

  @Test
  @DisplayName("S1: selection must be for the VM's OS: Linux parameters do not satisfy a Windows VM")
  void otherOsParametersDoNotSatisfyS1() {
    ValidationReport r = selector.validate(linux(security().build()), WINDOWS);
    assertThat(r.isValid()).isFalse();
    assertThat(r.hasReason(InstallSelector.INSTALL_NOTHING_TO_INCLUDE)).isTrue();
    assertThat(r.hasReason(InstallSelector.INSTALL_PARAMETERS_FOR_OTHER_OS)).isTrue();
  }

  @Test
  @DisplayName("S1: one include entry is enough, without any classification")
  void includeEntryAloneIsEnough() {
    assertThat(selector.validate(windows(WindowsParameters.builder().addKbNumbersToInclude("KB890830").build()),
        WINDOWS).isEmpty()).isTrue();
    assertThat(selector.validate(windows(WindowsParameters.builder().addPatchNameMasksToInclude("*SQL*").build()),
        WINDOWS).isEmpty()).isTrue();
    assertThat(selector.validate(linux(LinuxParameters.builder().addPackageNameMasksToInclude("kernel*").build()),
        LINUX).isEmpty()).isTrue();
    assertThat(selector.validate(windows(critical().build()), WINDOWS).isEmpty()).isTrue();
    assertThat(selector.validate(linux(security().build()), LINUX).isEmpty()).isTrue();
  }

  @Test
  @DisplayName("S1: rebootSetting is required")
  void requiresRebootSetting() {
    VirtualMachineInstallPatchesParameters p = VirtualMachineInstallPatchesParameters.builder()
        .windowsParameters(critical().build()).build();
    Violation v = only(selector.validate(p, WINDOWS));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_REBOOT_SETTING_REQUIRED);
    assertThat(v.target()).isEqualTo("rebootSetting");
  }

  @Test
  @DisplayName("S1: a rebootSetting outside IfRequired, Never, Always is an error")
  void rejectsUnknownRebootSetting() {
    VirtualMachineInstallPatchesParameters p = request()
        .rebootSetting(VMGuestPatchRebootSetting.fromString("NeverReboot"))
        .windowsParameters(critical().build()).build();
    Violation v = only(selector.validate(p, WINDOWS));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_REBOOT_SETTING_UNKNOWN);
    assertThat(v.message()).contains("NeverReboot");
  }

  @Test
  @DisplayName("S1: maximumDuration is optional")
  void maximumDurationIsOptional() {
    VirtualMachineInstallPatchesParameters p = VirtualMachineInstallPatchesParameters.builder()
        .rebootSetting(VMGuestPatchRebootSetting.NEVER).windowsParameters(critical().build()).build();
    assertThat(selector.validate(p, WINDOWS).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT0H", "-PT1H", "PT-5M"})
  @DisplayName("S1: maximumDuration must be positive")
  void rejectsNonPositiveDuration(String duration) {
    Violation v = only(selector.validate(request().maximumDuration(duration)
        .windowsParameters(critical().build()).build(), WINDOWS));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_MAXIMUM_DURATION_NOT_POSITIVE);
    assertThat(v.target()).isEqualTo("maximumDuration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4 hours", "PT", "P", "", "4H", "PT4X"})
  @DisplayName("S1: maximumDuration must be an ISO-8601 duration")
  void rejectsMalformedDuration(String duration) {
    Violation v = only(selector.validate(request().maximumDuration(duration)
        .windowsParameters(critical().build()).build(), WINDOWS));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_MAXIMUM_DURATION_INVALID);
    assertThat(v.target()).isEqualTo("maximumDuration");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT4H", "PT90M", "PT1S", "P1D", "PT235M"})
  @DisplayName("S1: positive ISO-8601 durations are accepted")
  void acceptsPositiveDurations(String duration) {
    assertThat(selector.validate(request().maximumDuration(duration)
        .windowsParameters(critical().build()).build(), WINDOWS).isEmpty()).isTrue();
  }

  @Test
  @DisplayName("S1: every finding is reported at once")
  void reportsAllFindingsAtOnce() {
    VirtualMachineInstallPatchesParameters p = VirtualMachineInstallPatchesParameters.builder()
        .maximumDuration("PT0S")
        .linuxParameters(LinuxParameters.builder().addPackageNameMasksToExclude("a=1").build())
        .build();
    ValidationReport r = selector.validate(p, WINDOWS);
    assertThat(r.violations()).extracting(Violation::reason).containsExactlyInAnyOrder(
        InstallSelector.INSTALL_NOTHING_TO_INCLUDE,
        InstallSelector.INSTALL_REBOOT_SETTING_REQUIRED,
        InstallSelector.INSTALL_MAXIMUM_DURATION_NOT_POSITIVE,
        InstallSelector.INSTALL_PARAMETERS_FOR_OTHER_OS);
  }

  @Test
  @DisplayName("S1: parameters for the other OS are a warning, the request stays valid")
  void otherOsParametersAreAWarning() {
    VirtualMachineInstallPatchesParameters p = request()
        .windowsParameters(critical().build()).linuxParameters(security().build()).build();
    Violation w = only(selector.validate(p, WINDOWS));
    assertThat(w.reason()).isEqualTo(InstallSelector.INSTALL_PARAMETERS_FOR_OTHER_OS);
    assertThat(w.severity()).isEqualTo(Severity.WARNING);
    assertThat(w.target()).isEqualTo("linuxParameters");
    Violation l = only(selector.validate(p, LINUX));
    assertThat(l.target()).isEqualTo("windowsParameters");
    assertThat(selector.validate(p, LINUX).isValid()).isTrue();
  }

  @Test
  @DisplayName("S2: a classification outside the OS's install enum is an error")
  void rejectsUnknownClassification() {
    Violation w = only(selector.validate(windows(WindowsParameters.builder()
        .addClassificationsToInclude(VMGuestPatchClassificationWindows.fromString("Drivers")).build()), WINDOWS));
    assertThat(w.reason()).isEqualTo(InstallSelector.INSTALL_CLASSIFICATION_UNKNOWN);
    assertThat(w.target()).isEqualTo("windowsParameters.classificationsToInclude");
    Violation l = only(selector.validate(linux(LinuxParameters.builder()
        .addClassificationsToInclude(VMGuestPatchClassificationLinux.fromString("Unclassified")).build()), LINUX));
    assertThat(l.reason()).isEqualTo(InstallSelector.INSTALL_CLASSIFICATION_UNKNOWN);
    assertThat(l.target()).isEqualTo("linuxParameters.classificationsToInclude");
  }

  // ---- S3 input rules

  @ParameterizedTest
  @ValueSource(strings = {"890830", "KB890830", "kb890830", "Kb890830", "5034441"})
  @DisplayName("S3: KB numbers are digits with or without the KB prefix")
  void acceptsKbNumbers(String kb) {
    assertThat(selector.validate(windows(WindowsParameters.builder()
        .addKbNumbersToInclude(kb).addKbNumbersToExclude(kb).build()), WINDOWS).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "KB", "KBabc", "12a", " 123", "KB 123", "K123", "KB-123", "١٢٣"})
  @DisplayName("S3: anything else is an invalid KB number, in includes and excludes")
  void rejectsBadKbNumbers(String kb) {
    Violation in = only(selector.validate(windows(WindowsParameters.builder()
        .addKbNumbersToInclude(kb).build()), WINDOWS));
    assertThat(in.reason()).isEqualTo(InstallSelector.INSTALL_KB_NUMBER_INVALID);
    assertThat(in.target()).isEqualTo("windowsParameters.kbNumbersToInclude");
    Violation ex = only(selector.validate(windows(critical().addKbNumbersToExclude(kb).build()), WINDOWS));
    assertThat(ex.target()).isEqualTo("windowsParameters.kbNumbersToExclude");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*SQL*", "Windows?Defender*", "KB890830", "*", "?"})
  @DisplayName("S3: patch name masks of letters, digits, * and ? are accepted")
  void acceptsWindowsMasks(String mask) {
    assertThat(selector.validate(windows(WindowsParameters.builder()
        .addPatchNameMasksToInclude(mask).addPatchNameMasksToExclude(mask).build()), WINDOWS).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "Windows Defender*", "*.NET*", "a-b", "[ab]", "a_b"})
  @DisplayName("S3: blank masks and masks with other characters are errors")
  void rejectsBadWindowsMasks(String mask) {
    Violation in = only(selector.validate(windows(critical().addPatchNameMasksToInclude(mask).build()), WINDOWS));
    assertThat(in.reason()).isEqualTo(InstallSelector.INSTALL_PATCH_NAME_MASK_INVALID);
    assertThat(in.target()).isEqualTo("windowsParameters.patchNameMasksToInclude");
    Violation ex = only(selector.validate(windows(critical().addPatchNameMasksToExclude(mask).build()), WINDOWS));
    assertThat(ex.target()).isEqualTo("windowsParameters.patchNameMasksToExclude");
  }

  // ---- S4 input rules

  @Test
  @DisplayName("S4: an exclude that pins a version with = is an error")
  void rejectsExcludeWithVersionPin() {
    Violation v = only(selector.validate(linux(security().addPackageNameMasksToExclude("openssl=1.1*").build()),
        LINUX));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_PACKAGE_EXCLUDE_PINS_VERSION);
    assertThat(v.target()).isEqualTo("linuxParameters.packageNameMasksToExclude");
    assertThat(v.code()).isEqualTo("InvalidParameter");
    assertThat(v.message()).contains("'openssl'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"libc=1.0.1.1", "kernel*", "mysql", "python[23]*=3.*", "openssl.x86_64"})
  @DisplayName("S4: include masks may pin a version as name=versionglob")
  void acceptsIncludeMasks(String mask) {
    assertThat(selector.validate(linux(LinuxParameters.builder().addPackageNameMasksToInclude(mask).build()),
        LINUX).isEmpty()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "=1.0", "libc=", "a=b=c", "lib c"})
  @DisplayName("S4: blank masks, whitespace and malformed pins are errors")
  void rejectsBadIncludeMasks(String mask) {
    Violation v = only(selector.validate(linux(security().addPackageNameMasksToInclude(mask).build()), LINUX));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_PACKAGE_MASK_INVALID);
    assertThat(v.target()).isEqualTo("linuxParameters.packageNameMasksToInclude");
  }

  @Test
  @DisplayName("S4: a blank exclude mask is an error")
  void rejectsBlankExcludeMask() {
    Violation v = only(selector.validate(linux(security().addPackageNameMasksToExclude(" ").build()), LINUX));
    assertThat(v.reason()).isEqualTo(InstallSelector.INSTALL_PACKAGE_MASK_INVALID);
    assertThat(v.target()).isEqualTo("linuxParameters.packageNameMasksToExclude");
  }

  // ---- select() on invalid input

  @Test
  @DisplayName("S1: select refuses an invalid request and lists every error")
  void selectRejectsInvalidRequest() {
    VirtualMachineInstallPatchesParameters p = VirtualMachineInstallPatchesParameters.builder()
        .linuxParameters(security().addPackageNameMasksToExclude("a=1").build()).build();
    assertThatThrownBy(() -> selector.select(p, List.of(), LINUX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(InstallSelector.INSTALL_REBOOT_SETTING_REQUIRED)
        .hasMessageContaining(InstallSelector.INSTALL_PACKAGE_EXCLUDE_PINS_VERSION);
  }

  @Test
  @DisplayName("select and validate refuse an OS other than Windows or Linux")
  void rejectsUnknownOs() {
    OperatingSystemTypes other = OperatingSystemTypes.fromString("FreeBSD");
    assertThatThrownBy(() -> selector.validate(windows(critical().build()), other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FreeBSD");
    assertThatThrownBy(() -> selector.select(windows(critical().build()), List.of(), other))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
