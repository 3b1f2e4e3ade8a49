package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.linux;
import static io.guestpatch.policy.SettingsFixtures.linuxPlatform;
import static io.guestpatch.policy.SettingsFixtures.linuxVm;
import static io.guestpatch.policy.SettingsFixtures.vm;
import static io.guestpatch.policy.SettingsFixtures.windows;
import static io.guestpatch.policy.SettingsFixtures.windowsVm;
import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsPatchAssessmentMode;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 3.4: what each mode implies, with P2 defaults applied. */
class EffectiveConfigurationTest {
  private final PatchSettingsPolicy policy = PatchSettingsPolicy.ofDefaults();

  @Test
  void windowsAutomaticByPlatformIsOrchestratedByThePlatformWhichDisablesWindowsUpdate() {
    EffectiveConfiguration c = policy.effectiveConfiguration(windowsVm(windows("AutomaticByPlatform", true, true)).build());
    assertThat(c.orchestrator()).isEqualTo(Orchestrator.PLATFORM);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.DISABLED_BY_PLATFORM);
    assertThat(c.osAutomaticUpdatesDisabled()).isTrue();
    assertThat(c.availabilityFirst()).isTrue();
    assertThat(c.patchMode()).isEqualTo("AutomaticByPlatform");
    assertThat(c.patchModeDefaulted()).isFalse();
  }

  @Test
  @DisplayName("P2 Windows defaults: AutomaticByOS, updates on, agent on, assessment ImageDefault")
  void windowsDefaultsAreAutomaticByOs() {
    EffectiveConfiguration c = policy.effectiveConfiguration(vm(OperatingSystemTypes.WINDOWS, SettingsFixtures.WINDOWS_2019).build());
    assertThat(c.patchMode()).isEqualTo("AutomaticByOS");
    assertThat(c.patchModeDefaulted()).isTrue();
    assertThat(c.assessmentMode()).isEqualTo("ImageDefault");
    assertThat(c.assessedByPlatform()).isFalse();
    assertThat(c.orchestrator()).isEqualTo(Orchestrator.OS);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.ON);
    assertThat(c.osAutomaticUpdatesDisabled()).isFalse();
    assertThat(c.availabilityFirst()).isFalse();
    assertThat(c.enableAutomaticUpdates()).contains(true);
    assertThat(c.provisionVMAgent()).isTrue();
    assertThat(c.hotpatching()).isFalse();
  }

  @Test
  @DisplayName("P2 absent and explicit defaults give the same configuration, except the defaulted flag")
  void absentEqualsExplicitDefaults() {
    EffectiveConfiguration absent = policy.effectiveConfiguration(vm(OperatingSystemTypes.WINDOWS, SettingsFixtures.WINDOWS_2019).build());
    EffectiveConfiguration explicit = policy.effectiveConfiguration(windowsVm(windows("AutomaticByOS", true, true)).build());
    assertThat(ImmutableEffectiveConfiguration.builder().from(explicit).patchModeDefaulted(true).build()).isEqualTo(absent);
  }

  @Test
  void windowsManualIsPatchedByNobodyWithUpdatesOff() {
    EffectiveConfiguration c = policy.effectiveConfiguration(windowsVm(windows("Manual", false, true)).build());
    assertThat(c.orchestrator()).isEqualTo(Orchestrator.NONE);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.OFF);
    assertThat(c.osAutomaticUpdatesDisabled()).isTrue();
    assertThat(c.availabilityFirst()).isFalse();
  }

  @Test
  void ubuntuPlatformUpdatesAreDisabledByThePlatform() {
    EffectiveConfiguration c = policy.effectiveConfiguration(linuxPlatform());
    assertThat(c.orchestrator()).isEqualTo(Orchestrator.PLATFORM);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.DISABLED_BY_PLATFORM);
    assertThat(c.availabilityFirst()).isTrue();
    assertThat(c.enableAutomaticUpdates()).isEmpty();
  }

  @Test
  @DisplayName("P11 RHEL needs the owner to disable packagekit")
  void rhelPlatformNeedsTheOwner() {
    VirtualMachine rhel = VirtualMachine.builder().from(linuxPlatform()).imageReference(SettingsFixtures.RHEL_78).build();
    EffectiveConfiguration c = policy.effectiveConfiguration(rhel);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.OWNER_MUST_DISABLE);
    assertThat(c.osAutomaticUpdatesDisabled()).isFalse();
    assertThat(c.availabilityFirst()).isTrue();
  }

  @Test
  void linuxImageDefaultIsLeftToTheImage() {
    EffectiveConfiguration c = policy.effectiveConfiguration(linuxVm(linux("ImageDefault", true)).build());
    assertThat(c.orchestrator()).isEqualTo(Orchestrator.OS);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.IMAGE_DEFAULT);
    assertThat(c.availabilityFirst()).isFalse();
  }

  @Test
  void unknownModeIsOrchestratedByNobody() {
    EffectiveConfiguration c = policy.effectiveConfiguration(windowsVm(windows("Whenever", true, true)).build());
    assertThat(c.patchMode()).isEqualTo("Whenever");
    assertThat(c.orchestrator()).isEqualTo(Orchestrator.NONE);
    assertThat(c.osAutomaticUpdates()).isEqualTo(OsAutomaticUpdates.UNKNOWN);
    assertThat(c.availabilityFirst()).isFalse();
  }

  @Test
  void reportsAssessmentModeAndHotpatching() {
    PatchSettings ps = PatchSettings.builder().patchMode(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
        .assessmentMode(WindowsPatchAssessmentMode.AUTOMATIC_BY_PLATFORM).enableHotpatching(true).build();
    EffectiveConfiguration c = policy.effectiveConfiguration(
        windowsVm(WindowsConfiguration.builder().patchSettings(ps).build()).build());
    assertThat(c.assessedByPlatform()).isTrue();
    assertThat(c.hotpatching()).isTrue();
  }
}
