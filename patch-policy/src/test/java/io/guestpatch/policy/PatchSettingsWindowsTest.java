package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.CUSTOM;
import static io.guestpatch.policy.SettingsFixtures.WINDOWS_2022_AZURE_EDITION;
import static io.guestpatch.policy.SettingsFixtures.only;
import static io.guestpatch.policy.SettingsFixtures.reasons;
import static io.guestpatch.policy.SettingsFixtures.vm;
import static io.guestpatch.policy.SettingsFixtures.windows;
import static io.guestpatch.policy.SettingsFixtures.windowsPlatform;
import static io.guestpatch.policy.SettingsFixtures.windowsPlatformSettings;
import static io.guestpatch.policy.SettingsFixtures.windowsVm;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsPatchAssessmentMode;
import io.guestpatch.model.WindowsVMGuestPatchAutomaticByPlatformRebootSetting;
import io.guestpatch.model.WindowsVMGuestPatchAutomaticByPlatformSettings;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** P-rules on Windows VMs. */
class PatchSettingsWindowsTest {
  private final PatchSettingsPolicy policy = PatchSettingsPolicy.ofDefaults();

  @Nested
  @DisplayName("P1 Windows modes")
  class P1 {
    @ParameterizedTest
    @ValueSource(strings = {"ImageDefault", "AutomaticByVendor", "Automatic"})
    void rejectsUnknownWindowsModeNamingValueAndAllowedValues(String mode) {
      Violation v = only(policy.validate(windowsVm(windows(mode, true, true)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_WINDOWS_PATCH_MODE_UNKNOWN);
      assertThat(v.code()).isEqualTo("InvalidParameter");
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
      assertThat(v.isError()).isTrue();
      assertThat(v.message()).contains("'" + mode + "'", "Manual, AutomaticByOS, AutomaticByPlatform");
    }

    @ParameterizedTest
    @CsvSource({"manual,false", "AUTOMATICBYOS,true", "automaticByPlatform,true"})
    void acceptsKnownModesInAnyCase(String mode, boolean automaticUpdates) {
      assertThat(policy.validate(windowsVm(windows(mode, automaticUpdates, true)).build()).violations())
          .isEmpty();
    }

    @Test
    void rejectsUnknownAssessmentMode() {
      PatchSettings ps = PatchSettings.builder()
          .assessmentMode(WindowsPatchAssessmentMode.fromString("Manual")).build();
      Violation v = only(policy.validate(windowsVm(WindowsConfiguration.builder().patchSettings(ps).build()).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_ASSESSMENT_MODE_UNKNOWN);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.assessmentMode");
      assertThat(v.message()).contains("'Manual'", "ImageDefault, AutomaticByPlatform");
    }

    @Test
    void rejectsUnknownRebootSetting() {
      PatchSettings ps = PatchSettings.builder()
          .patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
          .automaticByPlatformSettings(WindowsVMGuestPatchAutomaticByPlatformSettings.builder()
              .rebootSetting(WindowsVMGuestPatchAutomaticByPlatformRebootSetting.fromString("Sometimes"))
              .build())
          .build();
      Violation v = only(policy.validate(windowsVm(windows(ps, true, true)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_REBOOT_SETTING_UNKNOWN);
      assertThat(v.target())
          .isEqualTo("windowsConfiguration.patchSettings.automaticByPlatformSettings.rebootSetting");
    }

    @Test
    void rejectsLinuxConfigurationOnWindowsVm() {
      VirtualMachine vm = windowsVm(windows("AutomaticByOS", true, true))
          .linuxConfiguration(LinuxConfiguration.builder().build()).build();
      Violation v = only(policy.validate(vm));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_OS_CONFIGURATION_MISMATCH);
      assertThat(v.target()).isEqualTo("linuxConfiguration");
    }

    @Test
    void rejectsUnknownOsType() {
      VirtualMachine vm = vm(OperatingSystemTypes.fromString("FreeBSD"), SettingsFixtures.UBUNTU_1804).build();
      Violation v = only(policy.validate(vm));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_OS_TYPE_UNKNOWN);
      assertThat(v.message()).contains("FreeBSD");
    }
  }

  @Nested
  @DisplayName("P2 defaults")
  class P2 {
    @Test
    void windowsWithoutAnyConfigurationIsValidAutomaticByOs() {
      VirtualMachine vm = vm(OperatingSystemTypes.WINDOWS, SettingsFixtures.WINDOWS_2019).build();
      assertThat(policy.validate(vm).violations()).isEmpty();
      assertThat(policy.effectiveConfiguration(vm).patchMode()).isEqualTo("AutomaticByOS");
    }

    @Test
    void absentModeDefaultsToAutomaticByOsWhichNeedsAutomaticUpdates() {
      // patchSettings without patchMode + enableAutomaticUpdates=false: the default AutomaticByOS fails P3
      WindowsConfiguration wc = WindowsConfiguration.builder()
          .patchSettings(PatchSettings.builder().build()).enableAutomaticUpdates(false).build();
      assertThat(reasons(policy.validate(windowsVm(wc).build())))
          .containsExactly(PatchSettingsPolicy.P3_AUTOMATIC_BY_OS_REQUIRES_AUTOMATIC_UPDATES_ON);
    }

    @Test
    void absentFlagsEqualExplicitDefaults() {
      VirtualMachine absent = windowsVm(windows("AutomaticByPlatform", null, null)).build();
      VirtualMachine explicit = windowsVm(windows("AutomaticByPlatform", true, true)).build();
      assertThat(policy.validate(absent)).isEqualTo(policy.validate(explicit));
      assertThat(policy.validate(absent).violations()).isEmpty();
    }
  }

  @Nested
  @DisplayName("P3 Windows mode and enableAutomaticUpdates / provisionVMAgent")
  class P3 {
    @Test
    void rejectsManualWithAutomaticUpdatesOn() {
      Violation v = only(policy.validate(windowsVm(windows("Manual", true, true)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
    }

    @Test
    void rejectsManualWithAutomaticUpdatesAbsentBecauseTheDefaultIsOn() {
      assertThat(reasons(policy.validate(windowsVm(windows("Manual", null, true)).build())))
          .containsExactly(PatchSettingsPolicy.P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF);
    }

    @Test
    void acceptsManualWithAutomaticUpdatesOff() {
      assertThat(policy.validate(windowsVm(windows("Manual", false, true)).build()).violations()).isEmpty();
    }

    @Test
    void rejectsAutomaticByOsWithAutomaticUpdatesOffWithAzuresMessage() {
      Violation v = only(policy.validate(windowsVm(windows("AutomaticByOS", false, true)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P3_AUTOMATIC_BY_OS_REQUIRES_AUTOMATIC_UPDATES_ON);
      assertThat(v.code()).isEqualTo("InvalidParameter");
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
      assertThat(v.message()).isEqualTo("The patchMode 'AutomaticByOS' is invalid. For patchMode "
          + "'AutomaticByOS', the property 'enableAutomaticUpdates' must be set to true.");
    }

    @Test
    void rejectsAutomaticByPlatformWithAutomaticUpdatesOff() {
      assertThat(reasons(policy.validate(windowsVm(windows("AutomaticByPlatform", false, true)).build())))
          .containsExactly(PatchSettingsPolicy.P3_AUTOMATIC_BY_PLATFORM_REQUIRES_AUTOMATIC_UPDATES_ON);
    }

    @Test
    void rejectsAutomaticByPlatformWithoutVmAgent() {
      assertThat(reasons(policy.validate(windowsVm(windows("AutomaticByPlatform", true, false)).build())))
          .containsExactly(PatchSettingsPolicy.P3_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT);
    }

    @Test
    void automaticByOsDoesNotNeedTheVmAgent() {
      assertThat(policy.validate(windowsVm(windows("AutomaticByOS", true, false)).build()).violations()).isEmpty();
    }
  }

  @Nested
  @DisplayName("P5 assessment mode")
  class P5 {
    private WindowsConfiguration assessedByPlatform(Boolean agent) {
      WindowsConfiguration.Builder b = WindowsConfiguration.builder().patchSettings(PatchSettings.builder()
          .assessmentMode(WindowsPatchAssessmentMode.AUTOMATIC_BY_PLATFORM).build());
      if (agent != null) {
        b.provisionVMAgent(agent);
      }
      return b.build();
    }

    @Test
    void rejectsPlatformAssessmentWithoutVmAgent() {
      Violation v = only(policy.validate(windowsVm(assessedByPlatform(false)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.assessmentMode");
    }

    @Test
    void acceptsPlatformAssessmentWithVmAgentExplicitOrDefault() {
      assertThat(policy.validate(windowsVm(assessedByPlatform(true)).build()).violations()).isEmpty();
      assertThat(policy.validate(windowsVm(assessedByPlatform(null)).build()).violations()).isEmpty();
    }
  }

  @Nested
  @DisplayName("P6 hotpatching")
  class P6 {
    private final PatchSettingsPolicy current =
        PatchSettingsPolicy.builder().imageCatalogue(ImageCatalogue.current()).build();

    private VirtualMachine hotpatch(String mode, boolean agent, ImageReference image, Boolean bypass) {
      PatchSettings.Builder ps = PatchSettings.builder()
          .patchMode(WindowsVMGuestPatchMode.fromString(mode)).enableHotpatching(true);
      if (bypass != null) {
        ps.automaticByPlatformSettings(windowsPlatformSettings(bypass));
      }
      return vm(OperatingSystemTypes.WINDOWS, image)
          .windowsConfiguration(windows(ps.build(), true, agent)).build();
    }

    @Test
    void acceptsHotpatchingOnAHotpatchCapableImage() {
      assertThat(current.validate(hotpatch("AutomaticByPlatform", true, WINDOWS_2022_AZURE_EDITION, false))
          .violations()).isEmpty();
    }

    @Test
    void rejectsHotpatchingWithoutPlatformMode() {
      assertThat(reasons(current.validate(hotpatch("AutomaticByOS", true, WINDOWS_2022_AZURE_EDITION, null))))
          .containsExactly(PatchSettingsPolicy.P6_HOTPATCH_REQUIRES_AUTOMATIC_BY_PLATFORM);
    }

    @Test
    void rejectsHotpatchingWithoutVmAgent() {
      assertThat(reasons(current.validate(hotpatch("AutomaticByOS", false, WINDOWS_2022_AZURE_EDITION, null))))
          .containsExactly(PatchSettingsPolicy.P6_HOTPATCH_REQUIRES_AUTOMATIC_BY_PLATFORM,
              PatchSettingsPolicy.P6_HOTPATCH_REQUIRES_VM_AGENT);
      // under AutomaticByPlatform the missing agent is P3's finding, reported once
      assertThat(reasons(current.validate(hotpatch("AutomaticByPlatform", false, WINDOWS_2022_AZURE_EDITION, null))))
          .containsExactly(PatchSettingsPolicy.P3_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT);
    }

    @Test
    void rejectsHotpatchingOnAnImageThatIsNotHotpatchCapable() {
      Violation v = only(current.validate(hotpatch("AutomaticByPlatform", true, SettingsFixtures.WINDOWS_2019, null)));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P6_HOTPATCH_IMAGE_NOT_CAPABLE);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.enableHotpatching");
    }

    @Test
    void seedCatalogueHasNoHotpatchCapableImage() {
      assertThat(reasons(policy.validate(hotpatch("AutomaticByPlatform", true, SettingsFixtures.WINDOWS_2019, null))))
          .containsExactly(PatchSettingsPolicy.P6_HOTPATCH_IMAGE_NOT_CAPABLE);
    }

    @Test
    void rejectsHotpatchingWithSafetyCheckBypassWithAzuresMessage() {
      Violation v = only(current.validate(hotpatch("AutomaticByPlatform", true, WINDOWS_2022_AZURE_EDITION, true)));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P6_HOTPATCH_WITH_SAFETY_CHECK_BYPASS);
      assertThat(v.message()).isEqualTo("Hotpatch updates require platform safety checks. The "
          + "'BypassPlatformSafetyChecksOnUserSchedule' flag must be set to false to enable hotpatching.");
    }

    @Test
    void acceptsSafetyCheckBypassWithoutHotpatching() {
      PatchSettings ps = PatchSettings.builder().patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
          .automaticByPlatformSettings(windowsPlatformSettings(true)).build();
      assertThat(policy.validate(windowsVm(windows(ps, true, true)).build()).violations()).isEmpty();
    }
  }

  @Nested
  @DisplayName("P7 automaticByPlatformSettings")
  class P7 {
    @ParameterizedTest
    @CsvSource({"AutomaticByOS,true", "Manual,false"})
    void rejectsPlatformSettingsWithoutPlatformMode(String mode, boolean automaticUpdates) {
      PatchSettings ps = PatchSettings.builder().patchMode(WindowsVMGuestPatchMode.fromString(mode))
          .automaticByPlatformSettings(windowsPlatformSettings(false)).build();
      Violation v = only(policy.validate(windowsVm(windows(ps, automaticUpdates, true)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.automaticByPlatformSettings");
      assertThat(v.message())
          .isEqualTo("AutomaticByPlatformSettings cannot be set if the PatchMode is not 'AutomaticByPlatform'.");
    }

    @Test
    void rejectsPlatformSettingsWhenModeIsAbsent() {
      PatchSettings ps = PatchSettings.builder().automaticByPlatformSettings(windowsPlatformSettings(false)).build();
      assertThat(reasons(policy.validate(windowsVm(windows(ps, true, true)).build())))
          .containsExactly(PatchSettingsPolicy.P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE);
    }
  }

  @Nested
  @DisplayName("P8 supported images")
  class P8 {
    @Test
    void rejectsUnsupportedImageWithAzuresCodeAndTarget() {
      VirtualMachine vm = vm(OperatingSystemTypes.WINDOWS,
              ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter"))
          .windowsConfiguration(windows("AutomaticByPlatform", true, true)).build();
      Violation v = only(policy.validate(vm));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P8_IMAGE_NOT_SUPPORTED);
      assertThat(v.code()).isEqualTo("InvalidParameter");
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
      assertThat(v.message()).startsWith("The selected VM image is not supported for VM Guest patch operations")
          .contains("https://aka.ms/VMGuestPatchingCompatibility", "2022-datacenter", "seed");
      // ... but the current edition supports it
      assertThat(PatchSettingsPolicy.builder().imageCatalogue(ImageCatalogue.current()).build()
          .validate(vm).violations()).isEmpty();
    }

    @Test
    void matchesImagesIgnoringCase() {
      VirtualMachine vm = vm(OperatingSystemTypes.WINDOWS,
              ImageReference.marketplace("microsoftwindowsserver", "WINDOWSSERVER", "2019-datacenter"))
          .windowsConfiguration(windows("AutomaticByPlatform", true, true)).build();
      assertThat(policy.validate(vm).violations()).isEmpty();
    }

    @Test
    void rejectsCustomImage() {
      VirtualMachine vm = vm(OperatingSystemTypes.WINDOWS, CUSTOM)
          .windowsConfiguration(windows("AutomaticByPlatform", true, true)).build();
      Violation v = only(policy.validate(vm));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P8_CUSTOM_IMAGE);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
    }

    @Test
    void rejectsMissingImageReference() {
      VirtualMachine vm = VirtualMachine.builder().from(windowsPlatform()).imageReference(java.util.Optional.empty()).build();
      assertThat(reasons(policy.validate(vm))).containsExactly(PatchSettingsPolicy.P8_IMAGE_NOT_SUPPORTED);
    }

    @Test
    void unsupportedImageIsFineOutsidePlatformMode() {
      VirtualMachine vm = vm(OperatingSystemTypes.WINDOWS, CUSTOM)
          .windowsConfiguration(windows("AutomaticByOS", true, true)).build();
      assertThat(policy.validate(vm).violations()).isEmpty();
    }
  }

  @Test
  @DisplayName("P9 applies to Linux only")
  void windowsPlatformModeIgnoresAgentVersion() {
    VirtualMachine vm = VirtualMachine.builder().from(windowsPlatform()).vmAgentVersion("2.0.0").build();
    assertThat(policy.validate(vm).violations()).isEmpty();
  }

  @Test
  @DisplayName("P1, P3, P6, P7, P10 together: every finding at once")
  void reportsEveryFindingAtOnce() {
    PatchSettings ps = PatchSettings.builder()
        .patchMode(WindowsVMGuestPatchMode.MANUAL)
        .enableHotpatching(true)
        .assessmentMode(WindowsPatchAssessmentMode.fromString("Sometimes"))
        .automaticByPlatformSettings(windowsPlatformSettings(false))
        .build();
    VirtualMachine vm = windowsVm(windows(ps, true, true))
        .linuxConfiguration(LinuxConfiguration.builder().build())
        .apiVersion("2019-07-01")
        .build();
    ValidationReport report = policy.validate(vm);
    assertThat(reasons(report)).containsExactly(
        PatchSettingsPolicy.P1_OS_CONFIGURATION_MISMATCH,
        PatchSettingsPolicy.P1_ASSESSMENT_MODE_UNKNOWN,
        PatchSettingsPolicy.P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF,
        PatchSettingsPolicy.P6_HOTPATCH_REQUIRES_AUTOMATIC_BY_PLATFORM,
        PatchSettingsPolicy.P6_HOTPATCH_IMAGE_NOT_CAPABLE,
        PatchSettingsPolicy.P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE,
        PatchSettingsPolicy.P10_API_VERSION_TOO_OLD);
    assertThat(report.isValid()).isFalse();
  }

  @Test
  void validPathReturnsTheSharedEmptyReport() {
    assertThat(policy.validate(windowsPlatform())).isSameAs(ValidationReport.empty());
  }
}
