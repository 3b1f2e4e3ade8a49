package io.guestpatch.orchestrator.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.PatchSettings;
import io.guestpatch.model.PowerState;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.model.WindowsVMGuestPatchMode;
import io.guestpatch.policy.RegionCatalogue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 4.6: the shares of a 20,000-VM default fleet are within sampling tolerance of the shape's. */
class FleetGeneratorSharesTest {
  private static final int VMS = 20_000;
  private static final long SEED = 20_240_611L;
  /** Images the generator uses for eligible VMs under the default image mix (both catalogue editions). */
  private static final Set<String> SUPPORTED = Set.of(
      "canonical/ubuntuserver/18.04-lts", "redhat/rhel/7.8",
      "microsoftwindowsserver/windowsserver/2012-r2-datacenter",
      "microsoftwindowsserver/windowsserver/2016-datacenter",
      "microsoftwindowsserver/windowsserver/2019-datacenter",
      "microsoftwindowsserver/windowsserver/2019-datacenter-core");
  private static final Set<String> WINDOWS_ZONES = Set.of(
      "Eastern Standard Time", "Central Standard Time", "Mountain Standard Time",
      "US Mountain Standard Time", "Pacific Standard Time", "E. South America Standard Time",
      "Central Standard Time (Mexico)", "GMT Standard Time", "W. Europe Standard Time",
      "Romance Standard Time", "Central European Standard Time", "China Standard Time",
      "Singapore Standard Time", "Tokyo Standard Time", "Korea Standard Time", "India Standard Time",
      "Arabian Standard Time", "Arab Standard Time", "Israel Standard Time",
      "AUS Eastern Standard Time", "New Zealand Standard Time", "South Africa Standard Time", "UTC");

  private static List<VirtualMachine> fleet;

  @BeforeAll
  static void generate() {
    fleet = FleetGenerator.of(FleetShape.ofDefaults(VMS), SEED).toList();
  }

  private static double share(long count, long of) {
    return (double) count / of;
  }

  @Test
  @DisplayName("SPEC 4.6: 40% Windows")
  void windowsShare() {
    long windows = fleet.stream().filter(VirtualMachine::isWindows).count();
    assertThat(share(windows, VMS)).as("seed %d", SEED).isCloseTo(0.4, within(0.03));
  }

  @Test
  @DisplayName("SPEC 4.6: 30% in availability sets")
  void availabilitySetShare() {
    long inSets = fleet.stream().filter(vm -> vm.availabilitySetId().isPresent()).count();
    assertThat(share(inSets, VMS)).as("seed %d", SEED).isCloseTo(0.3, within(0.03));
  }

  @Test
  @DisplayName("SPEC 4.6: half the VMs outside sets in zonal regions are zonal")
  void zonalShare() {
    RegionCatalogue catalogue = RegionCatalogue.ofDefaults();
    List<VirtualMachine> candidates = fleet.stream()
        .filter(vm -> vm.availabilitySetId().isEmpty())
        .filter(vm -> catalogue.region(vm.region()).orElseThrow().availabilityZones() > 0)
        .toList();
    long zonal = candidates.stream().filter(vm -> vm.zone().isPresent()).count();
    assertThat(share(zonal, candidates.size())).as("seed %d", SEED).isCloseTo(0.5, within(0.03));
  }

  @Test
  @DisplayName("SPEC 4.6: 3% deallocated, the rest running")
  void deallocatedShare() {
    long deallocated = fleet.stream().filter(vm -> vm.powerState().orElseThrow().equals(PowerState.DEALLOCATED)).count();
    long running = fleet.stream().filter(VirtualMachine::isRunning).count();
    assertThat(share(deallocated, VMS)).as("seed %d", SEED).isCloseTo(0.03, within(0.008));
    assertThat(deallocated + running).isEqualTo(VMS);
  }

