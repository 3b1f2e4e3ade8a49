package io.guestpatch.benchmarks;

import io.guestpatch.model.ImageReference;
import io.guestpatch.model.LinuxConfiguration;
import io.guestpatch.model.LinuxPatchSettings;
import io.guestpatch.model.LinuxVMGuestPatchMode;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.Region;
import io.guestpatch.policy.RegionCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded in-memory fleet for {@link PlannerBenchmark} and {@link PlannerHeap}: 24 catalogue regions
 * with skewed sizes, zones 1-3 where the region has zones (60% of regional-capable VMs zonal), 30% of
 * VMs in availability sets of 2-50 VMs over 5 update domains, one subscription per 200 VMs (5,000 at
 * 1M), 95% eligible. Deterministic per (size, seed). Not thread-safe while building.
 */
final class PlannerFleet {
  private static final int REGIONS = 24;
  private static final double SET_START = 0.3 / 18.5;

  private PlannerFleet() {}

  static List<VirtualMachine> generate(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Region> regions = new ArrayList<>(RegionCatalogue.ofDefaults().regions()).subList(0, REGIONS);
    double[] weight = new double[REGIONS];
    double sum = 0;
    for (int i = 0; i < REGIONS; i++) {
      weight[i] = 1.0 / (1 + (i * 7) % REGIONS);
      sum += weight[i];
    }
    int subscriptions = Math.max(10, size / 200);
    String[] subIds = new String[subscriptions];
    for (int i = 0; i < subscriptions; i++) {
      subIds[i] = String.format("%08x-%04x-4%03x-8%03x-%012x", random.nextInt(), i & 0xffff,
          random.nextInt(0x1000), random.nextInt(0x1000), random.nextLong() & 0xffffffffffffL);
    }
    LinuxConfiguration eligible = linux(LinuxVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
    LinuxConfiguration imageDefault = linux(LinuxVMGuestPatchMode.IMAGE_DEFAULT);
    ImageReference image = ImageReference.builder()
        .publisher("Canonical").offer("UbuntuServer").sku("18.04-LTS").version("latest").build();
    List<VirtualMachine> out = new ArrayList<>(size);
    int setNumber = 0;
    while (out.size() < size) {
      int r = pick(random, weight, sum);
      Region region = regions.get(r);
      String sub = subIds[random.nextInt(subscriptions)];
      // A set has 26 VMs on average: starting one with p = 0.3 / 18.5 puts 30% of VMs in sets.
      boolean inSet = random.nextDouble() < SET_START;
      int count = inSet ? Math.min(2 + random.nextInt(49), size - out.size()) : 1;
      String setId = inSet
          ? "/subscriptions/" + sub + "/resourceGroups/rg-" + r + "/providers/Microsoft.Compute/availabilitySets/as-" + setNumber++
          : null;
      for (int k = 0; k < count; k++) {
        int n = out.size();
        String name = "vm-" + n;
        VirtualMachine.Builder b = VirtualMachine.builder()
            .id("/subscriptions/" + sub + "/resourceGroups/rg-" + r + "/providers/Microsoft.Compute/virtualMachines/" + name)
            .name(name)
            .subscriptionId(sub)
            .resourceGroup("rg-" + r)
            .region(region.name())
            .osType(OperatingSystemTypes.LINUX)
            .imageReference(image)
            .vmAgentVersion("2.2.54.2");
        boolean ok = random.nextDouble() < 0.95;
        b.linuxConfiguration(ok ? eligible : imageDefault);
        if (setId != null) {
          b.availabilitySetId(setId).platformUpdateDomain(k % 5).platformFaultDomain(k % 3);
        } else if (region.availabilityZones() > 0 && random.nextDouble() < 0.6) {
          b.zone(Integer.toString(1 + random.nextInt(region.availabilityZones())));
        }
        out.add(b.build());
      }
    }
    return out;
  }

  private static LinuxConfiguration linux(LinuxVMGuestPatchMode mode) {
    return LinuxConfiguration.builder()
        .provisionVMAgent(true)
        .patchSettings(LinuxPatchSettings.builder().patchMode(mode).build())
        .build();
  }

  private static int pick(SplittableRandom random, double[] weight, double sum) {
    double x = random.nextDouble() * sum;
    for (int i = 0; i < weight.length; i++) {
      x -= weight[i];
      if (x < 0) {
        return i;
      }
    }
    return weight.length - 1;
  }
}
