package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.linux;
import static io.guestpatch.policy.SettingsFixtures.linuxPlatform;
import static io.guestpatch.policy.SettingsFixtures.linuxPlatformSettings;
import static io.guestpatch.policy.SettingsFixtures.linuxVm;
import static io.guestpatch.policy.SettingsFixtures.only;
import static io.guestpatch.policy.SettingsFixtures.reasons;
import static io.guestpatch.policy.SettingsFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchAssessmentMode;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** P-rules on Linux VMs. */
class PatchSettingsLinuxTest {
  private final PatchSettingsPolicy policy = PatchSettingsPolicy.ofDefaults();

  private static VirtualMachine withAgent(String version) {
    return VirtualMachine.builder().from(linuxPlatform()).vmAgentVersion(version).build();
  }

  @Nested
  @DisplayName("P1 Linux modes")
  class P1 {
    @ParameterizedTest
    @ValueSource(strings = {"Manual", "AutomaticByOS", "Auto"})
    void rejectsModesThatLinuxDoesNotHave(String mode) {
      Violation v = only(policy.validate(linuxVm(linux(mode, true)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_LINUX_PATCH_MODE_UNKNOWN);
      assertThat(v.target()).isEqualTo("linuxConfiguration.patchSettings.patchMode");
      assertThat(v.message()).contains("'" + mode + "'", "ImageDefault, AutomaticByPlatform");
    }

    @Test
    void rejectsUnknownAssessmentMode() {
      LinuxConfiguration lc = LinuxConfiguration.builder().patchSettings(LinuxPatchSettings.builder()
          .assessmentMode(LinuxPatchAssessmentMode.fromString("Manual")).build()).build();
      Violation v = only(policy.validate(linuxVm(lc).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_ASSESSMENT_MODE_UNKNOWN);
      assertThat(v.target()).isEqualTo("linuxConfiguration.patchSettings.assessmentMode");
    }

    @Test
    void rejectsWindowsConfigurationOnLinuxVm() {
      VirtualMachine vm = linuxVm(linux("ImageDefault", true))
          .windowsConfiguration(WindowsConfiguration.builder().build()).build();
      Violation v = only(policy.validate(vm));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P1_OS_CONFIGURATION_MISMATCH);
      assertThat(v.target()).isEqualTo("windowsConfiguration");
    }
  }

  @Test
  @DisplayName("P2 Linux defaults to ImageDefault")
  void linuxWithoutConfigurationIsValidImageDefault() {
    VirtualMachine vm = vm(OperatingSystemTypes.LINUX, ImageReference.builder().id("/custom/image").build()).build();
    assertThat(policy.validate(vm).violations()).isEmpty();
    assertThat(policy.effectiveConfiguration(vm).patchMode()).isEqualTo("ImageDefault");
  }

  @Nested
  @DisplayName("P4 and P5 VM agent")
  class P4P5 {
    @Test
    void rejectsPlatformModeWithoutVmAgent() {
      Violation v = only(policy.validate(linuxVm(linux("AutomaticByPlatform", false)).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P4_LINUX_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT);
      assertThat(v.target()).isEqualTo("linuxConfiguration.patchSettings.patchMode");
    }

    @Test
    void acceptsImageDefaultWithoutVmAgent() {
      assertThat(policy.validate(linuxVm(linux("ImageDefault", false)).build()).violations()).isEmpty();
    }

    @Test
    void rejectsPlatformAssessmentWithoutVmAgent() {
      LinuxConfiguration lc = LinuxConfiguration.builder().provisionVMAgent(false).patchSettings(
          LinuxPatchSettings.builder().assessmentMode(LinuxPatchAssessmentMode.AUTOMATIC_BY_PLATFORM).build()).build();
      Violation v = only(policy.validate(linuxVm(lc).build()));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT);
      assertThat(v.target()).isEqualTo("linuxConfiguration.patchSettings.assessmentMode");
    }
  }

  @Test
  @DisplayName("P7 with Azure's code, target and message")
  void rejectsPlatformSettingsWithImageDefault() {
    LinuxConfiguration lc = LinuxConfiguration.builder().patchSettings(LinuxPatchSettings.builder()
        .patchMode(LinuxVMGuestPatchMode.IMAGE_DEFAULT).automaticByPlatformSettings(linuxPlatformSettings()).build())
        .build();
    Violation v = only(policy.validate(linuxVm(lc).build()));
    assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE);
    assertThat(v.code()).isEqualTo("InvalidParameter");
    assertThat(v.target()).isEqualTo("linuxConfiguration.patchSettings.automaticByPlatformSettings");
    assertThat(v.message())
        .isEqualTo("AutomaticByPlatformSettings cannot be set if the PatchMode is not 'AutomaticByPlatform'.");
  }