  @Test
  @DisplayName("SPEC 4.6, W1: half the Windows VMs carry a real Windows time zone name matching the region")
  void windowsTimeZones() {
    List<VirtualMachine> windows = fleet.stream().filter(VirtualMachine::isWindows).toList();
    long withZone = windows.stream().filter(vm -> vm.windowsTimeZone().isPresent()).count();

    assertThat(share(withZone, windows.size())).as("seed %d", SEED).isCloseTo(0.5, within(0.03));
    assertThat(windows).allSatisfy(vm -> vm.windowsTimeZone().ifPresent(tz -> assertThat(WINDOWS_ZONES).contains(tz)));
    assertThat(windows).filteredOn(vm -> vm.region().equals("eastus"))
        .allSatisfy(vm -> vm.windowsTimeZone().ifPresent(tz -> assertThat(tz).isIn("Eastern Standard Time", "UTC")));
    assertThat(windows).filteredOn(vm -> vm.region().equals("japaneast"))
        .allSatisfy(vm -> vm.windowsTimeZone().ifPresent(tz -> assertThat(tz).isIn("Tokyo Standard Time", "UTC")));
    assertThat(fleet).filteredOn(vm -> !vm.isWindows()).allSatisfy(vm -> assertThat(vm.windowsConfiguration()).isEmpty());
  }

  @Test
  @DisplayName("SPEC 4.6, E1-E3: 5% ineligible, with every kind of reason")
  void ineligibleShareAndReasons() {
    long ineligible = fleet.stream().filter(vm -> reason(vm).isPresent()).count();
    Set<String> reasons = fleet.stream().flatMap(vm -> reason(vm).stream()).collect(java.util.stream.Collectors.toSet());

    assertThat(share(ineligible, VMS)).as("seed %d", SEED).isCloseTo(0.05, within(0.01));
    assertThat(reasons).containsExactlyInAnyOrder("mode", "unsupportedImage", "customImage", "oldAgent", "noAgent");
  }

  @Test
  @DisplayName("SPEC 4.6, P3, P4, P9: eligible VMs are AutomaticByPlatform with the agent, updates on, recent Linux agent")
  void eligibleVmsAreValidAutomaticByPlatform() {
    List<VirtualMachine> eligible = fleet.stream().filter(vm -> reason(vm).isEmpty()).toList();

    assertThat(eligible).hasSizeGreaterThan(VMS * 9 / 10);
    assertThat(eligible).allSatisfy(vm -> {
      if (vm.isWindows()) {
        WindowsConfiguration c = vm.windowsConfiguration().orElseThrow();
        assertThat(c.enableAutomaticUpdates()).contains(true);
        assertThat(c.provisionVMAgent()).contains(true);
      } else {
        assertThat(vm.linuxConfiguration().flatMap(LinuxConfiguration::provisionVMAgent)).contains(true);
        assertThat(compareVersions(vm.vmAgentVersion().orElseThrow(), "2.2.53.1")).isGreaterThanOrEqualTo(0);
      }
      assertThat(vm.apiVersion().orElseThrow()).isGreaterThanOrEqualTo("2021-03-01");
    });
  }

  /** Why automatic patching skips the VM, independently of the generator's own bookkeeping. */
  private static Optional<String> reason(VirtualMachine vm) {
    ImageReference image = vm.imageReference().orElseThrow();
    boolean agent;
    boolean platformMode;
    if (vm.isWindows()) {
      WindowsConfiguration c = vm.windowsConfiguration().orElseThrow();
      agent = c.provisionVMAgent().orElse(true);
      platformMode = c.patchSettings().flatMap(PatchSettings::patchMode)
          .map(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM::equals).orElse(false)
          && c.enableAutomaticUpdates().orElse(true);
    } else {
      LinuxConfiguration c = vm.linuxConfiguration().orElseThrow();
      agent = c.provisionVMAgent().orElse(true);
      platformMode = c.patchSettings().flatMap(LinuxPatchSettings::patchMode)
          .map(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM::equals).orElse(false);
    }
    if (!agent || vm.vmAgentVersion().isEmpty()) {
      return Optional.of("noAgent");
    }
    if (!platformMode) {
      return Optional.of("mode");
    }
    if (image.isCustom()) {
      return Optional.of("customImage");
    }
    String key = (image.publisher().orElseThrow() + "/" + image.offer().orElseThrow() + "/"
        + image.sku().orElseThrow()).toLowerCase(java.util.Locale.ROOT);
    if (!SUPPORTED.contains(key)) {
      return Optional.of("unsupportedImage");
    }
    if (!vm.isWindows() && compareVersions(vm.vmAgentVersion().orElseThrow(), "2.2.53.1") < 0) {
      return Optional.of("oldAgent");
    }
    return Optional.empty();
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }
}
