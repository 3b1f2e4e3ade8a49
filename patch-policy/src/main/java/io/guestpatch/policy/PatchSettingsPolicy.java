package io.guestpatch.policy;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchAssessmentMode;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchAutomaticByPlatformRebootSetting;
import io.guestpatch.model.LinuxVMGuestPatchAutomaticByPlatformSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsPatchAssessmentMode;
import io.guestpatch.model.WindowsVMGuestPatchAutomaticByPlatformRebootSetting;
import io.guestpatch.model.WindowsVMGuestPatchAutomaticByPlatformSettings;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Validates a VM's patch settings (SPEC 3.1, P1-P11), judges a change of settings (3.2, T1-T2),
 * decides eligibility for availability-first automatic patching (3.3, E1-E4) and says what the
 * settings amount to (3.4).
 *
 * <pre>{@code
 * PatchSettingsPolicy policy = PatchSettingsPolicy.builder()
 *     .imageCatalogue(ImageCatalogue.current())
 *     .transitionRules(TransitionRuleSet.CURRENT_PUBLIC)
 *     .build();
 * ValidationReport report = policy.validate(vm);
 * if (!report.isValid()) { report.violations().forEach(System.out::println); }
 * }</pre>
 *
 * <p>Absent values take Azure's defaults: Windows {@code patchMode} {@code AutomaticByOS}, Linux
 * {@code ImageDefault}, {@code assessmentMode} {@code ImageDefault}, {@code provisionVMAgent} true,
 * Windows {@code enableAutomaticUpdates} true, {@code enableHotpatching} false (P2).
 *
 * <p>Findings are {@link Violation}s with Azure's code and target; where Azure's own message is known
 * it is used. The reason codes are the constants of this class and of {@link Eligibility}, and are
 * listed in {@code docs/rules.md}.
 *
 * <p>A policy is immutable and thread-safe: no I/O, no clock, no logging. {@link #validate} and
 * {@link #eligibility} never throw for a rule failure, and on a VM without findings they allocate
 * nothing.
 */
public final class PatchSettingsPolicy {

  // ---- P1 ----
  /** P1: the VM's osType is neither Windows nor Linux. */
  public static final String P1_OS_TYPE_UNKNOWN = "P1_OS_TYPE_UNKNOWN";
  /** P1: a Windows VM carries {@code linuxConfiguration}, or a Linux VM {@code windowsConfiguration}. */
  public static final String P1_OS_CONFIGURATION_MISMATCH = "P1_OS_CONFIGURATION_MISMATCH";
  /** P1: the Windows {@code patchMode} is not {@code Manual}, {@code AutomaticByOS} or {@code AutomaticByPlatform}. */
  public static final String P1_WINDOWS_PATCH_MODE_UNKNOWN = "P1_WINDOWS_PATCH_MODE_UNKNOWN";
  /** P1: the Linux {@code patchMode} is not {@code ImageDefault} or {@code AutomaticByPlatform}. */
  public static final String P1_LINUX_PATCH_MODE_UNKNOWN = "P1_LINUX_PATCH_MODE_UNKNOWN";
  /** P1: the {@code assessmentMode} is not {@code ImageDefault} or {@code AutomaticByPlatform}. */
  public static final String P1_ASSESSMENT_MODE_UNKNOWN = "P1_ASSESSMENT_MODE_UNKNOWN";
  /** P1: {@code automaticByPlatformSettings.rebootSetting} is not one of Azure's values. */
  public static final String P1_REBOOT_SETTING_UNKNOWN = "P1_REBOOT_SETTING_UNKNOWN";

  // ---- P3 ----
  /** P3: Windows {@code Manual} with {@code enableAutomaticUpdates} true (or absent). */
  public static final String P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF =
      "P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF";
  /** P3: Windows {@code AutomaticByOS} with {@code enableAutomaticUpdates} false. */
  public static final String P3_AUTOMATIC_BY_OS_REQUIRES_AUTOMATIC_UPDATES_ON =
      "P3_AUTOMATIC_BY_OS_REQUIRES_AUTOMATIC_UPDATES_ON";
  /** P3: Windows {@code AutomaticByPlatform} with {@code enableAutomaticUpdates} false. */
  public static final String P3_AUTOMATIC_BY_PLATFORM_REQUIRES_AUTOMATIC_UPDATES_ON =
      "P3_AUTOMATIC_BY_PLATFORM_REQUIRES_AUTOMATIC_UPDATES_ON";
  /** P3: Windows {@code AutomaticByPlatform} with {@code provisionVMAgent} false. */
  public static final String P3_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT =
      "P3_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT";

  // ---- P4, P5 ----
  /** P4: Linux {@code AutomaticByPlatform} with {@code provisionVMAgent} false. */
  public static final String P4_LINUX_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT =
      "P4_LINUX_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT";
  /** P5: {@code assessmentMode=AutomaticByPlatform} with {@code provisionVMAgent} false. */
  public static final String P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT =
      "P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT";

  // ---- P6 ----
  /** P6: {@code enableHotpatching} with a patch mode other than {@code AutomaticByPlatform}. */
  public static final String P6_HOTPATCH_REQUIRES_AUTOMATIC_BY_PLATFORM =
      "P6_HOTPATCH_REQUIRES_AUTOMATIC_BY_PLATFORM";
  /** P6: {@code enableHotpatching} with {@code provisionVMAgent} false (reported by P3 instead under {@code AutomaticByPlatform}). */
  public static final String P6_HOTPATCH_REQUIRES_VM_AGENT = "P6_HOTPATCH_REQUIRES_VM_AGENT";
  /** P6: {@code enableHotpatching} on an image the catalogue does not mark hotpatch-capable. */
  public static final String P6_HOTPATCH_IMAGE_NOT_CAPABLE = "P6_HOTPATCH_IMAGE_NOT_CAPABLE";
  /** P6: {@code enableHotpatching} with {@code bypassPlatformSafetyChecksOnUserSchedule=true}. */
  public static final String P6_HOTPATCH_WITH_SAFETY_CHECK_BYPASS =
      "P6_HOTPATCH_WITH_SAFETY_CHECK_BYPASS";

  // ---- P7, P8 ----
  /** P7: {@code automaticByPlatformSettings} set while the patch mode is not {@code AutomaticByPlatform}. */
  public static final String P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE =
      "P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE";
  /** P8: {@code AutomaticByPlatform} on an image missing from the catalogue (or no image reference). */
  public static final String P8_IMAGE_NOT_SUPPORTED = "P8_IMAGE_NOT_SUPPORTED";
  /** P8: {@code AutomaticByPlatform} on a custom image (an image id instead of publisher/offer/sku). */
  public static final String P8_CUSTOM_IMAGE = "P8_CUSTOM_IMAGE";

  // ---- P9 ----
  /** P9: Linux {@code AutomaticByPlatform} with a VM agent older than 2.2.53.1. */
  public static final String P9_LINUX_AGENT_TOO_OLD = "P9_LINUX_AGENT_TOO_OLD";
  /** P9 (warning): Linux {@code AutomaticByPlatform} and the VM agent version is not known. */
  public static final String P9_LINUX_AGENT_VERSION_UNKNOWN = "P9_LINUX_AGENT_VERSION_UNKNOWN";
  /** P9: Linux {@code AutomaticByPlatform} and the VM agent version is not a dotted number. */
  public static final String P9_LINUX_AGENT_VERSION_MALFORMED = "P9_LINUX_AGENT_VERSION_MALFORMED";

  // ---- P10 ----
  /** P10: {@code apiVersion} is not {@code YYYY-MM-DD} (optionally {@code -preview}). */
  public static final String P10_API_VERSION_MALFORMED = "P10_API_VERSION_MALFORMED";
  /** P10: patch settings with an API version before 2020-06-01, which has none. */
  public static final String P10_API_VERSION_TOO_OLD = "P10_API_VERSION_TOO_OLD";
  /** P10 (warning): Windows patch settings at 2020-06-01: the limited, first version of the feature. */
  public static final String P10_API_VERSION_LIMITED = "P10_API_VERSION_LIMITED";
  /** P10: Linux patch settings before 2020-12-01, which has no Linux {@code patchMode}. */
  public static final String P10_LINUX_API_VERSION_TOO_OLD = "P10_LINUX_API_VERSION_TOO_OLD";
  /** P10 (warning): a patch property newer than the API version the VM is written with. */
  public static final String P10_PROPERTY_NEWER_THAN_API_VERSION =
      "P10_PROPERTY_NEWER_THAN_API_VERSION";

  // ---- P11 ----
  /** P11 (warning): RHEL with {@code AutomaticByPlatform}: the owner must stop and mask packagekit. */
  public static final String P11_RHEL_OWNER_MUST_DISABLE_AUTO_UPDATES =
      "P11_RHEL_OWNER_MUST_DISABLE_AUTO_UPDATES";

  // ---- T ----
  /** T1: {@code enableAutomaticUpdates} differs from the existing VM's. */
  public static final String T1_AUTOMATIC_UPDATES_CHANGED = "T1_AUTOMATIC_UPDATES_CHANGED";
  /** T2: the chosen {@link TransitionRuleSet} does not allow this patch-mode switch. */
  public static final String T2_MODE_TRANSITION_NOT_ALLOWED = "T2_MODE_TRANSITION_NOT_ALLOWED";

  /** The preview features a subscription registers to opt in (E4). */
  public static final Set<String> OPT_IN_FEATURES =
      Set.of("InGuestAutoPatchVMPreview", "InGuestPatchVMPreview");

  private static final String FEATURE_NAMESPACE = "Microsoft.Compute/";
  private static final String LEARN_MORE = " Learn more at: https://aka.ms/VMGuestPatchingCompatibility";

  private static final PatchSettingsPolicy DEFAULTS = builder().build();

  private final ImageCatalogue imageCatalogue;
  private final TransitionRuleSet transitionRules;
  private final boolean requireOptIn;
  private final Map<String, Set<String>> subscriptionFeatures;
  private final Set<String> optedIn;

  private PatchSettingsPolicy(Builder b) {
    this.imageCatalogue = b.imageCatalogue;
    this.transitionRules = b.transitionRules;
    this.requireOptIn = b.requireOptIn;
    this.subscriptionFeatures = Collections.unmodifiableMap(new LinkedHashMap<>(b.features));
    TreeSet<String> opted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    b.features.forEach(
        (subscription, features) -> {
          if (hasAllOptInFeatures(features)) {
            opted.add(subscription);
          }
        });
    this.optedIn = Collections.unmodifiableSet(opted);
  }

  private static boolean hasAllOptInFeatures(Set<String> features) {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String f : features) {
      names.add(
          f.regionMatches(true, 0, FEATURE_NAMESPACE, 0, FEATURE_NAMESPACE.length())
              ? f.substring(FEATURE_NAMESPACE.length())
              : f);
    }
    return names.containsAll(OPT_IN_FEATURES);
  }

  /**
   * The default policy: the seed image catalogue, the seed transition rules, no opt-in required.
   * Shared; thread-safe.
   */
  public static PatchSettingsPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults of {@link #ofDefaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The supported-image catalogue used by P6, P8 and E2. */
  public ImageCatalogue imageCatalogue() {
    return imageCatalogue;
  }

  /** The rule set used by T2. */
  public TransitionRuleSet transitionRules() {
    return transitionRules;
  }

  /** Whether E4 requires the subscription to have opted in. */
  public boolean requiresOptIn() {
    return requireOptIn;
  }

  /** The registered preview features per subscription id, as given to the builder. */
  public Map<String, Set<String>> subscriptionFeatures() {
    return subscriptionFeatures;
  }

  // =====================================================================================
  // P-rules
  // =====================================================================================

  /**
   * Checks P1-P11 and reports every finding at once; an empty report means valid. Never throws for
   * a rule failure; allocates nothing when there is no finding.
   */
  public ValidationReport validate(VirtualMachine vm) {
    List<Violation> found = check(vm, true);
    return found == null ? ValidationReport.empty() : ValidationReport.of(found);
  }

  /** The findings of P1-P11, or null when none; warnings are skipped unless asked for. */
  private @Nullable List<Violation> check(VirtualMachine vm, boolean warnings) {
    OperatingSystemTypes os = vm.osType();
    boolean windows = OperatingSystemTypes.WINDOWS.equals(os);
    if (!windows && !OperatingSystemTypes.LINUX.equals(os)) {
      return add(null, osTypeUnknown(os));
    }
    WindowsConfiguration wc = vm.windowsConfiguration().orElse(null);
    LinuxConfiguration lc = vm.linuxConfiguration().orElse(null);
    ImageReference image = vm.imageReference().orElse(null);
    String apiVersion = vm.apiVersion().orElse(null);
    List<Violation> f = checkConfigurationMatchesOs(windows, wc, lc);
    if (windows) {
      return checkWindows(wc, image, apiVersion, f, warnings);
    }
    return checkLinux(lc, image, apiVersion, vm.vmAgentVersion().orElse(null), f, warnings);
  }

  private static Violation osTypeUnknown(OperatingSystemTypes os) {
    return Violation.invalidParameter(SettingsTargets.OS_TYPE, P1_OS_TYPE_UNKNOWN,
        "The osType '" + os + "' is not supported: use Windows or Linux.");
  }

  /** P1: the configuration of the other OS is present; null when neither is. */
  private static @Nullable List<Violation> checkConfigurationMatchesOs(
      boolean windows, @Nullable WindowsConfiguration wc, @Nullable LinuxConfiguration lc) {
    if (windows && lc != null) {
      return add(null, Violation.invalidParameter(
          SettingsTargets.LINUX_CONFIGURATION, P1_OS_CONFIGURATION_MISMATCH,
          "A Windows VM must not carry linuxConfiguration: remove it, or set osType to Linux."));
    }
    if (!windows && wc != null) {
      return add(null, Violation.invalidParameter(
          SettingsTargets.WINDOWS_CONFIGURATION, P1_OS_CONFIGURATION_MISMATCH,
          "A Linux VM must not carry windowsConfiguration: remove it, or set osType to Windows."));
    }
    return null;
  }

  /** The P-rules of a Windows VM, after P1's check that its configurations match its osType. */
  private @Nullable List<Violation> checkWindows(
      @Nullable WindowsConfiguration wc,
      @Nullable ImageReference image,
      @Nullable String apiVersion,
      @Nullable List<Violation> found,
      boolean warnings) {
    List<Violation> f = found;
    PatchSettings ps = wc == null ? null : wc.patchSettings().orElse(null);
    WindowsVMGuestPatchMode mode = windowsMode(ps);
    boolean agent = windowsAgent(wc);
    boolean updates = windowsUpdates(wc);
    boolean platform = WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM.equals(mode);
    WindowsVMGuestPatchAutomaticByPlatformSettings abps =
        ps == null ? null : ps.automaticByPlatformSettings().orElse(null);
    WindowsPatchAssessmentMode am = ps == null ? null : ps.assessmentMode().orElse(null);
    Boolean hotpatching = ps == null ? null : ps.enableHotpatching().orElse(null);
    WindowsVMGuestPatchAutomaticByPlatformRebootSetting reboot =
        abps == null ? null : abps.rebootSetting().orElse(null);
    Boolean bypass = abps == null ? null : abps.bypassPlatformSafetyChecksOnUserSchedule().orElse(null);

    // P1
    if (!mode.isKnown()) {
      f = add(f, Violation.invalidParameter(SettingsTargets.W_PATCH_MODE, P1_WINDOWS_PATCH_MODE_UNKNOWN,
          "The patchMode '" + mode + "' is not valid for a Windows VM: use one of "
              + SettingsTargets.join(WindowsVMGuestPatchMode.values()) + "."));
    }
    if (am != null) {
      if (!am.isKnown()) {
        f = add(f, unknownAssessmentMode(SettingsTargets.W_ASSESSMENT_MODE, am.value(),
            SettingsTargets.join(WindowsPatchAssessmentMode.values())));
      } else if (WindowsPatchAssessmentMode.AUTOMATIC_BY_PLATFORM.equals(am) && !agent) {
        f = add(f, assessmentNeedsAgent(SettingsTargets.W_ASSESSMENT_MODE));
      }
    }
    if (reboot != null && !reboot.isKnown()) {
      f = add(f, unknownRebootSetting(SettingsTargets.W_REBOOT_SETTING, reboot.value(),
          SettingsTargets.join(WindowsVMGuestPatchAutomaticByPlatformRebootSetting.values())));
    }

    // P3
    if (WindowsVMGuestPatchMode.MANUAL.equals(mode) && updates) {
      f = add(f, Violation.invalidParameter(SettingsTargets.W_PATCH_MODE, P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF,
          "The patchMode 'Manual' is invalid. For patchMode 'Manual', the property "
              + "'enableAutomaticUpdates' must be set to false (it is true, or absent and so true)."));
    }
    if (WindowsVMGuestPatchMode.AUTOMATIC_BY_OS.equals(mode) && !updates) {
      f = add(f, Violation.invalidParameter(SettingsTargets.W_PATCH_MODE, P3_AUTOMATIC_BY_OS_REQUIRES_AUTOMATIC_UPDATES_ON,
          "The patchMode 'AutomaticByOS' is invalid. For patchMode 'AutomaticByOS', the property "
              + "'enableAutomaticUpdates' must be set to true."));
    }
    if (platform && !updates) {
      f = add(f, Violation.invalidParameter(SettingsTargets.W_PATCH_MODE,
          P3_AUTOMATIC_BY_PLATFORM_REQUIRES_AUTOMATIC_UPDATES_ON,
          "The patchMode 'AutomaticByPlatform' is invalid. For patchMode 'AutomaticByPlatform', the "
              + "property 'enableAutomaticUpdates' must be set to true."));
    }
    if (platform && !agent) {
      f = add(f, Violation.invalidParameter(SettingsTargets.W_PATCH_MODE, P3_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT,
          "The patchMode 'AutomaticByPlatform' is invalid. For patchMode 'AutomaticByPlatform', the "
              + "property 'provisionVMAgent' must be set to true."));
    }

    // P6
    if (hotpatching != null && hotpatching) {
      if (!platform) {
        f = add(f, Violation.invalidParameter(SettingsTargets.W_HOTPATCHING, P6_HOTPATCH_REQUIRES_AUTOMATIC_BY_PLATFORM,
            "Hotpatching requires patchMode 'AutomaticByPlatform' (it is '" + mode
                + "'): set patchMode to AutomaticByPlatform or enableHotpatching to false."));
        if (!agent) {
          f = add(f, Violation.invalidParameter(SettingsTargets.W_HOTPATCHING, P6_HOTPATCH_REQUIRES_VM_AGENT,
              "Hotpatching requires the VM agent: set provisionVMAgent to true or enableHotpatching to false."));
        }
      }
      if (image == null || !imageCatalogue.isHotpatchCapable(image)) {
        f = add(f, Violation.invalidParameter(SettingsTargets.W_HOTPATCHING, P6_HOTPATCH_IMAGE_NOT_CAPABLE,
            "The image " + describe(image) + " is not hotpatch-capable in the '" + imageCatalogue.edition()
                + "' image catalogue: use a hotpatch-capable image (Windows Server Azure Edition) or set "
                + "enableHotpatching to false."));
      }
      if (bypass != null && bypass) {
        f = add(f, Violation.invalidParameter(SettingsTargets.W_BYPASS, P6_HOTPATCH_WITH_SAFETY_CHECK_BYPASS,
            "Hotpatch updates require platform safety checks. The "
                + "'BypassPlatformSafetyChecksOnUserSchedule' flag must be set to false to enable hotpatching."));
      }
    }

    // P7
    if (abps != null && !platform) {
      f = add(f, platformSettingsWithoutPlatformMode(SettingsTargets.W_PLATFORM_SETTINGS));
    }

    // P8
    if (platform) {
      f = checkImage(image, SettingsTargets.W_PATCH_MODE, f);
    }

    // P10
    if (apiVersion != null) {
      f = checkApiVersion(apiVersion, true, ps != null, hotpatching != null, am != null, abps != null,
          bypass != null, f, warnings);
    }
    return f;
  }

  /** The P-rules of a Linux VM, after P1's check that its configurations match its osType. */
  private @Nullable List<Violation> checkLinux(
      @Nullable LinuxConfiguration lc,
      @Nullable ImageReference image,
      @Nullable String apiVersion,
      @Nullable String agentVersion,
      @Nullable List<Violation> found,
      boolean warnings) {
    List<Violation> f = found;
    LinuxPatchSettings ps = lc == null ? null : lc.patchSettings().orElse(null);
    LinuxVMGuestPatchMode mode = linuxMode(ps);
    boolean agent = linuxAgent(lc);
    boolean platform = LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM.equals(mode);
    LinuxVMGuestPatchAutomaticByPlatformSettings abps =
        ps == null ? null : ps.automaticByPlatformSettings().orElse(null);
    LinuxPatchAssessmentMode am = ps == null ? null : ps.assessmentMode().orElse(null);
    LinuxVMGuestPatchAutomaticByPlatformRebootSetting reboot =
        abps == null ? null : abps.rebootSetting().orElse(null);
    Boolean bypass = abps == null ? null : abps.bypassPlatformSafetyChecksOnUserSchedule().orElse(null);

    // P1
    if (!mode.isKnown()) {
      f = add(f, Violation.invalidParameter(SettingsTargets.L_PATCH_MODE, P1_LINUX_PATCH_MODE_UNKNOWN,
          "The patchMode '" + mode + "' is not valid for a Linux VM: use one of "
              + SettingsTargets.join(LinuxVMGuestPatchMode.values()) + "."));
    }
    if (am != null) {
      if (!am.isKnown()) {
        f = add(f, unknownAssessmentMode(SettingsTargets.L_ASSESSMENT_MODE, am.value(),
            SettingsTargets.join(LinuxPatchAssessmentMode.values())));
      } else if (LinuxPatchAssessmentMode.AUTOMATIC_BY_PLATFORM.equals(am) && !agent) {
        f = add(f, assessmentNeedsAgent(SettingsTargets.L_ASSESSMENT_MODE));
      }
    }
    if (reboot != null && !reboot.isKnown()) {
      f = add(f, unknownRebootSetting(SettingsTargets.L_REBOOT_SETTING, reboot.value(),
          SettingsTargets.join(LinuxVMGuestPatchAutomaticByPlatformRebootSetting.values())));
    }

    // P4
    if (platform && !agent) {
      f = add(f, Violation.invalidParameter(SettingsTargets.L_PATCH_MODE,
          P4_LINUX_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT,
          "The patchMode 'AutomaticByPlatform' is invalid. For patchMode 'AutomaticByPlatform', the "
              + "property 'provisionVMAgent' must be set to true."));
    }

    // P7
    if (abps != null && !platform) {
      f = add(f, platformSettingsWithoutPlatformMode(SettingsTargets.L_PLATFORM_SETTINGS));
    }

    if (platform) {
      // P8
      f = checkImage(image, SettingsTargets.L_PATCH_MODE, f);
      // P9 (the agent being off is P4's finding; its version then says nothing)
      if (agent) {
        f = checkLinuxAgent(agentVersion, f, warnings);
      }
      // P11
      if (warnings && isRhel(image)) {
        f = add(f, Violation.warning(SettingsTargets.L_PATCH_MODE, P11_RHEL_OWNER_MUST_DISABLE_AUTO_UPDATES,
            "On RHEL the platform does not turn off the OS's own automatic updates: stop and mask "
                + "packagekit ('sudo systemctl stop packagekit' and 'sudo systemctl mask packagekit') so "
                + "that only the platform installs patches."));
      }
    }

    // P10
    if (apiVersion != null) {
      f = checkApiVersion(apiVersion, false, ps != null, false, am != null, abps != null, bypass != null,
          f, warnings);
    }
    return f;
  }

  private @Nullable List<Violation> checkImage(
      @Nullable ImageReference image, String target, @Nullable List<Violation> f) {
    if (image == null) {
      return add(f, Violation.invalidParameter(target, P8_IMAGE_NOT_SUPPORTED,
          "The selected VM image is not supported for VM Guest patch operations: the VM has no image "
              + "reference, so support cannot be established. Give storageProfile.imageReference or "
              + "choose another patchMode." + LEARN_MORE));
    }
    if (imageCatalogue.supports(image)) {
      return f;
    }
    if (image.isCustom()) {
      return add(f, Violation.invalidParameter(target, P8_CUSTOM_IMAGE,
          "The selected VM image is not supported for VM Guest patch operations: custom image "
              + image.id().get() + " is never supported; use a supported marketplace image or "
              + "another patchMode." + LEARN_MORE));
    }
    return add(f, Violation.invalidParameter(target, P8_IMAGE_NOT_SUPPORTED,
        "The selected VM image is not supported for VM Guest patch operations: " + describe(image)
            + " is not in the '" + imageCatalogue.edition() + "' image catalogue; use a supported image, "
            + "another patchMode, or add the image to the catalogue." + LEARN_MORE));
  }

  private static @Nullable List<Violation> checkLinuxAgent(
      @Nullable String version, @Nullable List<Violation> f, boolean warnings) {
    if (version == null) {
      return warnings
          ? add(f, Violation.warning(SettingsTargets.AGENT_VERSION, P9_LINUX_AGENT_VERSION_UNKNOWN,
              "The VM agent version is not known; AutomaticByPlatform on Linux needs VM agent "
                  + SettingsVersions.MIN_LINUX_AGENT_TEXT + " or later: check the agent before relying on it."))
          : f;
    }
    int cmp = SettingsVersions.compareDotted(version, SettingsVersions.MIN_LINUX_AGENT);
    if (cmp == SettingsVersions.UNPARSABLE) {
      return add(f, Violation.of(Eligibility.CODE, SettingsTargets.AGENT_VERSION,
          P9_LINUX_AGENT_VERSION_MALFORMED, Severity.ERROR,
          "The VM agent version '" + version + "' is not a dotted number such as "
              + SettingsVersions.MIN_LINUX_AGENT_TEXT + "; AutomaticByPlatform on Linux needs "
              + SettingsVersions.MIN_LINUX_AGENT_TEXT + " or later: fix the recorded version."));
    }
    if (cmp < 0) {
      return add(f, Violation.of(Eligibility.CODE, SettingsTargets.AGENT_VERSION,
          P9_LINUX_AGENT_TOO_OLD, Severity.ERROR,
          "The VM agent " + version + " is too old for patchMode 'AutomaticByPlatform' on Linux: "
              + "update the Linux VM agent (waagent) to " + SettingsVersions.MIN_LINUX_AGENT_TEXT
              + " or later."));
    }
    return f;
  }

  private static @Nullable List<Violation> checkApiVersion(
      String apiVersion,
      boolean windows,
      boolean hasPatchSettings,
      boolean hasHotpatching,
      boolean hasAssessmentMode,
      boolean hasPlatformSettings,
      boolean hasBypass,
      @Nullable List<Violation> found,
      boolean warnings) {
    List<Violation> f = found;
    int date = SettingsVersions.apiDate(apiVersion);
    if (date < 0) {
      return add(f, Violation.invalidParameter(SettingsTargets.API_VERSION, P10_API_VERSION_MALFORMED,
          "The api-version '" + apiVersion + "' is malformed: write it as YYYY-MM-DD, such as 2021-03-01."));
    }
    if (!hasPatchSettings) {
      return f;
    }
    String settings = windows ? SettingsTargets.W_PATCH_SETTINGS : SettingsTargets.L_PATCH_SETTINGS;
    if (date < 20200601) {
      return add(f, Violation.invalidParameter(settings, P10_API_VERSION_TOO_OLD,
          "Compute api-version " + apiVersion + " has no patch settings: write the VM with api-version "
              + "2020-12-01 or later (2021-03-01 or later for every feature)."));
    }
    if (date < 20201201) {
      if (!windows) {
        return add(f, Violation.invalidParameter(SettingsTargets.L_PATCH_MODE, P10_LINUX_API_VERSION_TOO_OLD,
            "Compute api-version " + apiVersion + " has no Linux patchMode: write the VM with api-version "
                + "2020-12-01 or later."));
      }
      if (warnings) {
        f = add(f, Violation.warning(settings, P10_API_VERSION_LIMITED,
            "Compute api-version " + apiVersion + " gives Windows only the first, limited version of "
                + "guest patching: write the VM with api-version 2020-12-01 or later for the full feature."));
      }
    }
    if (!warnings) {
      return f;
    }
    if (windows && hasHotpatching && date < 20201201) {
      f = add(f, newerProperty(SettingsTargets.W_HOTPATCHING, apiVersion, "2020-12-01"));
    }
    if (hasAssessmentMode && date < 20210301) {
      f = add(f, newerProperty(windows ? SettingsTargets.W_ASSESSMENT_MODE : SettingsTargets.L_ASSESSMENT_MODE,
          apiVersion, "2021-03-01"));
    }
    if (hasPlatformSettings && date < 20220301) {
      f = add(f, newerProperty(windows ? SettingsTargets.W_PLATFORM_SETTINGS : SettingsTargets.L_PLATFORM_SETTINGS,
          apiVersion, "2022-03-01"));
    }
    if (hasBypass && date < 20230301) {
      f = add(f, newerProperty(windows ? SettingsTargets.W_BYPASS : SettingsTargets.L_BYPASS,
          apiVersion, "2023-03-01"));
    }
    return f;
  }

  private static Violation newerProperty(String target, String apiVersion, String since) {
    return Violation.warning(target, P10_PROPERTY_NEWER_THAN_API_VERSION,
        "The property '" + target + "' exists from api-version " + since + " on; at " + apiVersion
            + " Azure does not know it: write the VM with api-version " + since + " or later.");
  }

  private static Violation unknownAssessmentMode(String target, String value, String allowed) {
    return Violation.invalidParameter(target, P1_ASSESSMENT_MODE_UNKNOWN,
        "The assessmentMode '" + value + "' is not valid: use one of " + allowed + ".");
  }

  private static Violation assessmentNeedsAgent(String target) {
    return Violation.invalidParameter(target, P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT,
        "The assessmentMode 'AutomaticByPlatform' is invalid. For assessmentMode 'AutomaticByPlatform', "
            + "the property 'provisionVMAgent' must be set to true.");
  }

  private static Violation unknownRebootSetting(String target, String value, String allowed) {
    return Violation.invalidParameter(target, P1_REBOOT_SETTING_UNKNOWN,
        "The rebootSetting '" + value + "' is not valid: use one of " + allowed + ".");
  }

  private static Violation platformSettingsWithoutPlatformMode(String target) {
    return Violation.invalidParameter(target, P7_PLATFORM_SETTINGS_WITHOUT_PLATFORM_MODE,
        "AutomaticByPlatformSettings cannot be set if the PatchMode is not 'AutomaticByPlatform'.");
  }

  private static String describe(@Nullable ImageReference i) {
    if (i == null) {
      return "(none)";
    }
    if (i.isCustom()) {
      return i.id().orElse("(custom)");
    }
    return i.publisher().orElse("?") + ":" + i.offer().orElse("?") + ":" + i.sku().orElse("?");
  }

  private static boolean isRhel(@Nullable ImageReference image) {
    return image != null && "RedHat".equalsIgnoreCase(image.publisher().orElse(null));
  }

  // =====================================================================================
  // T-rules
  // =====================================================================================

  /**
   * Checks T1 and T2 for a change from {@code previous} (the existing VM) to {@code requested}, using
   * this policy's {@link TransitionRuleSet}. Absent values take their defaults before comparing, so an
   * absent {@code enableAutomaticUpdates} equals an explicit true. Only the transition is judged:
   * combine with {@code validate(requested)} for the P-rules. Mode strings Azure does not know are left
   * to P1.
   *
   * @throws IllegalArgumentException if the two records have different ids (ignoring case): they
   *     are not the same VM
   */
  public ValidationReport validateTransition(VirtualMachine previous, VirtualMachine requested) {
    if (!previous.id().equalsIgnoreCase(requested.id())) {
      throw new IllegalArgumentException(
          "previous and requested must be the same VM, but previous.id is '" + previous.id()
              + "' and requested.id is '" + requested.id() + "'");
    }
    if (!previous.isWindows() || !requested.isWindows()) {
      return ValidationReport.empty(); // neither rule restricts Linux
    }
    List<Violation> f = null;
    boolean before = automaticUpdates(previous);
    boolean after = automaticUpdates(requested);
    if (before != after) {
      f = add(f, Violation.of("PropertyChangeNotAllowed", SettingsTargets.W_AUTOMATIC_UPDATES,
          T1_AUTOMATIC_UPDATES_CHANGED, Severity.ERROR,
          "Changing property 'windowsConfiguration.enableAutomaticUpdates' is not allowed. It can only be "
              + "set when the VM is created: keep it " + before + ", or recreate the VM."));
    }
    WindowsVMGuestPatchMode from = windowsMode(previous);
    WindowsVMGuestPatchMode to = windowsMode(requested);
    if (from.isKnown() && to.isKnown() && !transitionRules.allows(from, to, before)) {
      f = add(f, Violation.of(Eligibility.CODE, SettingsTargets.W_PATCH_MODE,
          T2_MODE_TRANSITION_NOT_ALLOWED, Severity.ERROR,
          "Switching patchMode from '" + from + "' to '" + to + "' is not supported under the "
              + transitionRules + " rules" + transitionHint(before) + "."));
    }
    return f == null ? ValidationReport.empty() : ValidationReport.of(f);
  }

  private String transitionHint(boolean automaticUpdates) {
    if (transitionRules == TransitionRuleSet.SEED) {
      return " (Manual cannot switch to or from an automatic mode): keep the mode, or recreate the VM";
    }
    return " with enableAutomaticUpdates=" + automaticUpdates
        + " (AutomaticByPlatform<->Manual needs it false, AutomaticByPlatform<->AutomaticByOS needs it "
        + "true, AutomaticByOS<->Manual is never allowed): keep the mode, or recreate the VM";
  }

  // =====================================================================================
  // E-rules
  // =====================================================================================

  /**
   * Decides E1-E4: whether the VM is patched automatically, availability-first, or every reason why
   * not. Allocates nothing when the VM is eligible.
   */
  public Eligibility eligibility(VirtualMachine vm) {
    List<Violation> r = null;
    OperatingSystemTypes os = vm.osType();
    boolean windows = OperatingSystemTypes.WINDOWS.equals(os);
    boolean linux = OperatingSystemTypes.LINUX.equals(os);
    String modeTarget = windows ? SettingsTargets.W_PATCH_MODE : SettingsTargets.L_PATCH_MODE;
    List<Violation> errors = check(vm, false); // the P-rule errors, warnings skipped
    ImageReference image = vm.imageReference().orElse(null);
    String agentVersion = null;
    String mode; // the effective patch mode, for the E1 message
    boolean platform;
    boolean agent;
    if (windows) {
      WindowsConfiguration wc = vm.windowsConfiguration().orElse(null);
      WindowsVMGuestPatchMode m = windowsMode(wc == null ? null : wc.patchSettings().orElse(null));
      mode = m.value();
      platform = WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM.equals(m);
      agent = windowsAgent(wc);
    } else if (linux) {
      LinuxConfiguration lc = vm.linuxConfiguration().orElse(null);
      LinuxVMGuestPatchMode m = linuxMode(lc == null ? null : lc.patchSettings().orElse(null));
      mode = m.value();
      platform = LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM.equals(m);
      agent = linuxAgent(lc);
      agentVersion = vm.vmAgentVersion().orElse(null);
    } else {
      mode = "?";
      platform = false;
      agent = true; // no configuration of a known OS says otherwise
    }

    // E1
    if (!platform) {
      r = add(r, notEligible(modeTarget, Eligibility.E1_NOT_AUTOMATIC_BY_PLATFORM,
          "The patchMode is '" + mode + "' on osType '" + os
              + "': only patchMode 'AutomaticByPlatform' is patched automatically; set it to "
              + "AutomaticByPlatform."));
    }
    // Under AutomaticByPlatform, P8 has already looked the image up: no P8 finding means supported.
    boolean imageSupported = platform;
    if (errors != null) {
      StringBuilder list = null;
      for (Violation v : errors) {
        if (P8_IMAGE_NOT_SUPPORTED.equals(v.reason()) || P8_CUSTOM_IMAGE.equals(v.reason())) {
          imageSupported = false;
        }
        if (v.isError() && !coveredByE2OrE3(v.reason())) {
          list = list == null ? new StringBuilder() : list.append(", ");
          list.append(v.reason());
        }
      }
      if (list != null) {
        r = add(r, notEligible(windows ? SettingsTargets.W_PATCH_SETTINGS : SettingsTargets.L_PATCH_SETTINGS,
            Eligibility.E1_SETTINGS_INVALID,
            "The patch settings are invalid (" + list + "): fix them; validate() says how."));
      }
    }

    // E2
    if (!platform) {
      imageSupported = image != null && imageCatalogue.supports(image);
    }
    if (!imageSupported) {
      r = add(r, notEligible(modeTarget, Eligibility.E2_IMAGE_NOT_SUPPORTED,
          "The image " + describe(image) + " is not supported for automatic guest patching"
              + (image != null && image.isCustom()
                  ? " (custom images never are)"
                  : " in the '" + imageCatalogue.edition() + "' image catalogue")
              + ": use a supported marketplace image."));
    }

    // E3
    if (!agent) {
      r = add(r, notEligible(windows ? SettingsTargets.W_AGENT : SettingsTargets.L_AGENT,
          Eligibility.E3_AGENT_NOT_PROVISIONED,
          "The VM agent is not provisioned: set provisionVMAgent to true (the platform patches through it)."));
    } else if (linux) {
      int cmp = agentVersion == null
          ? SettingsVersions.UNPARSABLE
          : SettingsVersions.compareDotted(agentVersion, SettingsVersions.MIN_LINUX_AGENT);
      if (cmp < 0) {
        r = add(r, notEligible(SettingsTargets.AGENT_VERSION, Eligibility.E3_AGENT_TOO_OLD,
            (agentVersion == null
                    ? "The Linux VM agent version is not known"
                    : cmp == SettingsVersions.UNPARSABLE
                        ? "The Linux VM agent version '" + agentVersion + "' is malformed"
                        : "The Linux VM agent " + agentVersion + " is too old")
                + ": automatic patching needs " + SettingsVersions.MIN_LINUX_AGENT_TEXT
                + " or later; update the agent (waagent) and refresh the inventory."));
      }
    }

    // E4
    if (requireOptIn && !optedIn.contains(vm.subscriptionId())) {
      r = add(r, notEligible(SettingsTargets.SUBSCRIPTION, Eligibility.E4_NOT_OPTED_IN,
          "Subscription " + vm.subscriptionId() + " has not opted in: register the preview features "
              + "Microsoft.Compute/InGuestAutoPatchVMPreview and Microsoft.Compute/InGuestPatchVMPreview."));
    }
    return r == null ? Eligibility.eligible() : Eligibility.notEligible(r);
  }

  private static boolean coveredByE2OrE3(String reason) {
    switch (reason) {
      case P8_IMAGE_NOT_SUPPORTED:
      case P8_CUSTOM_IMAGE:
      case P9_LINUX_AGENT_TOO_OLD:
      case P9_LINUX_AGENT_VERSION_MALFORMED:
      case P3_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT:
      case P4_LINUX_AUTOMATIC_BY_PLATFORM_REQUIRES_VM_AGENT:
      case P5_ASSESSMENT_BY_PLATFORM_REQUIRES_VM_AGENT:
      case P6_HOTPATCH_REQUIRES_VM_AGENT:
        return true;
      default:
        return false;
    }
  }

  private static Violation notEligible(String target, String reason, String message) {
    return Violation.of(Eligibility.CODE, target, reason, Severity.ERROR, message);
  }

  // =====================================================================================
  // Effective configuration
  // =====================================================================================

  /**
   * What the VM's settings amount to with Azure's defaults applied (SPEC 3.4, P2). Describes the
   * settings as given, valid or not.
   */
  public EffectiveConfiguration effectiveConfiguration(VirtualMachine vm) {
    ImmutableEffectiveConfiguration.Builder b =
        ImmutableEffectiveConfiguration.builder().osType(vm.osType());
    if (vm.isWindows()) {
      WindowsConfiguration wc = vm.windowsConfiguration().orElse(null);
      PatchSettings ps = wc == null ? null : wc.patchSettings().orElse(null);
      WindowsVMGuestPatchMode mode = windowsMode(ps);
      boolean updates = windowsUpdates(wc);
      b.patchMode(mode.value())
          .patchModeDefaulted(ps == null || ps.patchMode().isEmpty())
          .assessmentMode(ps == null
              ? WindowsPatchAssessmentMode.IMAGE_DEFAULT.value()
              : ps.assessmentMode().orElse(WindowsPatchAssessmentMode.IMAGE_DEFAULT).value())
          .provisionVMAgent(windowsAgent(wc))
          .enableAutomaticUpdates(updates)
          .hotpatching(ps != null && ps.enableHotpatching().orElse(Boolean.FALSE));
      if (WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM.equals(mode)) {
        b.orchestrator(Orchestrator.PLATFORM).osAutomaticUpdates(OsAutomaticUpdates.DISABLED_BY_PLATFORM);
      } else if (WindowsVMGuestPatchMode.AUTOMATIC_BY_OS.equals(mode)) {
        b.orchestrator(Orchestrator.OS).osAutomaticUpdates(updates ? OsAutomaticUpdates.ON : OsAutomaticUpdates.OFF);
      } else if (WindowsVMGuestPatchMode.MANUAL.equals(mode)) {
        b.orchestrator(Orchestrator.NONE).osAutomaticUpdates(updates ? OsAutomaticUpdates.ON : OsAutomaticUpdates.OFF);
      } else {
        b.orchestrator(Orchestrator.NONE).osAutomaticUpdates(OsAutomaticUpdates.UNKNOWN);
      }
    } else if (OperatingSystemTypes.LINUX.equals(vm.osType())) {
      LinuxConfiguration lc = vm.linuxConfiguration().orElse(null);
      LinuxPatchSettings ps = lc == null ? null : lc.patchSettings().orElse(null);
      LinuxVMGuestPatchMode mode = linuxMode(ps);
      b.patchMode(mode.value())
          .patchModeDefaulted(ps == null || ps.patchMode().isEmpty())
          .assessmentMode(ps == null
              ? LinuxPatchAssessmentMode.IMAGE_DEFAULT.value()
              : ps.assessmentMode().orElse(LinuxPatchAssessmentMode.IMAGE_DEFAULT).value())
          .provisionVMAgent(linuxAgent(lc))
          .hotpatching(false);
      if (LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM.equals(mode)) {
        b.orchestrator(Orchestrator.PLATFORM)
            .osAutomaticUpdates(isRhel(vm.imageReference().orElse(null)) ? OsAutomaticUpdates.OWNER_MUST_DISABLE : OsAutomaticUpdates.DISABLED_BY_PLATFORM);
      } else if (LinuxVMGuestPatchMode.IMAGE_DEFAULT.equals(mode)) {
        b.orchestrator(Orchestrator.OS).osAutomaticUpdates(OsAutomaticUpdates.IMAGE_DEFAULT);
      } else {
        b.orchestrator(Orchestrator.NONE).osAutomaticUpdates(OsAutomaticUpdates.UNKNOWN);
      }
    } else {
      b.patchMode("").patchModeDefaulted(false).assessmentMode("").provisionVMAgent(false)
          .hotpatching(false).orchestrator(Orchestrator.NONE).osAutomaticUpdates(OsAutomaticUpdates.UNKNOWN);
    }
    return b.build();
  }

  // =====================================================================================
  // Helpers
  // =====================================================================================

  /** The patch mode, Azure's default {@code AutomaticByOS} when absent (P2). */
  private static WindowsVMGuestPatchMode windowsMode(@Nullable PatchSettings ps) {
    return ps == null
        ? WindowsVMGuestPatchMode.AUTOMATIC_BY_OS
        : ps.patchMode().orElse(WindowsVMGuestPatchMode.AUTOMATIC_BY_OS);
  }

  /** The patch mode, Azure's default {@code ImageDefault} when absent (P2). */
  private static LinuxVMGuestPatchMode linuxMode(@Nullable LinuxPatchSettings ps) {
    return ps == null
        ? LinuxVMGuestPatchMode.IMAGE_DEFAULT
        : ps.patchMode().orElse(LinuxVMGuestPatchMode.IMAGE_DEFAULT);
  }

  /** Whether the VM agent is provisioned, Azure's default true when absent (P2). */
  private static boolean windowsAgent(@Nullable WindowsConfiguration wc) {
    return wc == null || wc.provisionVMAgent().orElse(Boolean.TRUE);
  }

  /** Whether the VM agent is provisioned, Azure's default true when absent (P2). */
  private static boolean linuxAgent(@Nullable LinuxConfiguration lc) {
    return lc == null || lc.provisionVMAgent().orElse(Boolean.TRUE);
  }

  private static WindowsVMGuestPatchMode windowsMode(VirtualMachine vm) {
    WindowsConfiguration wc = vm.windowsConfiguration().orElse(null);
    return windowsMode(wc == null ? null : wc.patchSettings().orElse(null));
  }

  /** Windows {@code enableAutomaticUpdates}, Azure's default true when absent (P2). */
  private static boolean windowsUpdates(@Nullable WindowsConfiguration wc) {
    return wc == null || wc.enableAutomaticUpdates().orElse(Boolean.TRUE);
  }

  private static boolean automaticUpdates(VirtualMachine vm) {
    return windowsUpdates(vm.windowsConfiguration().orElse(null));
  }

  private static List<Violation> add(@Nullable List<Violation> list, Violation v) {
    List<Violation> l = list == null ? new ArrayList<>(4) : list;
    l.add(v);
    return l;
  }

  @Override
  public String toString() {
    return "PatchSettingsPolicy[catalogue=" + imageCatalogue.edition() + ", transitions="
        + transitionRules + ", requireOptIn=" + requireOptIn + "]";
  }

  /**
   * Builds a {@link PatchSettingsPolicy}; starts from the defaults of {@link #ofDefaults()}. Each
   * setter checks its argument at once. Not thread-safe; the built policy is.
   */
  public static final class Builder {
    private ImageCatalogue imageCatalogue = ImageCatalogue.seed();
    private TransitionRuleSet transitionRules = TransitionRuleSet.SEED;
    private boolean requireOptIn;
    private final Map<String, Set<String>> features = new LinkedHashMap<>();

    private Builder() {}

    /** The supported-image catalogue (default {@link ImageCatalogue#seed()}). */
    public Builder imageCatalogue(ImageCatalogue catalogue) {
      this.imageCatalogue = Objects.requireNonNull(catalogue, "imageCatalogue");
      return this;
    }

    /** The T2 rule set (default {@link TransitionRuleSet#SEED}). */
    public Builder transitionRules(TransitionRuleSet rules) {
      this.transitionRules = Objects.requireNonNull(rules, "transitionRules");
      return this;
    }

    /**
     * Whether E4 requires the subscription to have registered both preview features
     * ({@link #OPT_IN_FEATURES}; default false).
     */
    public Builder requireOptIn(boolean required) {
      this.requireOptIn = required;
      return this;
    }

    /**
     * The registered preview features per subscription id (replacing any given before). Feature names
     * match ignoring case, with or without the {@code Microsoft.Compute/} prefix; subscription ids
     * match ignoring case.
     *
     * @throws IllegalArgumentException if a subscription id or a feature name is blank, or a
     *     subscription id appears twice ignoring case
     */
    public Builder subscriptionFeatures(Map<String, Set<String>> featuresBySubscription) {
      Objects.requireNonNull(featuresBySubscription, "subscriptionFeatures");
      Map<String, Set<String>> copy = new LinkedHashMap<>();
      Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      for (Map.Entry<String, Set<String>> e : featuresBySubscription.entrySet()) {
        String subscription = Objects.requireNonNull(e.getKey(), "subscriptionFeatures: subscription id");
        if (subscription.isBlank()) {
          throw new IllegalArgumentException("subscriptionFeatures: a subscription id is blank; give the subscription GUID");
        }
        if (!seen.add(subscription)) {
          throw new IllegalArgumentException(
              "subscriptionFeatures: subscription id '" + subscription + "' appears twice (ids match ignoring case)");
        }
        Collection<String> names = Objects.requireNonNull(e.getValue(),
            "subscriptionFeatures: features of " + subscription);
        for (String name : names) {
          if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                "subscriptionFeatures: subscription '" + subscription + "' has a blank feature name");
          }
        }
        copy.put(subscription, Set.copyOf(names));
      }
      features.clear();
      features.putAll(copy);
      return this;
    }

    /** The policy. */
    public PatchSettingsPolicy build() {
      return new PatchSettingsPolicy(this);
    }
  }
}
