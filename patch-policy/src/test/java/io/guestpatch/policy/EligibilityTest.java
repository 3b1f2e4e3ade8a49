package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.linux;
import static io.guestpatch.policy.SettingsFixtures.linuxPlatform;
import static io.guestpatch.policy.SettingsFixtures.linuxVm;
import static io.guestpatch.policy.SettingsFixtures.reasons;
import static io.guestpatch.policy.SettingsFixtures.windows;
import static io.guestpatch.policy.SettingsFixtures.windowsPlatform;
import static io.guestpatch.policy.SettingsFixtures.windowsVm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestpatch.model.VirtualMachine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** E1-E4: eligibility for availability-first automatic patching. */
class EligibilityTest {
  private final PatchSettingsPolicy policy = PatchSettingsPolicy.ofDefaults();

  private static VirtualMachine linuxWith(String agentVersion) {
    return VirtualMachine.builder().from(linuxPlatform()).vmAgentVersion(agentVersion).build();
  }

  @Test
  void eligibleVmsGetTheSharedAnswer() {
    assertThat(policy.eligibility(windowsPlatform())).isSameAs(Eligibility.eligible());
    assertThat(policy.eligibility(linuxPlatform())).isSameAs(Eligibility.eligible());
    assertThat(Eligibility.eligible().isEligible()).isTrue();
    assertThat(Eligibility.eligible().reasons()).isEmpty();
  }

