package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchInstallationState;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootSetting;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import io.guestpatch.policy.InstallSelection;
import io.guestpatch.policy.InstallSelector;
import io.guestpatch.policy.PatchSelection;
import io.guestpatch.policy.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC I7 (with C1), I6, W4: what the engine asks the executor to install, and for how long. */
class RolloutEngineInstallParametersTest {
  // The tests only read what one run asked for, so the run is made once for all of them.
  private static final EngineFixture fx = new EngineFixture(400, 5);
  private static final ScriptedExecutor ex = new ScriptedExecutor(20);

  @BeforeAll
  static void runTheCycle() {
    fx.build(ex).start();
    fx.runToDeadline();
  }

  @Test
  @DisplayName("I7: every install asks for Critical and Security only, for the VM's OS, rebooting if required")
  void installsOnlyCriticalAndSecurity() {
    assertThat(ex.calls).isNotEmpty();
    boolean sawWindows = false;
    boolean sawLinux = false;
    for (int i = 0; i < ex.calls.size(); i++) {
      int vm = fx.index.indexOf(ex.calls.get(i).vmId());
      VirtualMachineInstallPatchesParameters p = ex.parameters.get(i);
      assertThat(p.rebootSetting()).contains(VMGuestPatchRebootSetting.IF_REQUIRED);
      if (fx.index.isWindows(vm)) {
        sawWindows = true;
        assertThat(p.linuxParameters()).isEmpty();
        assertThat(p.windowsParameters().orElseThrow().classificationsToInclude()).containsExactlyInAnyOrder(
            VMGuestPatchClassificationWindows.CRITICAL, VMGuestPatchClassificationWindows.SECURITY);
        assertThat(p.windowsParameters().orElseThrow().kbNumbersToInclude()).isEmpty();
      } else {
        sawLinux = true;
        assertThat(p.windowsParameters()).isEmpty();
        assertThat(p.linuxParameters().orElseThrow().classificationsToInclude()).containsExactlyInAnyOrder(
            VMGuestPatchClassificationLinux.CRITICAL, VMGuestPatchClassificationLinux.SECURITY);
        assertThat(p.linuxParameters().orElseThrow().packageNameMasksToInclude()).isEmpty();
      }
      assertThat(InstallSelector.ofDefaults().validate(p, fx.index.isWindows(vm)
          ? OperatingSystemTypes.WINDOWS : OperatingSystemTypes.LINUX).isValid()).isTrue();
    }
    assertThat(sawWindows).isTrue();
    assertThat(sawLinux).isTrue();
  }

  @Test
  @DisplayName("I7/C1: the engine's request selects a Critical and a Security patch and nothing else")
  void requestSelectsNothingButCriticalAndSecurity() {
    List<VirtualMachineSoftwarePatchProperties> windowsPatches = new ArrayList<>();
    String[] labels = {"Critical Updates", "Security Updates", "Update Rollups", "Feature Packs", "Service Packs",
        "Definition Updates", "Tools", "Updates"};
    for (int i = 0; i < labels.length; i++) {
      windowsPatches.add(VirtualMachineSoftwarePatchProperties.builder().patchId("p" + i).name("patch " + i)
          .kbId(String.valueOf(5000000 + i)).addClassifications(labels[i]).build());
    }
    for (int i = 0; i < ex.calls.size(); i++) {
      if (!fx.index.isWindows(fx.index.indexOf(ex.calls.get(i).vmId()))) {
        continue;
      }
      InstallSelection selection = InstallSelector.ofDefaults()
          .select(ex.parameters.get(i), windowsPatches, OperatingSystemTypes.WINDOWS);
      List<String> pending = new ArrayList<>();
      for (PatchSelection s : selection.selections()) {
        if (PatchInstallationState.PENDING.equals(s.installationState())) {
          pending.add(s.patch().patch().classifications().get(0));
        }
      }
      assertThat(pending).containsExactlyInAnyOrder("Critical Updates", "Security Updates");
      return;
    }
    throw new AssertionError("no Windows VM was installed");
  }

  @Test
  @DisplayName("I6/W4: maximumDuration ends the install before the VM's off-peak window does")
  void maximumDurationEndsInsideTheWindow() {
    for (int i = 0; i < ex.calls.size(); i++) {
      int vm = fx.index.indexOf(ex.calls.get(i).vmId());
      Instant start = ex.calls.get(i).at();
      TimeWindow window = EngineFixture.POLICY.offPeak()
          .currentWindow(start, fx.index.timeZone(vm), fx.index.offPeakWindow(vm)).orElseThrow();
      Instant end = start.plus(ex.parameters.get(i).maximumDurationValue().orElseThrow());
      assertThat(end).as("call %s", ex.calls.get(i)).isBeforeOrEqualTo(window.end());
    }
  }
}
