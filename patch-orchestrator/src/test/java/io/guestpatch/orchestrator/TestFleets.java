package io.guestpatch.orchestrator;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.PatchSettingsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded test fleets made directly from {@link VirtualMachine} records: a small fluent fleet for
 * hand-made cases and a random generator for fleets of many shapes. Not thread-safe.
 */
final class TestFleets {
  static final PatchSettingsPolicy SETTINGS = PatchSettingsPolicy.ofDefaults();
  private static final ImageReference UBUNTU = ImageReference.builder()
      .publisher("Canonical").offer("UbuntuServer").sku("18.04-LTS").version("latest").build();
  private static final LinuxConfiguration AUTOMATIC = linux(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
  private static final LinuxConfiguration IMAGE_DEFAULT = linux(LinuxVMGuestPatchMode.IMAGE_DEFAULT);

  private final List<VirtualMachine> vms = new ArrayList<>();

  static TestFleets fleet() {
    return new TestFleets();
  }

  /** Adds an eligible VM. */
  TestFleets add(String region, String subscription, Optional<String> zone, Optional<String> set, int updateDomain) {
    vms.add(vm(vms.size(), region, subscription, zone, set, updateDomain, true));
    return this;
  }

  /** Adds a VM, eligible or not (E1: patch mode ImageDefault). */
  TestFleets add(String region, String subscription, Optional<String> zone, Optional<String> set, int updateDomain,
      boolean eligible) {
    vms.add(vm(vms.size(), region, subscription, zone, set, updateDomain, eligible));
    return this;
  }

  /** Adds {@code count} eligible regional non-set VMs. */
  TestFleets plain(String region, String subscription, int count) {
    for (int i = 0; i < count; i++) {
      add(region, subscription, Optional.empty(), Optional.empty(), -1);
    }
    return this;
  }

  List<VirtualMachine> build() {
    return List.copyOf(vms);
  }

  static VirtualMachine vm(int n, String region, String subscription, Optional<String> zone, Optional<String> set,
      int updateDomain, boolean eligible) {
    String name = "vm-" + n;
    VirtualMachine.Builder b = VirtualMachine.builder()
        .id("/subscriptions/" + subscription + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + name)
        .name(name)
        .subscriptionId(subscription)
        .resourceGroup("rg")
        .region(region)
        .zone(zone)
        .availabilitySetId(set.map(s -> "/subscriptions/" + subscription
            + "/resourceGroups/rg/providers/Microsoft.Compute/availabilitySets/" + s))
        .osType(OperatingSystemTypes.LINUX)
        .imageReference(UBUNTU)
        .vmAgentVersion("2.2.54.2")
        .linuxConfiguration(eligible ? AUTOMATIC : IMAGE_DEFAULT);
    if (updateDomain >= 0) {
      b.platformUpdateDomain(updateDomain);
    }
    VirtualMachine vm = b.build();
    if (SETTINGS.eligibility(vm).isEligible() != eligible) {
      throw new AssertionError("test fleet VM " + name + " should be " + (eligible ? "eligible" : "ineligible")
          + " but is not: " + SETTINGS.eligibility(vm));
    }
    return vm;
  }

  private static LinuxConfiguration linux(LinuxVMGuestPatchMode mode) {
    return LinuxConfiguration.builder()
        .provisionVMAgent(true)
        .patchSettings(LinuxPatchSettings.builder().patchMode(mode).build())
        .build();
  }

  /** The shape of a random fleet. */
  enum Shape {
    ONE_REGION(List.of("eastus"), 20, 0.3, 1, 30, 5, 0.5, false),
    ONLY_PAIRED_REGIONS(List.of("eastus", "westus", "westus3", "eastus2", "centralus", "northeurope",
        "westeurope"), 30, 0.3, 2, 25, 5, 0.5, false),
    ONE_VM_SETS(List.of("eastus", "uksouth", "japaneast"), 15, 0.5, 1, 1, 5, 0.3, false),
    SETS_IN_ONE_UPDATE_DOMAIN(List.of("eastus", "westeurope"), 10, 0.6, 5, 40, 1, 0.3, false),
    THOUSANDS_OF_SUBSCRIPTIONS(List.of("eastus", "westus2", "francecentral", "koreacentral", "brazilsouth",
        "mexicocentral"), 3000, 0.2, 2, 20, 5, 0.5, false),
    NO_ZONES(List.of("westus", "northcentralus", "ukwest", "japanwest"), 25, 0.3, 2, 30, 5, 0.0, false),
    MIXED_ZONAL_AND_REGIONAL(List.of("eastus", "westus", "westus3", "swedencentral", "italynorth",
        "australiaeast", "southeastasia"), 40, 0.3, 1, 50, 5, 0.5, true);

    final List<String> regions;
    final int subscriptions;
    final double setShare;
    final int minSet;
    final int maxSet;
    final int updateDomains;
    final double zonalShare;
    final boolean zonalSets;

    Shape(List<String> regions, int subscriptions, double setShare, int minSet, int maxSet, int updateDomains,
        double zonalShare, boolean zonalSets) {
      this.regions = regions;
      this.subscriptions = subscriptions;
      this.setShare = setShare;
      this.minSet = minSet;
      this.maxSet = maxSet;
      this.updateDomains = updateDomains;
      this.zonalShare = zonalShare;
      this.zonalSets = zonalSets;
    }
  }

  /**
   * A random fleet of about {@code size} VMs of a shape: regions picked with skewed weights,
   * subscriptions uniformly, sets kept in one region and subscription, about 10% ineligible.
   */
  static List<VirtualMachine> random(long seed, Shape shape, int size) {
    Random random = new Random(seed);
    List<VirtualMachine> out = new ArrayList<>();
    int setNumber = 0;
    while (out.size() < size) {
      // Skewed: region i is about twice as likely as region i+1.
      int r = 0;
      while (r < shape.regions.size() - 1 && random.nextBoolean()) {
        r++;
      }
      String region = shape.regions.get(r);
      String sub = String.format("%08d-0000-0000-0000-%012d", random.nextInt(shape.subscriptions), seed & 0xffff);
      boolean inSet = random.nextDouble() < shape.setShare;
      int count = inSet ? shape.minSet + random.nextInt(shape.maxSet - shape.minSet + 1) : 1;
      Optional<String> set = inSet ? Optional.of("as-" + setNumber++) : Optional.empty();
      boolean zonalSet = inSet && shape.zonalSets && random.nextBoolean();
      for (int k = 0; k < count; k++) {
        Optional<String> zone = Optional.empty();
        if ((!inSet || zonalSet) && random.nextDouble() < shape.zonalShare) {
          zone = Optional.of(Integer.toString(1 + random.nextInt(3)));
        }
        int ud = inSet ? random.nextInt(shape.updateDomains) : -1;
        // Mixed case in some regions and set ids: matching ignores case.
        String regionText = random.nextInt(10) == 0 ? region.toUpperCase(java.util.Locale.ROOT) : region;
        out.add(vm(out.size(), regionText, sub, zone, set, ud, random.nextDouble() >= 0.1));
      }
    }
    return out;
  }

  private TestFleets() {}
}
