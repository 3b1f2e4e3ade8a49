package io.guestpatch.policy;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchAutomaticByPlatformSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsVMGuestPatchAutomaticByPlatformSettings;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import java.util.List;
import java.util.stream.Collectors;

/** VMs and images for the settings-rule tests. */
final class SettingsFixtures {
  static final String SUBSCRIPTION = "6f1b2c3d-0000-4000-8000-000000000001";
  static final String VM_ID =
      "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

  static final ImageReference WINDOWS_2019 =
      ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2019-Datacenter");
  static final ImageReference WINDOWS_2022_AZURE_EDITION =
      ImageReference.marketplace("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-azure-edition-core");
  static final ImageReference UBUNTU_1804 =
      ImageReference.marketplace("Canonical", "UbuntuServer", "18.04-LTS");
  static final ImageReference RHEL_78 = ImageReference.marketplace("RedHat", "RHEL", "7.8");
  static final ImageReference RHEL_81 = ImageReference.marketplace("RedHat", "RHEL", "8.1");
  static final ImageReference CUSTOM =
      ImageReference.builder()
          .id("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Compute/images/golden")
          .build();

  private SettingsFixtures() {}

  /** A VM of the OS with the image and nothing else. */
  static VirtualMachine.Builder vm(OperatingSystemTypes os, ImageReference image) {
    return VirtualMachine.builder()
        .id(VM_ID)
        .name("vm1")
        .subscriptionId(SUBSCRIPTION)
        .resourceGroup("rg")
        .region("eastus")
        .osType(os)
        .imageReference(image);
  }

  static VirtualMachine.Builder windowsVm(WindowsConfiguration config) {
    return vm(OperatingSystemTypes.WINDOWS, WINDOWS_2019).windowsConfiguration(config);
  }

  static VirtualMachine.Builder linuxVm(LinuxConfiguration config) {
    return vm(OperatingSystemTypes.LINUX, UBUNTU_1804).linuxConfiguration(config).vmAgentVersion("2.2.53.1");
  }

  /** Windows settings with the mode string and the two flags (null leaves a flag absent). */
  static WindowsConfiguration windows(String mode, Boolean automaticUpdates, Boolean agent) {
    WindowsConfiguration.Builder b =
        WindowsConfiguration.builder()
            .patchSettings(PatchSettings.builder().patchMode(WindowsVMGuestPatchMode.fromString(mode)).build());
    if (automaticUpdates != null) {
      b.enableAutomaticUpdates(automaticUpdates);
    }
    if (agent != null) {
      b.provisionVMAgent(agent);
    }
    return b.build();
  }

  static WindowsConfiguration windows(PatchSettings settings, boolean automaticUpdates, boolean agent) {
    return WindowsConfiguration.builder()
        .patchSettings(settings)
        .enableAutomaticUpdates(automaticUpdates)
        .provisionVMAgent(agent)
        .build();
  }

  static LinuxConfiguration linux(String mode, Boolean agent) {
    LinuxConfiguration.Builder b =
        LinuxConfiguration.builder()
            .patchSettings(LinuxPatchSettings.builder().patchMode(LinuxVMGuestPatchMode.fromString(mode)).build());
    if (agent != null) {
      b.provisionVMAgent(agent);
    }
    return b.build();
  }

  /** A valid Windows 2019 VM with AutomaticByPlatform. */
  static VirtualMachine windowsPlatform() {
    return windowsVm(windows("AutomaticByPlatform", true, true)).build();
  }

  /** A valid Ubuntu 18.04 VM with AutomaticByPlatform and agent 2.2.53.1. */
  static VirtualMachine linuxPlatform() {
    return linuxVm(linux("AutomaticByPlatform", true)).build();
  }

  static WindowsVMGuestPatchAutomaticByPlatformSettings windowsPlatformSettings(boolean bypass) {
    return WindowsVMGuestPatchAutomaticByPlatformSettings.builder()
        .bypassPlatformSafetyChecksOnUserSchedule(bypass)
        .build();
  }

  static LinuxVMGuestPatchAutomaticByPlatformSettings linuxPlatformSettings() {
    return LinuxVMGuestPatchAutomaticByPlatformSettings.builder().build();
  }

  static List<String> reasons(ValidationReport report) {
    return report.violations().stream().map(Violation::reason).collect(Collectors.toList());
  }

  static List<String> reasons(Eligibility eligibility) {
    return eligibility.reasons().stream().map(Violation::reason).collect(Collectors.toList());
  }

  static Violation only(ValidationReport report) {
    if (report.violations().size() != 1) {
      throw new AssertionError("expected exactly one finding, got " + report);
    }
    return report.violations().get(0);
  }
}
