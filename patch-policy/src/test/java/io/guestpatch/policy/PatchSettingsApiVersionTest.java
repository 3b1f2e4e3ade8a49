package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.linuxPlatform;
import static io.guestpatch.policy.SettingsFixtures.only;
import static io.guestpatch.policy.SettingsFixtures.reasons;
import static io.guestpatch.policy.SettingsFixtures.vm;
import static io.guestpatch.policy.SettingsFixtures.windows;
import static io.guestpatch.policy.SettingsFixtures.windowsPlatform;
import static io.guestpatch.policy.SettingsFixtures.windowsPlatformSettings;
import static io.guestpatch.policy.SettingsFixtures.windowsVm;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsPatchAssessmentMode;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** P10: the Compute API version the VM is written with. */
@DisplayName("P10 API version")
class PatchSettingsApiVersionTest {
  private final PatchSettingsPolicy policy = PatchSettingsPolicy.ofDefaults();

  private static VirtualMachine at(VirtualMachine vm, String apiVersion) {
    return VirtualMachine.builder().from(vm).apiVersion(apiVersion).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "2021-3-01", "2021-03-1", "2021-13-01", "2021-00-10", "2021-03-32",
      "2021/03/01", "2021-03-01-beta", "", "20210301"})
  void rejectsMalformedApiVersionEvenWithoutPatchSettings(String apiVersion) {
    VirtualMachine vm = at(vm(OperatingSystemTypes.WINDOWS, SettingsFixtures.WINDOWS_2019).build(), apiVersion);
    Violation v = only(policy.validate(vm));
    assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P10_API_VERSION_MALFORMED);
    assertThat(v.target()).isEqualTo("apiVersion");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2020-12-01", "2021-03-01", "2021-03-01-preview", "2024-03-01"})
  void acceptsFullFeatureVersions(String apiVersion) {
    assertThat(policy.validate(at(windowsPlatform(), apiVersion)).violations()).isEmpty();
    assertThat(policy.validate(at(linuxPlatform(), apiVersion)).violations()).isEmpty();
  }

  @Test
  void rejectsPatchSettingsBefore2020_06_01() {
    Violation v = only(policy.validate(at(windowsPlatform(), "2020-05-31")));
    assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P10_API_VERSION_TOO_OLD);
    assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings");
    assertThat(reasons(policy.validate(at(linuxPlatform(), "2019-12-01"))))
        .containsExactly(PatchSettingsPolicy.P10_API_VERSION_TOO_OLD);
  }

  @Test
  void acceptsOldVersionWhenTheVmHasNoPatchSettings() {
    VirtualMachine vm = at(vm(OperatingSystemTypes.WINDOWS, SettingsFixtures.WINDOWS_2019).build(), "2019-07-01");
    assertThat(policy.validate(vm).violations()).isEmpty();
  }

  @Test
  void warnsThatWindowsAt2020_06_01GetsTheLimitedFeature() {
    ValidationReport report = policy.validate(at(windowsPlatform(), "2020-06-01"));
    assertThat(only(report).reason()).isEqualTo(PatchSettingsPolicy.P10_API_VERSION_LIMITED);
    assertThat(report.isValid()).isTrue();
    assertThat(only(policy.validate(at(windowsPlatform(), "2020-11-30"))).reason())
        .isEqualTo(PatchSettingsPolicy.P10_API_VERSION_LIMITED);
  }

  @Test
  void rejectsLinuxPatchModeAt2020_06_01() {
    Violation v = only(policy.validate(at(linuxPlatform(), "2020-06-01")));
    assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P10_LINUX_API_VERSION_TOO_OLD);
    assertThat(v.isError()).isTrue();
    assertThat(v.target()).isEqualTo("linuxConfiguration.patchSettings.patchMode");
  }

  @Test
  void warnsAboutPropertiesNewerThanTheApiVersion() {
    PatchSettings ps = PatchSettings.builder()
        .patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
        .assessmentMode(WindowsPatchAssessmentMode.AUTOMATIC_BY_PLATFORM)
        .automaticByPlatformSettings(windowsPlatformSettings(false))
        .build();
    VirtualMachine vm = windowsVm(windows(ps, true, true)).build();
    ValidationReport at2020 = policy.validate(at(vm, "2020-12-01"));
    assertThat(at2020.violations()).extracting(Violation::reason).containsOnly(
        PatchSettingsPolicy.P10_PROPERTY_NEWER_THAN_API_VERSION);
    assertThat(at2020.violations()).extracting(Violation::target).containsExactly(
        "windowsConfiguration.patchSettings.assessmentMode",
        "windowsConfiguration.patchSettings.automaticByPlatformSettings",
        "windowsConfiguration.patchSettings.automaticByPlatformSettings.bypassPlatformSafetyChecksOnUserSchedule");
    assertThat(at2020.isValid()).isTrue();
    assertThat(reasons(policy.validate(at(vm, "2022-03-01"))))
        .containsExactly(PatchSettingsPolicy.P10_PROPERTY_NEWER_THAN_API_VERSION);
    assertThat(policy.validate(at(vm, "2023-03-01")).violations()).isEmpty();
  }
}