  @Test
  void rhelWarningDoesNotPreventEligibility() {
    VirtualMachine rhel = VirtualMachine.builder().from(linuxPlatform()).imageReference(SettingsFixtures.RHEL_78).build();
    assertThat(policy.eligibility(rhel).isEligible()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AutomaticByOS", "Manual"})
  @DisplayName("E1 mode must be AutomaticByPlatform")
  void windowsModesOtherThanPlatformAreNotEligible(String mode) {
    Eligibility e = policy.eligibility(windowsVm(windows(mode, mode.equals("AutomaticByOS"), true)).build());
    assertThat(e.isEligible()).isFalse();
    assertThat(reasons(e)).containsExactly(Eligibility.E1_NOT_AUTOMATIC_BY_PLATFORM);
    assertThat(e.reasons().get(0).code()).isEqualTo("OperationNotAllowed");
    assertThat(e.reasons().get(0).message()).contains(mode);
  }

  @Test
  @DisplayName("E1 Linux ImageDefault is not eligible")
  void linuxImageDefaultIsNotEligible() {
    assertThat(reasons(policy.eligibility(linuxVm(linux("ImageDefault", true)).build())))
        .containsExactly(Eligibility.E1_NOT_AUTOMATIC_BY_PLATFORM);
  }

  @Test
  @DisplayName("E1 settings must be valid")
  void invalidPlatformSettingsAreNotEligible() {
    Eligibility e = policy.eligibility(windowsVm(windows("AutomaticByPlatform", false, true)).build());
    assertThat(reasons(e)).containsExactly(Eligibility.E1_SETTINGS_INVALID);
    assertThat(e.reasons().get(0).message())
        .contains(PatchSettingsPolicy.P3_AUTOMATIC_BY_PLATFORM_REQUIRES_AUTOMATIC_UPDATES_ON);
  }

  @Test
  @DisplayName("E2 image must be supported, reported once (not also as E1)")
  void unsupportedImageIsNotEligible() {
    VirtualMachine rhel81 = VirtualMachine.builder().from(linuxPlatform()).imageReference(SettingsFixtures.RHEL_81).build();
    assertThat(reasons(policy.eligibility(rhel81))).containsExactly(Eligibility.E2_IMAGE_NOT_SUPPORTED);
    assertThat(PatchSettingsPolicy.builder().imageCatalogue(ImageCatalogue.current()).build()
        .eligibility(rhel81).isEligible()).isTrue();
  }

  @Test
  @DisplayName("E2 custom images never are")
  void customImageIsNotEligible() {
    VirtualMachine vm = VirtualMachine.builder().from(windowsPlatform()).imageReference(SettingsFixtures.CUSTOM).build();
    Eligibility e = policy.eligibility(vm);
    assertThat(reasons(e)).containsExactly(Eligibility.E2_IMAGE_NOT_SUPPORTED);
    assertThat(e.reasons().get(0).message()).contains("custom");
  }

  @Test
  @DisplayName("E3 agent provisioned, reported once (not also as E1)")
  void unprovisionedAgentIsNotEligible() {
    assertThat(reasons(policy.eligibility(windowsVm(windows("AutomaticByPlatform", true, false)).build())))
        .containsExactly(Eligibility.E3_AGENT_NOT_PROVISIONED);
    assertThat(reasons(policy.eligibility(linuxVm(linux("AutomaticByPlatform", false)).build())))
        .containsExactly(Eligibility.E3_AGENT_NOT_PROVISIONED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.2.53.0", "2.2.53", "2.2.9", "garbage"})
  @DisplayName("E3 Linux agent at least 2.2.53.1")
  void oldOrMalformedLinuxAgentIsNotEligible(String version) {
    Eligibility e = policy.eligibility(linuxWith(version));
    assertThat(reasons(e)).containsExactly(Eligibility.E3_AGENT_TOO_OLD);
    assertThat(e.reasons().get(0).message()).contains(version, "2.2.53.1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.2.53.1", "2.2.53.10", "2.2.100"})
  void recentLinuxAgentIsEligible(String version) {
    assertThat(policy.eligibility(linuxWith(version)).isEligible()).isTrue();
  }

  @Test
  @DisplayName("E3 unknown Linux agent version is not eligible")
  void unknownLinuxAgentVersionIsNotEligible() {
    VirtualMachine vm = VirtualMachine.builder().from(linuxPlatform()).vmAgentVersion(Optional.empty()).build();
    assertThat(reasons(policy.eligibility(vm))).containsExactly(Eligibility.E3_AGENT_TOO_OLD);
  }

  @Test
  @DisplayName("E4 opt-in required: both preview features")
  void optInNeedsBothPreviewFeatures() {
    String sub = SettingsFixtures.SUBSCRIPTION;
    PatchSettingsPolicy none = PatchSettingsPolicy.builder().requireOptIn(true).build();
    PatchSettingsPolicy one = PatchSettingsPolicy.builder().requireOptIn(true)
        .subscriptionFeatures(Map.of(sub, Set.of("InGuestAutoPatchVMPreview"))).build();
    PatchSettingsPolicy both = PatchSettingsPolicy.builder().requireOptIn(true)
        .subscriptionFeatures(Map.of(sub.toUpperCase(java.util.Locale.ROOT),
            Set.of("Microsoft.Compute/InGuestAutoPatchVMPreview", "ingUESTpatchvmpreview"))).build();
    assertThat(reasons(none.eligibility(windowsPlatform()))).containsExactly(Eligibility.E4_NOT_OPTED_IN);
    assertThat(reasons(one.eligibility(windowsPlatform()))).containsExactly(Eligibility.E4_NOT_OPTED_IN);
    assertThat(both.eligibility(windowsPlatform())).isSameAs(Eligibility.eligible());
  }

  @Test
  @DisplayName("E4 opt-in not required by default")
  void optInIsNotRequiredByDefault() {
    assertThat(policy.requiresOptIn()).isFalse();
    assertThat(policy.eligibility(windowsPlatform()).isEligible()).isTrue();
  }

  @Test
  @DisplayName("E1-E4 all reasons at once")
  void reportsEveryReasonAtOnce() {
    VirtualMachine vm = VirtualMachine.builder().from(linuxVm(linux("ImageDefault", false)).build())
        .imageReference(SettingsFixtures.CUSTOM).build();
    Eligibility e = PatchSettingsPolicy.builder().requireOptIn(true).build().eligibility(vm);
    assertThat(reasons(e)).containsExactly(Eligibility.E1_NOT_AUTOMATIC_BY_PLATFORM,
        Eligibility.E2_IMAGE_NOT_SUPPORTED, Eligibility.E3_AGENT_NOT_PROVISIONED, Eligibility.E4_NOT_OPTED_IN);
    assertThat(e.isEligible()).isFalse();
  }

  @Test
  void notEligibleNeedsAReason() {
    assertThatIllegalArgumentException().isThrownBy(() -> Eligibility.notEligible(List.of()))
        .withMessageContaining("reasons");
  }

  @Test
  void builderRejectsBlankSubscriptionsAndFeatures() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PatchSettingsPolicy.builder().subscriptionFeatures(Map.of(" ", Set.of("x"))))
        .withMessageContaining("subscriptionFeatures");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PatchSettingsPolicy.builder().subscriptionFeatures(Map.of("s", Set.of(""))))
        .withMessageContaining("blank feature");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PatchSettingsPolicy.builder().subscriptionFeatures(Map.of("ab", Set.of("x"), "AB", Set.of("y"))))
        .withMessageContaining("twice");
  }
}
