package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import io.guestpatch.policy.PatchSettingsPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SPEC 3.3, 4.4: the index's remembered E-rule answers equal the policy's, VM by VM. */
class EligibilityCacheTest {
  @Test
  void indexAgreesWithThePolicyForSharedAndDistinctObjects() {
    List<VirtualMachine> fleet = new ArrayList<>(FleetGenerator.of(FleetShape.ofDefaults(6000), 17).toList());
    // VMs that share every configuration object with another but differ in agent version or subscription.
    VirtualMachine first = fleet.get(0);
    fleet.add(VirtualMachine.builder().from(first).id(first.id() + "-old-agent").vmAgentVersion("2.2.10").build());
    fleet.add(VirtualMachine.builder().from(first).id(first.id() + "-other-sub").subscriptionId("not-opted-in").build());
    for (boolean optIn : new boolean[] {false, true}) {
      PatchSettingsPolicy settings = PatchSettingsPolicy.builder().requireOptIn(optIn)
          .subscriptionFeatures(optInAll(fleet)).build();
      RolloutPolicy policy = RolloutPolicy.builder().settings(settings).build();
      FleetIndex index = FleetIndex.of(fleet, policy);
      for (int vm = 0; vm < fleet.size(); vm++) {
        boolean expected = settings.eligibility(fleet.get(vm)).isEligible();
        assertThat(index.isEligible(vm)).as("VM %d (%s), opt-in %s", vm, fleet.get(vm).id(), optIn)
            .isEqualTo(expected);
      }
    }
  }

  private static Map<String, Set<String>> optInAll(List<VirtualMachine> fleet) {
    Map<String, Set<String>> features = new java.util.HashMap<>();
    for (VirtualMachine vm : fleet) {
      if (!vm.subscriptionId().equals("not-opted-in")) {
        features.put(vm.subscriptionId(), PatchSettingsPolicy.OPT_IN_FEATURES);
      }
    }
    return features;
  }
}
