package io.guestpatch.policy;

import static io.guestpatch.policy.SettingsFixtures.linux;
import static io.guestpatch.policy.SettingsFixtures.linuxVm;
import static io.guestpatch.policy.SettingsFixtures.only;
import static io.guestpatch.policy.SettingsFixtures.reasons;
import static io.guestpatch.policy.SettingsFixtures.vm;
import static io.guestpatch.policy.SettingsFixtures.windows;
import static io.guestpatch.policy.SettingsFixtures.windowsVm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** T1 and T2: changes of settings on an existing VM. */
class TransitionRuleSetTest {
  private static PatchSettingsPolicy policy(TransitionRuleSet rules) {
    return PatchSettingsPolicy.builder().transitionRules(rules).build();
  }

  private static VirtualMachine win(String mode, Boolean automaticUpdates) {
    return windowsVm(windows(mode, automaticUpdates, true)).build();
  }

  @Test
  void seedIsTheDefaultRuleSet() {
    assertThat(PatchSettingsPolicy.ofDefaults().transitionRules()).isEqualTo(TransitionRuleSet.SEED);
  }

  @DisplayName("T2 every pair of Windows modes, both rule sets, enableAutomaticUpdates true and false")
  @ParameterizedTest(name = "{0}: {1} -> {2} with enableAutomaticUpdates={3}: allowed={4}")
  @CsvSource({
    // SEED: Manual never switches to or from an automatic mode; the automatic modes switch freely
    "SEED, Manual, Manual, false, true",
    "SEED, Manual, AutomaticByOS, false, false",
    "SEED, Manual, AutomaticByPlatform, false, false",
    "SEED, AutomaticByOS, Manual, true, false",
    "SEED, AutomaticByOS, AutomaticByOS, true, true",
    "SEED, AutomaticByOS, AutomaticByPlatform, true, true",
    "SEED, AutomaticByPlatform, Manual, true, false",
    "SEED, AutomaticByPlatform, AutomaticByOS, true, true",
    "SEED, AutomaticByPlatform, AutomaticByPlatform, true, true",
    "SEED, Manual, Manual, true, true",
    "SEED, Manual, AutomaticByOS, true, false",
    "SEED, Manual, AutomaticByPlatform, true, false",
    "SEED, AutomaticByOS, Manual, false, false",
    "SEED, AutomaticByOS, AutomaticByOS, false, true",
    "SEED, AutomaticByOS, AutomaticByPlatform, false, true",
    "SEED, AutomaticByPlatform, Manual, false, false",
    "SEED, AutomaticByPlatform, AutomaticByOS, false, true",
    "SEED, AutomaticByPlatform, AutomaticByPlatform, false, true",
    // CURRENT_PUBLIC: Platform<->Manual while false, Platform<->ByOS while true, ByOS<->Manual never
    "CURRENT_PUBLIC, Manual, Manual, false, true",
    "CURRENT_PUBLIC, Manual, AutomaticByOS, false, false",
    "CURRENT_PUBLIC, Manual, AutomaticByPlatform, false, true",
    "CURRENT_PUBLIC, AutomaticByOS, Manual, false, false",
    "CURRENT_PUBLIC, AutomaticByOS, AutomaticByOS, false, true",
    "CURRENT_PUBLIC, AutomaticByOS, AutomaticByPlatform, false, false",
    "CURRENT_PUBLIC, AutomaticByPlatform, Manual, false, true",
    "CURRENT_PUBLIC, AutomaticByPlatform, AutomaticByOS, false, false",
    "CURRENT_PUBLIC, AutomaticByPlatform, AutomaticByPlatform, false, true",
    "CURRENT_PUBLIC, Manual, Manual, true, true",
    "CURRENT_PUBLIC, Manual, AutomaticByOS, true, false",
    "CURRENT_PUBLIC, Manual, AutomaticByPlatform, true, false",
    "CURRENT_PUBLIC, AutomaticByOS, Manual, true, false",
    "CURRENT_PUBLIC, AutomaticByOS, AutomaticByOS, true, true",
    "CURRENT_PUBLIC, AutomaticByOS, AutomaticByPlatform, true, true",
    "CURRENT_PUBLIC, AutomaticByPlatform, Manual, true, false",
    "CURRENT_PUBLIC, AutomaticByPlatform, AutomaticByOS, true, true",
    "CURRENT_PUBLIC, AutomaticByPlatform, AutomaticByPlatform, true, true",
  })
  void judgesEveryWindowsModePair(
      TransitionRuleSet rules, String from, String to, boolean automaticUpdates, boolean allowed) {
    ValidationReport report =
        policy(rules).validateTransition(win(from, automaticUpdates), win(to, automaticUpdates));
    if (allowed) {
      assertThat(report.violations()).isEmpty();
    } else {
      Violation v = only(report);
      assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.T2_MODE_TRANSITION_NOT_ALLOWED);
      assertThat(v.target()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
      assertThat(v.isError()).isTrue();
      assertThat(v.message()).contains(from, to, rules.name());
    }
  }

