package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.LinuxParameters;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VMGuestPatchClassificationLinux;
import io.guestpatch.model.VMGuestPatchClassificationWindows;
import io.guestpatch.model.VMGuestPatchRebootBehavior;
import io.guestpatch.model.VMGuestPatchRebootSetting;
import io.guestpatch.model.VirtualMachineInstallPatchesParameters;
import io.guestpatch.model.VirtualMachineSoftwarePatchProperties;
import io.guestpatch.model.WindowsParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded random requests and patches (S2-S5): the three counts always add up to the number of patches,
 * and a patch that matches an exclusion is always Excluded. Each failure names its seed.
 */
class SelectionRandomTest {
  private static final long BASE_SEED = 0x5E1EC7L;
  private static final int RUNS = 400;
  private static final String[] WINDOWS_LABELS = {"Critical Updates", "Security Updates", "Update Rollups",
      "Feature Packs", "Service Packs", "Definition Updates", "Tools", "Updates", "Drivers", "security"};
  private static final String[] LINUX_LABELS = {"Critical", "Security", "Other", "Unclassified", "Bugfix"};
  private static final String[] PACKAGES = {"kernel", "kernel-core", "openssl", "openssl-libs", "bash", "vim",
      "libc6", "python3"};
  private static final String[] ARCH = {"", ".x86_64", ".noarch", ".i686", ".aarch64"};
  private static final VMGuestPatchRebootBehavior[] REBOOT = {VMGuestPatchRebootBehavior.NEVER_REBOOTS,
      VMGuestPatchRebootBehavior.ALWAYS_REQUIRES_REBOOT, VMGuestPatchRebootBehavior.CAN_REQUEST_REBOOT,
      VMGuestPatchRebootBehavior.UNKNOWN};
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  private final InstallSelector selector = InstallSelector.ofDefaults();

