package io.guestpatch.policy;

import io.guestpatch.model.ExpandableStringEnum;
import java.util.Collection;

/** Azure property paths used as {@link Violation#target()} by the settings rules. Package-private. */
final class SettingsTargets {
  static final String OS_TYPE = "storageProfile.osDisk.osType";
  static final String WINDOWS_CONFIGURATION = "windowsConfiguration";
  static final String LINUX_CONFIGURATION = "linuxConfiguration";
  static final String API_VERSION = "apiVersion";
  static final String AGENT_VERSION = "instanceView.vmAgent.vmAgentVersion";
  static final String SUBSCRIPTION = "subscriptionId";

  static final String W_AGENT = "windowsConfiguration.provisionVMAgent";
  static final String W_AUTOMATIC_UPDATES = "windowsConfiguration.enableAutomaticUpdates";
  static final String W_PATCH_SETTINGS = "windowsConfiguration.patchSettings";
  static final String W_PATCH_MODE = "windowsConfiguration.patchSettings.patchMode";
  static final String W_ASSESSMENT_MODE = "windowsConfiguration.patchSettings.assessmentMode";
  static final String W_HOTPATCHING = "windowsConfiguration.patchSettings.enableHotpatching";
  static final String W_PLATFORM_SETTINGS = "windowsConfiguration.patchSettings.automaticByPlatformSettings";
  static final String W_REBOOT_SETTING = W_PLATFORM_SETTINGS + ".rebootSetting";
  static final String W_BYPASS = W_PLATFORM_SETTINGS + ".bypassPlatformSafetyChecksOnUserSchedule";

  static final String L_AGENT = "linuxConfiguration.provisionVMAgent";
  static final String L_PATCH_SETTINGS = "linuxConfiguration.patchSettings";
  static final String L_PATCH_MODE = "linuxConfiguration.patchSettings.patchMode";
  static final String L_ASSESSMENT_MODE = "linuxConfiguration.patchSettings.assessmentMode";
  static final String L_PLATFORM_SETTINGS = "linuxConfiguration.patchSettings.automaticByPlatformSettings";
  static final String L_REBOOT_SETTING = L_PLATFORM_SETTINGS + ".rebootSetting";
  static final String L_BYPASS = L_PLATFORM_SETTINGS + ".bypassPlatformSafetyChecksOnUserSchedule";

  private SettingsTargets() {}

  /** The documented values of an enum, comma-separated, for messages (only built for a finding). */
  static String join(Collection<? extends ExpandableStringEnum> values) {
    StringBuilder b = new StringBuilder();
    for (ExpandableStringEnum v : values) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(v.value());
    }
    return b.toString();
  }
}
