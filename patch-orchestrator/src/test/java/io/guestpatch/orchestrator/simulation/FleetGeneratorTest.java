package io.guestpatch.orchestrator.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.FleetFormat;
import io.guestpatch.model.FleetReadResult;
import io.guestpatch.model.FleetReader;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.Region;
import io.guestpatch.policy.RegionCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4.6: the seeded fleet generator is deterministic, well-formed and readable back. */
class FleetGeneratorTest {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  /** The default 20,000-VM fleet of seed 5, which two tests only read: generated once. */
  private static final List<VirtualMachine> DEFAULT_20K_SEED_5 =
      FleetGenerator.of(FleetShape.ofDefaults(20_000), 5).toList();

  @Test
  @DisplayName("SPEC 4.6: a one-VM fleet is one well-formed VM in one subscription")
  void generatesAOneVmFleet() {
    List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(1), 7).toList();

    assertThat(vms).hasSize(1);
    VirtualMachine vm = vms.get(0);
    assertThat(RegionCatalogue.ofDefaults().region(vm.region())).isPresent();
    assertThat(vm.id()).endsWith("/virtualMachines/" + vm.name());
    assertThat(vm.subscriptionId()).matches(GUID);
  }

  @Test
  @DisplayName("SPEC 4.6: fewer VMs than regions still fills each VM, in the largest regions")
  void generatesFewerVmsThanRegions() {
    List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(10), 3).toList();

    assertThat(vms).hasSize(10);
    assertThat(vms.stream().map(VirtualMachine::region).distinct().count()).isBetween(1L, 10L);
  }

  @Test
  @DisplayName("SPEC 4.6: the same shape and seed give the identical fleet, in the same order")
  void sameShapeAndSeedGiveTheSameFleet() {
    FleetShape shape = FleetShape.ofDefaults(5_000);

    List<VirtualMachine> first = FleetGenerator.of(shape, 42).toList();
    List<VirtualMachine> second = FleetGenerator.of(FleetShape.ofDefaults(5_000), 42).toList();

    assertThat(second).isEqualTo(first);
  }

  @Test
  @DisplayName("SPEC 4.6: generate, stream and toList give the same VMs")
  void generateStreamAndListAgree() {
    FleetGenerator generator = FleetGenerator.of(FleetShape.ofDefaults(2_000), 11);
    List<VirtualMachine> pushed = new ArrayList<>();
    generator.generate(pushed::add);

    assertThat(generator.stream().collect(Collectors.toList())).isEqualTo(pushed);
    assertThat(generator.toList()).isEqualTo(pushed);
    assertThat(generator.stream().count()).isEqualTo(2_000);
  }

  @Test
  @DisplayName("SPEC 4.6: different seeds give different fleets")
  void differentSeedsGiveDifferentFleets() {
    long seed = new SplittableRandom().nextLong();
    FleetShape shape = FleetShape.ofDefaults(1_000);

    List<VirtualMachine> a = FleetGenerator.of(shape, seed).toList();
    List<VirtualMachine> b = FleetGenerator.of(shape, seed + 1).toList();

    assertThat(a).as("seed %d", seed).isNotEqualTo(b);
    Set<String> subsA = a.stream().map(VirtualMachine::subscriptionId).collect(Collectors.toSet());
    Set<String> subsB = b.stream().map(VirtualMachine::subscriptionId).collect(Collectors.toSet());
    assertThat(subsA).as("seed %d", seed).doesNotContainAnyElementsOf(subsB);
  }

  @Test
  @DisplayName("SPEC 4.6: ids are unique ARM resource ids built from subscription, group and name")
  void idsAreUniqueArmIds() {
    List<VirtualMachine> vms = DEFAULT_20K_SEED_5;
    Set<String> ids = new HashSet<>();

    for (VirtualMachine vm : vms) {
      assertThat(vm.id()).isEqualTo("/subscriptions/" + vm.subscriptionId() + "/resourceGroups/"
          + vm.resourceGroup() + "/providers/Microsoft.Compute/virtualMachines/" + vm.name());
      assertThat(vm.subscriptionId()).matches(GUID);
      assertThat(ids.add(vm.id())).as("duplicate id %s", vm.id()).isTrue();
    }
  }

  @Test
  @DisplayName("SPEC 4.6: about one subscription per 250 VMs, a few of them large")
  void spreadsVmsOverSubscriptions() {
    List<VirtualMachine> vms = DEFAULT_20K_SEED_5;
    Map<String, Long> perSubscription =
        vms.stream().collect(Collectors.groupingBy(VirtualMachine::subscriptionId, Collectors.counting()));

    assertThat(perSubscription.size()).isBetween(60, 80);
    assertThat(perSubscription.values().stream().mapToLong(Long::longValue).max().getAsLong())
        .as("the largest subscription holds many times the average").isGreaterThan(5 * 250);
    assertThat(FleetShape.ofDefaults(1_000_000).subscriptions()).isEqualTo(4_000);
  }

  @Test
  @DisplayName("SPEC 4.6: every catalogue region gets VMs, and region sizes are skewed")
  void usesEveryRegionWithSkewedSizes() {
    List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(20_000), 9).toList();
    Map<String, Long> perRegion =
        vms.stream().collect(Collectors.groupingBy(VirtualMachine::region, Collectors.counting()));
    Set<String> catalogue = RegionCatalogue.ofDefaults().regions().stream()
        .map(Region::name).collect(Collectors.toSet());

    assertThat(perRegion.keySet()).isEqualTo(catalogue);
    long largest = perRegion.values().stream().mapToLong(Long::longValue).max().getAsLong();
    long smallest = perRegion.values().stream().mapToLong(Long::longValue).min().getAsLong();
    assertThat(largest).isGreaterThanOrEqualTo(10 * smallest);
  }

  @Test
  @DisplayName("SPEC 4.6: with exactly as many VMs as regions, each region gets one")
  void givesEachRegionOneVmWhenVmsEqualRegions() {
    int regions = RegionCatalogue.ofDefaults().regions().size();
    List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(regions), 1).toList();

    assertThat(vms.stream().map(VirtualMachine::region).distinct().count()).isEqualTo(regions);
  }

  @Test
  @DisplayName("SPEC 4.6: a region subset places VMs only there")
  void placesVmsOnlyInChosenRegions() {
    FleetShape shape = FleetShape.builder().vms(3_000).regions("eastus", "West Europe", "japanwest").build();

    List<VirtualMachine> vms = FleetGenerator.of(shape, 2).toList();

    assertThat(vms.stream().map(VirtualMachine::region).distinct())
        .containsExactlyInAnyOrder("eastus", "westeurope", "japanwest");
    // japanwest has no availability zones in the catalogue
    assertThat(vms).filteredOn(vm -> vm.region().equals("japanwest"))
        .allSatisfy(vm -> assertThat(vm.zone()).isEmpty());
  }

  @Test
  @DisplayName("SPEC 4.6, I4: set members share subscription, group and region, have no zone, UDs 0..4 round-robin")
  void keepsAvailabilitySetInvariants() {
    List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(20_000), 13).toList();
    Map<String, List<VirtualMachine>> sets = vms.stream()
        .filter(vm -> vm.availabilitySetId().isPresent())
        .collect(Collectors.groupingBy(vm -> vm.availabilitySetId().get()));

    assertThat(sets).isNotEmpty();
    int small = 0;
    for (Map.Entry<String, List<VirtualMachine>> e : sets.entrySet()) {
      List<VirtualMachine> members = e.getValue();
      VirtualMachine first = members.get(0);
      assertThat(e.getKey()).startsWith("/subscriptions/" + first.subscriptionId() + "/resourceGroups/"
          + first.resourceGroup() + "/providers/Microsoft.Compute/availabilitySets/");
      assertThat(members.size()).as(e.getKey()).isBetween(2, 50);
      int[] perUd = new int[5];
      Set<Integer> faultDomains = new HashSet<>();
      for (VirtualMachine vm : members) {
        assertThat(vm.subscriptionId()).isEqualTo(first.subscriptionId());
        assertThat(vm.resourceGroup()).isEqualTo(first.resourceGroup());
        assertThat(vm.region()).isEqualTo(first.region());
        assertThat(vm.osType()).isEqualTo(first.osType());
        assertThat(vm.zone()).isEmpty();
        int ud = vm.platformUpdateDomain().getAsInt();
        assertThat(ud).isBetween(0, 4);
        perUd[ud]++;
        faultDomains.add(vm.platformFaultDomain().getAsInt());
      }
      int max = 0;
      int min = Integer.MAX_VALUE;
      for (int ud = 0; ud < Math.min(5, members.size()); ud++) {
        max = Math.max(max, perUd[ud]);
        min = Math.min(min, perUd[ud]);
      }
      assertThat(max - min).as("round-robin update domains in %s", e.getKey()).isLessThanOrEqualTo(1);
      assertThat(faultDomains).isSubsetOf(0, 1, 2);
      if (members.size() < 10) {
        small++;
      }
    }
    assertThat(small).as("sets under 10 VMs").isGreaterThan(sets.size() / 5);
    // VMs outside sets carry no domains
    assertThat(vms).filteredOn(vm -> vm.availabilitySetId().isEmpty())
        .allSatisfy(vm -> assertThat(vm.platformUpdateDomain()).isEmpty());
  }

  @Test
  @DisplayName("SPEC 4.6: zones are \"1\"..N and only in regions with availability zones")
  void placesZonesOnlyWhereTheRegionHasThem() {
    RegionCatalogue catalogue = RegionCatalogue.ofDefaults();
    List<VirtualMachine> vms = FleetGenerator.of(FleetShape.ofDefaults(20_000), 17).toList();

    for (VirtualMachine vm : vms) {
      int zones = catalogue.region(vm.region()).orElseThrow().availabilityZones();
      vm.zone().ifPresent(z -> assertThat(Integer.parseInt(z)).isBetween(1, zones));
    }
  }

  @Test
  @DisplayName("SPEC 2.2, 4.6: the JSON Lines file reads back with no errors and the same VMs")
  void writesJsonLinesThatReadBack(@TempDir Path dir) throws IOException {
    FleetGenerator generator = FleetGenerator.of(FleetShape.ofDefaults(3_000), 23);
    Path file = dir.resolve("fleet.jsonl");

    long written = generator.writeJsonLines(file);
    FleetReadResult read = FleetReader.create().read(file);

    assertThat(written).isEqualTo(3_000);
    assertThat(read.errors()).isEmpty();
    assertThat(read.format()).isEqualTo(FleetFormat.JSON_LINES);
    assertThat(read.vms()).isEqualTo(generator.toList());
  }

  @Test
  @DisplayName("SPEC 4.6: CURRENT_LIST adds images only the current supported list has")
  void currentImageMixUsesNewerImages() {
    FleetShape shape = FleetShape.builder().vms(5_000).imageMix(FleetShape.ImageMix.CURRENT_LIST).build();

    Set<String> skus = FleetGenerator.of(shape, 4).stream()
        .flatMap(vm -> vm.imageReference().flatMap(i -> i.sku()).stream())
        .collect(Collectors.toSet());
    Set<String> seedSkus = FleetGenerator.of(FleetShape.ofDefaults(5_000), 4).stream()
        .flatMap(vm -> vm.imageReference().flatMap(i -> i.sku()).stream())
        .collect(Collectors.toSet());

    assertThat(skus).contains("20_04-lts", "8.2", "2022-datacenter-azure-edition");
    assertThat(seedSkus).doesNotContain("20_04-lts", "8.2", "2022-datacenter-azure-edition");
  }

  @Test
  void rejectsANullShape() {
    assertThatThrownBy(() -> FleetGenerator.of(null, 1)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("shape");
  }
}