  @Test
  @DisplayName("S3, S5: random Windows requests: counts sum to the patches, exclusion always wins")
  void windowsCountsAndExclusion() {
    for (int run = 0; run < RUNS; run++) {
      long seed = BASE_SEED + run;
      Random rnd = new Random(seed);
      List<VirtualMachineSoftwarePatchProperties> patches = new ArrayList<>();
      int n = rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        int kb = 1000 + rnd.nextInt(20);
        VirtualMachineSoftwarePatchProperties.Builder b = VirtualMachineSoftwarePatchProperties.builder()
            .patchId("p" + i)
            .name("Update " + (rnd.nextBoolean() ? "Windows" : "SQL") + " KB" + kb)
            .kbId(rnd.nextInt(4) == 0 ? "KB" + kb : Integer.toString(kb))
            .publishedDate(AzureDateTime.of(EPOCH.plusSeconds(rnd.nextInt(100))));
        int labels = rnd.nextInt(3);
        for (int l = 0; l < labels; l++) {
          b.addClassifications(WINDOWS_LABELS[rnd.nextInt(WINDOWS_LABELS.length)]);
        }
        if (rnd.nextInt(5) > 0) {
          b.rebootBehavior(REBOOT[rnd.nextInt(REBOOT.length)]);
        }
        patches.add(b.build());
      }
      WindowsParameters.Builder wp = WindowsParameters.builder();
      List<VMGuestPatchClassificationWindows> all = new ArrayList<>(VMGuestPatchClassificationWindows.values());
      wp.addClassificationsToInclude(all.get(rnd.nextInt(all.size())));
      for (VMGuestPatchClassificationWindows c : all) {
        if (rnd.nextInt(3) == 0) {
          wp.addClassificationsToInclude(c);
        }
      }
      List<String> excludedKbs = new ArrayList<>();
      for (int k = rnd.nextInt(4); k > 0; k--) {
        String kb = Integer.toString(1000 + rnd.nextInt(20));
        excludedKbs.add(kb);
        wp.addKbNumbersToExclude(rnd.nextBoolean() ? "KB" + kb : kb);
        if (rnd.nextBoolean()) {
          wp.addKbNumbersToInclude(kb); // included and excluded at once: exclusion must win
        }
      }
      boolean excludeSql = rnd.nextInt(3) == 0;
      if (excludeSql) {
        wp.addPatchNameMasksToExclude("*sql*");
      }
      if (rnd.nextBoolean()) {
        wp.addPatchNameMasksToInclude("Update*");
      }
      boolean excludeReboot = rnd.nextBoolean();
      wp.excludeKbsRequiringReboot(excludeReboot);
      if (rnd.nextBoolean()) {
        wp.maxPatchPublishDate(AzureDateTime.of(EPOCH.plusSeconds(rnd.nextInt(100))));
      }
      VirtualMachineInstallPatchesParameters params = VirtualMachineInstallPatchesParameters.builder()
          .rebootSetting(VMGuestPatchRebootSetting.IF_REQUIRED).windowsParameters(wp.build()).build();

      InstallSelection s = selector.select(params, patches, OperatingSystemTypes.WINDOWS);
      assertThat(s.selections()).as("seed %d", seed).hasSize(n);
      assertThat(s.pendingPatchCount() + s.excludedPatchCount() + s.notSelectedPatchCount())
          .as("seed %d: counts sum to the patches", seed).isEqualTo(n);
      assertThat(s.pendingPatchCount()).as("seed %d", seed).isEqualTo(s.inState(SelectionState.PENDING).size());
      assertThat(s.excludedPatchCount()).as("seed %d", seed).isEqualTo(s.inState(SelectionState.EXCLUDED).size());
      for (PatchSelection ps : s.selections()) {
        VirtualMachineSoftwarePatchProperties p = ps.patch().patch();
        String kb = p.kbId().orElseThrow().replaceFirst("^KB", "");
        boolean shouldExclude = excludedKbs.contains(kb)
            || (excludeSql && p.name().orElseThrow().contains("SQL"))
            || (excludeReboot && !p.rebootBehavior().equals(Optional.of(VMGuestPatchRebootBehavior.NEVER_REBOOTS)));
        if (shouldExclude) {
          assertThat(ps.state()).as("seed %d, patch %s: %s", seed, p, ps.detail()).isEqualTo(SelectionState.EXCLUDED);
        } else {
          assertThat(ps.state()).as("seed %d, patch %s: %s", seed, p, ps.detail())
              .isNotEqualTo(SelectionState.EXCLUDED);
        }
      }
    }
  }

  @Test
  @DisplayName("S4, S5: random Linux requests: counts sum to the patches, exclusion always wins")
  void linuxCountsAndExclusion() {
    for (int run = 0; run < RUNS; run++) {
      long seed = BASE_SEED * 31 + run;
      Random rnd = new Random(seed);
      List<VirtualMachineSoftwarePatchProperties> patches = new ArrayList<>();
      int n = rnd.nextInt(30);
      for (int i = 0; i < n; i++) {
        VirtualMachineSoftwarePatchProperties.Builder b = VirtualMachineSoftwarePatchProperties.builder()
            .patchId("p" + i)
            .name(PACKAGES[rnd.nextInt(PACKAGES.length)] + ARCH[rnd.nextInt(ARCH.length)])
            .version(rnd.nextInt(3) + "." + rnd.nextInt(3));
        if (rnd.nextInt(4) > 0) {
          b.addClassifications(LINUX_LABELS[rnd.nextInt(LINUX_LABELS.length)]);
        }
        patches.add(b.build());
      }
      LinuxParameters.Builder lp = LinuxParameters.builder();
      for (VMGuestPatchClassificationLinux c : VMGuestPatchClassificationLinux.values()) {
        if (rnd.nextBoolean()) {
          lp.addClassificationsToInclude(c);
        }
      }
      lp.addPackageNameMasksToInclude(PACKAGES[rnd.nextInt(PACKAGES.length)] + (rnd.nextBoolean() ? "*" : ""));
      if (rnd.nextBoolean()) {
        lp.addPackageNameMasksToInclude(PACKAGES[rnd.nextInt(PACKAGES.length)] + "=" + rnd.nextInt(3) + ".*");
      }
      List<String> excludedPrefixes = new ArrayList<>();
      for (int k = rnd.nextInt(3); k > 0; k--) {
        String prefix = PACKAGES[rnd.nextInt(PACKAGES.length)];
        excludedPrefixes.add(prefix);
        lp.addPackageNameMasksToExclude(prefix + "*");
        lp.addPackageNameMasksToInclude(prefix + "*"); // included too: exclusion must win
      }
      VirtualMachineInstallPatchesParameters params = VirtualMachineInstallPatchesParameters.builder()
          .rebootSetting(VMGuestPatchRebootSetting.NEVER).linuxParameters(lp.build()).build();

      InstallSelection s = selector.select(params, patches, OperatingSystemTypes.LINUX);
      assertThat(s.pendingPatchCount() + s.excludedPatchCount() + s.notSelectedPatchCount())
          .as("seed %d: counts sum to the patches", seed).isEqualTo(n);
      for (PatchSelection ps : s.selections()) {
        String name = ps.patch().patch().name().orElseThrow();
        boolean shouldExclude = excludedPrefixes.stream().anyMatch(name::startsWith);
        if (shouldExclude) {
          assertThat(ps.state()).as("seed %d, %s: %s", seed, name, ps.detail()).isEqualTo(SelectionState.EXCLUDED);
        } else {
          assertThat(ps.state()).as("seed %d, %s: %s", seed, name, ps.detail()).isNotEqualTo(SelectionState.EXCLUDED);
        }
      }
    }
  }
}
