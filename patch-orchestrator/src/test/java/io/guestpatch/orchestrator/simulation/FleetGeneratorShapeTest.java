package io.guestpatch.orchestrator.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.policy.RegionCatalogue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 4.6, 7: the fleet shape's defaults, and its checks that name every bad knob. */
class FleetGeneratorShapeTest {
  @Test
  @DisplayName("SPEC 7: a VM count under 1 is rejected, naming vms")
  void rejectsZeroVms() {
    assertThatThrownBy(() -> FleetShape.ofDefaults(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vms must be at least 1, got 0");
  }

  @Test
  @DisplayName("SPEC 7: every bad knob is named at once")
  void namesEveryBadKnobAtOnce() {
    FleetShape.Builder b = FleetShape.builder().vms(10)
        .shareWindows(1.5)
        .shareZonal(-0.1)
        .shareIneligible(Double.NaN)
        .subscriptions(0)
        .updateDomains(21)
        .maxFaultDomains(4)
        .availabilitySetSize(10, 5, 0.5);

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shareWindows must be a fraction from 0 to 1, got 1.5")
        .hasMessageContaining("shareZonal")
        .hasMessageContaining("shareIneligible")
        .hasMessageContaining("subscriptions must be at least 1")
        .hasMessageContaining("updateDomains must be 1 to 20")
        .hasMessageContaining("maxFaultDomains must be 1 to 3")
        .hasMessageContaining("availabilitySetSize must satisfy 1 <= min <= max <= 200");
  }

  @Test
  @DisplayName("SPEC 7: an unknown or repeated region is rejected with its name")
  void rejectsUnknownAndRepeatedRegions() {
    assertThatThrownBy(() -> FleetShape.builder().vms(10).regions("eastus", "marsnorth", "East US").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'marsnorth' is not in the region catalogue")
        .hasMessageContaining("'East US' is given twice");
    assertThatThrownBy(() -> FleetShape.builder().vms(10).regions().build())
        .hasMessageContaining("regions must name at least one region");
  }

  @Test
  @DisplayName("SPEC 4.6: defaults are the whole catalogue, vms/250 subscriptions and the documented shares")
  void hasTheDocumentedDefaults() {
    FleetShape shape = FleetShape.ofDefaults(100_000);

    assertThat(shape.regions()).hasSize(RegionCatalogue.ofDefaults().regions().size()).hasSize(51);
    assertThat(shape.subscriptions()).isEqualTo(400);
    assertThat(FleetShape.ofDefaults(1).subscriptions()).isEqualTo(1);
    assertThat(shape.shareInAvailabilitySets()).isEqualTo(0.3);
    assertThat(shape.minAvailabilitySetSize()).isEqualTo(2);
    assertThat(shape.maxAvailabilitySetSize()).isEqualTo(50);
    assertThat(shape.updateDomains()).isEqualTo(5);
    assertThat(shape.maxFaultDomains()).isEqualTo(3);
    assertThat(shape.shareZonal()).isEqualTo(0.5);
    assertThat(shape.shareWindows()).isEqualTo(0.4);
    assertThat(shape.shareIneligible()).isEqualTo(0.05);
    assertThat(shape.shareDeallocated()).isEqualTo(0.03);
    assertThat(shape.shareWindowsWithTimeZone()).isEqualTo(0.5);
    assertThat(shape.imageMix()).isEqualTo(FleetShape.ImageMix.SEED_LIST);
  }

  @Test
  void toBuilderRoundTrips() {
    FleetShape shape = FleetShape.builder().vms(500).regions("uksouth", "ukwest").shareWindows(0.9).build();

    assertThat(shape.toBuilder().build()).isEqualTo(shape);
    assertThat(shape.toBuilder().vms(501).build()).isNotEqualTo(shape);
  }

  @Test
  @DisplayName("SPEC 4.6: update domains and set sizes follow the knobs")
  void honoursSetKnobs() {
    FleetShape shape = FleetShape.builder().vms(5_000).updateDomains(3).maxFaultDomains(2)
        .availabilitySetSize(12, 12, 0.0).shareInAvailabilitySets(1.0).build();

    var vms = FleetGenerator.of(shape, 8).toList();

    assertThat(vms).allSatisfy(vm -> {
      if (vm.availabilitySetId().isPresent()) {
        assertThat(vm.platformUpdateDomain().getAsInt()).isBetween(0, 2);
        assertThat(vm.platformFaultDomain().getAsInt()).isBetween(0, 1);
      }
    });
    assertThat(vms.stream().filter(vm -> vm.availabilitySetId().isPresent())
        .collect(java.util.stream.Collectors.groupingBy(vm -> vm.availabilitySetId().get(),
            java.util.stream.Collectors.counting())).values())
        .allSatisfy(n -> assertThat(n).isEqualTo(12L));
  }
}