  @Nested
  @DisplayName("P8 Linux images")
  class P8 {
    @Test
    void acceptsRhel7FamilyButNotRhel81InTheSeed() {
      VirtualMachine rhel78 = VirtualMachine.builder().from(linuxPlatform()).imageReference(SettingsFixtures.RHEL_78).build();
      VirtualMachine rhel81 = VirtualMachine.builder().from(linuxPlatform()).imageReference(SettingsFixtures.RHEL_81).build();
      assertThat(policy.validate(rhel78).isValid()).isTrue();
      assertThat(policy.validate(rhel81).violations().get(0).target())
          .isEqualTo("linuxConfiguration.patchSettings.patchMode");
      assertThat(reasons(policy.validate(rhel81))).containsExactly(
          PatchSettingsPolicy.P8_IMAGE_NOT_SUPPORTED, PatchSettingsPolicy.P11_RHEL_OWNER_MUST_DISABLE_AUTO_UPDATES);
    }

    @Test
    void rejectsCustomImage() {
      VirtualMachine vm = VirtualMachine.builder().from(linuxPlatform()).imageReference(SettingsFixtures.CUSTOM).build();
      assertThat(reasons(policy.validate(vm))).containsExactly(PatchSettingsPolicy.P8_CUSTOM_IMAGE);
    }
  }

  @Nested
  @DisplayName("P9 Linux VM agent version")
  class P9 {
    @ParameterizedTest
    @ValueSource(strings = {"2.2.53.1", "2.2.53.10", "2.2.54", "2.2.100", "2.3", "2.10.0.0", "3", "2.2.53.1.0"})
    void acceptsAgentsFrom2_2_53_1(String version) {
      assertThat(policy.validate(withAgent(version)).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.2.53.0", "2.2.53", "2.2.9", "2.2.52.99", "2.1.100.100", "1.99"})
    void rejectsOlderAgentsComparingNumerically(String version) {
      Violation v = only(policy.validate(withAgent(version)));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P9_LINUX_AGENT_TOO_OLD);
      assertThat(v.target()).isEqualTo("instanceView.vmAgent.vmAgentVersion");
      assertThat(v.message()).contains(version, "2.2.53.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "2.2..1", "2.2.53.", ".2.2", "v2.2.53.1", "2.2.53.1 ", "2.2.53-1"})
    void rejectsMalformedAgentVersions(String version) {
      Violation v = only(policy.validate(withAgent(version)));
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P9_LINUX_AGENT_VERSION_MALFORMED);
      assertThat(v.isError()).isTrue();
    }

    @Test
    void warnsWhenAgentVersionIsUnknown() {
      VirtualMachine vm = VirtualMachine.builder().from(linuxPlatform()).vmAgentVersion(Optional.empty()).build();
      ValidationReport report = policy.validate(vm);
      assertThat(only(report).reason()).isEqualTo(PatchSettingsPolicy.P9_LINUX_AGENT_VERSION_UNKNOWN);
      assertThat(only(report).isError()).isFalse();
      assertThat(report.isValid()).isTrue();
    }

    @Test
    void ignoresAgentVersionOutsidePlatformMode() {
      VirtualMachine vm = linuxVm(linux("ImageDefault", true)).vmAgentVersion("1.0").build();
      assertThat(policy.validate(vm).violations()).isEmpty();
    }
  }

  @Nested
  @DisplayName("P11 RHEL")
  class P11 {
    @ParameterizedTest
    @ValueSource(strings = {"RedHat", "redhat", "REDHAT"})
    void warnsThatTheOwnerMustStopPackagekit(String publisher) {
      VirtualMachine vm = VirtualMachine.builder().from(linuxPlatform())
          .imageReference(ImageReference.marketplace(publisher, "RHEL", "7.8")).build();
      ValidationReport report = policy.validate(vm);
      Violation v = only(report);
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.P11_RHEL_OWNER_MUST_DISABLE_AUTO_UPDATES);
      assertThat(v.isError()).isFalse();
      assertThat(v.message()).contains("packagekit");
      assertThat(report.isValid()).isTrue();
    }

    @Test
    void doesNotWarnForRhelWithImageDefaultOrForUbuntu() {
      VirtualMachine rhel = vm(OperatingSystemTypes.LINUX, SettingsFixtures.RHEL_78)
          .linuxConfiguration(linux("ImageDefault", true)).build();
      assertThat(policy.validate(rhel).violations()).isEmpty();
      assertThat(policy.validate(linuxPlatform()).violations()).isEmpty();
    }
  }

  @Test
  void reportsEveryLinuxFindingAtOnce() {
    LinuxConfiguration lc = LinuxConfiguration.builder().provisionVMAgent(false).patchSettings(LinuxPatchSettings.builder()
        .patchMode(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
        .assessmentMode(LinuxPatchAssessmentMode.AUTOMATIC_BY_PLATFORM).build()).build();
    VirtualMachine vm = vm(OperatingSystemTypes.LINUX, SettingsFixtures.CUSTOM).linuxConfiguration(lc)
        .apiVersion("2020-06-01").build();
    assertThat(reasons(policy.validate(vm))).containsExactly(
        PatchSettingsPolicy.P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT,
        PatchSettingsPolicy.P4_LINUX_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT,
        PatchSettingsPolicy.P8_CUSTOM_IMAGE,
        PatchSettingsPolicy.P10_LINUX_API_VERSION_TOO_OLD);
  }
}