  @Test
  @DisplayName("T2 absent mode is AutomaticByOS")
  void absentModeIsTheDefaultAutomaticByOs() {
    VirtualMachine before = vm(OperatingSystemTypes.WINDOWS, SettingsFixtures.WINDOWS_2019).build();
    assertThat(reasons(policy(TransitionRuleSet.SEED).validateTransition(before, win("Manual", true))))
        .containsExactly(PatchSettingsPolicy.T2_MODE_TRANSITION_NOT_ALLOWED);
    assertThat(policy(TransitionRuleSet.SEED).validateTransition(before, win("AutomaticByPlatform", true))
        .violations()).isEmpty();
  }

  @Test
  @DisplayName("T2 modes Azure does not know are left to P1")
  void unknownModesAreNotJudged() {
    assertThat(policy(TransitionRuleSet.SEED).validateTransition(win("Manual", false), win("Bogus", false))
        .violations()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"SEED, ImageDefault, AutomaticByPlatform", "SEED, AutomaticByPlatform, ImageDefault",
      "CURRENT_PUBLIC, ImageDefault, AutomaticByPlatform", "CURRENT_PUBLIC, AutomaticByPlatform, ImageDefault"})
  @DisplayName("T2 Linux switches are allowed in both rule sets")
  void allowsEveryLinuxSwitch(TransitionRuleSet rules, String from, String to) {
    assertThat(policy(rules).validateTransition(linuxVm(linux(from, true)).build(), linuxVm(linux(to, true)).build())
        .violations()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"true, false", "false, true"})
  @DisplayName("T1 enableAutomaticUpdates cannot change")
  void rejectsChangingAutomaticUpdatesWithAzuresCodeTargetAndMessage(boolean before, boolean after) {
    ValidationReport report = policy(TransitionRuleSet.CURRENT_PUBLIC)
        .validateTransition(win("AutomaticByPlatform", before), win("AutomaticByPlatform", after));
    Violation v = only(report);
    assertThat(v.reason()).isEqualTo(PatchSettingsPolicy.T1_AUTOMATIC_UPDATES_CHANGED);
    assertThat(v.code()).isEqualTo("PropertyChangeNotAllowed");
    assertThat(v.target()).isEqualTo("windowsConfiguration.enableAutomaticUpdates");
    assertThat(v.message())
        .startsWith("Changing property 'windowsConfiguration.enableAutomaticUpdates' is not allowed.");
  }

  @Test
  @DisplayName("T1 absent equals the default true")
  void absentAutomaticUpdatesEqualsExplicitTrue() {
    PatchSettingsPolicy p = policy(TransitionRuleSet.SEED);
    assertThat(p.validateTransition(win("AutomaticByOS", null), win("AutomaticByOS", true)).violations()).isEmpty();
    assertThat(reasons(p.validateTransition(win("AutomaticByOS", null), win("AutomaticByOS", false))))
        .containsExactly(PatchSettingsPolicy.T1_AUTOMATIC_UPDATES_CHANGED);
  }

  @Test
  @DisplayName("T1 and T2 together")
  void reportsBothTransitionFindings() {
    assertThat(reasons(policy(TransitionRuleSet.SEED)
            .validateTransition(win("Manual", false), win("AutomaticByOS", true))))
        .containsExactly(PatchSettingsPolicy.T1_AUTOMATIC_UPDATES_CHANGED, PatchSettingsPolicy.T2_MODE_TRANSITION_NOT_ALLOWED);
  }

  @Test
  @DisplayName("CURRENT_PUBLIC judges the existing VM's enableAutomaticUpdates")
  void currentRulesUseTheExistingValue() {
    // Platform -> Manual needs false; the request flips it to false, but the VM has true (T1) so T2 fails too
    assertThat(reasons(policy(TransitionRuleSet.CURRENT_PUBLIC)
            .validateTransition(win("AutomaticByPlatform", true), win("Manual", false))))
        .containsExactly(PatchSettingsPolicy.T1_AUTOMATIC_UPDATES_CHANGED, PatchSettingsPolicy.T2_MODE_TRANSITION_NOT_ALLOWED);
  }

  @Test
  void rejectsRecordsOfDifferentVms() {
    VirtualMachine other = VirtualMachine.builder().from(win("Manual", false)).id("/subscriptions/x/vm2").build();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PatchSettingsPolicy.ofDefaults().validateTransition(win("Manual", false), other))
        .withMessageContaining("vm2");
  }

  @Test
  void matchesVmIdsIgnoringCase() {
    VirtualMachine upper = VirtualMachine.builder().from(win("Manual", false))
        .id(SettingsFixtures.VM_ID.toUpperCase(java.util.Locale.ROOT)).build();
    assertThat(PatchSettingsPolicy.ofDefaults().validateTransition(win("Manual", false), upper).violations()).isEmpty();
  }
}
