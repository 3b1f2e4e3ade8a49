package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.TestFleets.Shape;
import io.guestpatch.policy.RegionCatalogue;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Seeded random fleets of many shapes against an independent checker of SPEC 4.2 I1, I3-I5, I8 and 4.4. */
class PlannerInvariantsTest {
  private static final RegionCatalogue CATALOGUE = RegionCatalogue.ofDefaults();
  private static final RolloutPolicy POLICY = RolloutPolicy.ofDefaults();
  private static final PatchCycle CYCLE = PatchCycle.parse("2026-12");

  private static Plan plan(List<VirtualMachine> fleet, PatchCycle cycle) {
    return Planner.create(POLICY).plan(FleetIndex.of(fleet, POLICY), cycle);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  @DisplayName("I1, I3-I5, I8: every batch and stage of random fleets keeps the invariants")
  void randomFleetsKeepInvariants(Shape shape) {
    long master = 0x5EED_0000L + shape.ordinal();
    Random seeds = new Random(master);
    for (int round = 0; round < 12; round++) {
      long seed = seeds.nextLong();
      int size = 1 + new Random(seed).nextInt(round < 6 ? 60 : 3000);
      List<VirtualMachine> fleet = TestFleets.random(seed, shape, size);
      Plan plan = plan(fleet, CYCLE.withSeed(seed));
      assertThat(PlanChecker.breaches(plan, fleet, CATALOGUE))
          .as("shape %s, fleet seed %d, %d VMs", shape, seed, fleet.size())
          .isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  @DisplayName("4.4: the canary is the smallest region with eligible VMs, alone in stage 0")
  void canaryIsSmallestRegionWithEligibleVms(Shape shape) {
    Random seeds = new Random(0xCA_0000L + shape.ordinal());
    for (int round = 0; round < 6; round++) {
      long seed = seeds.nextLong();
      List<VirtualMachine> fleet = TestFleets.random(seed, shape, 200 + round * 300);
      Plan plan = plan(fleet, CYCLE);
      java.util.Map<String, Integer> eligible = new java.util.HashMap<>();
      for (VirtualMachine vm : fleet) {
        if (TestFleets.SETTINGS.eligibility(vm).isEligible()) {
          eligible.merge(vm.region().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
      }
      int smallest = eligible.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
      Stage canary = plan.stages().get(0);
      assertThat(canary.regions()).as("shape %s, seed %d", shape, seed).hasSize(1);
      assertThat(eligible.get(canary.regions().get(0).region()))
          .as("shape %s, seed %d: canary %s, eligible per region %s", shape, seed, canary.regionNames(), eligible)
          .isEqualTo(smallest);
    }
  }

  @Test
  @DisplayName("4.4: a region without eligible VMs is never the canary")
  void regionWithoutEligibleVmsIsNotCanary() {
    TestFleets f = TestFleets.fleet();
    f.add("uksouth", "s1", Optional.empty(), Optional.empty(), -1, false);
    f.plain("japaneast", "s1", 3).plain("eastus", "s1", 5);
    Plan plan = plan(f.build(), CYCLE);
    assertThat(plan.stages().get(0).regionNames()).containsExactly("japaneast");
    assertThat(plan.stages()).flatExtracting(Stage::regionNames).contains("uksouth");
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  @DisplayName("4.4: a plan is deterministic for (fleet, policy, seed)")
  void samePlanForSameSeed(Shape shape) {
    long seed = 77L + shape.ordinal();
    List<VirtualMachine> fleet = TestFleets.random(seed, shape, 1500);
    Plan a = plan(fleet, CYCLE);
    Plan b = plan(fleet, CYCLE);
    assertThat(PlanChecker.membership(b)).as("seed %d", seed).isEqualTo(PlanChecker.membership(a));
    assertThat(b.stages()).extracting(Stage::regionNames)
        .isEqualTo(a.stages().stream().map(Stage::regionNames).toList());
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  @DisplayName("4.2: different cycle seeds give different batch membership")
  void differentSeedsShuffleBatches(Shape shape) {
    long seed = 91L + shape.ordinal();
    List<VirtualMachine> fleet = TestFleets.random(seed, shape, 1500);
    Plan a = plan(fleet, CYCLE.withSeed(1));
    Plan b = plan(fleet, CYCLE.withSeed(2));
    Set<Set<String>> batchesA = new HashSet<>();
    PlanChecker.membership(a).forEach(ids -> batchesA.add(new HashSet<>(ids)));
    Set<Set<String>> batchesB = new HashSet<>();
    PlanChecker.membership(b).forEach(ids -> batchesB.add(new HashSet<>(ids)));
    assertThat(batchesB).as("fleet seed %d", seed).isNotEqualTo(batchesA);
    assertThat(PlanChecker.breaches(b, fleet, CATALOGUE)).as("fleet seed %d", seed).isEmpty();
  }

  @Test
  @DisplayName("4.2: months differ in batch membership (the cycle seeds the shuffle)")
  void monthsShuffleDifferently() {
    List<VirtualMachine> fleet = TestFleets.random(5, Shape.MIXED_ZONAL_AND_REGIONAL, 2000);
    assertThat(PlanChecker.membership(plan(fleet, PatchCycle.parse("2026-12"))))
        .isNotEqualTo(PlanChecker.membership(plan(fleet, PatchCycle.parse("2027-01"))));
  }

  @Test
  @DisplayName("I5: a fleet of one subscription with one VM is one batch of one")
  void oneSubscriptionWithOneVm() {
    List<VirtualMachine> fleet = TestFleets.fleet().plain("eastus", "only", 1).build();
    Plan plan = plan(fleet, CYCLE);
    assertThat(plan.stages()).hasSize(1);
    assertThat(plan.batchCount()).isEqualTo(1);
    assertThat(plan.eligibleVms()).isEqualTo(1);
  }

  @Test
  @DisplayName("4.4: an empty fleet plans no stage")
  void emptyFleet() {
    Plan plan = plan(List.of(), CYCLE);
    assertThat(plan.stages()).isEmpty();
    assertThat(plan.batchCount()).isZero();
  }

  @Test
  @DisplayName("I8: a fleet with only ineligible VMs has its regions staged but no batch")
  void onlyIneligibleVms() {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < 5; i++) {
      f.add(i % 2 == 0 ? "eastus" : "westus", "s", Optional.empty(), Optional.empty(), -1, false);
    }
    List<VirtualMachine> fleet = f.build();
    Plan plan = plan(fleet, CYCLE);
    assertThat(plan.batchCount()).isZero();
    assertThat(plan.ineligibleVms()).isEqualTo(5);
    assertThat(PlanChecker.breaches(plan, fleet, CATALOGUE)).isEmpty();
  }

  @Test
  @DisplayName("I3: zonal VMs of many zones never share a batch; regional VMs may join any batch")
  void zonesNeverShareBatch() {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < 90; i++) {
      f.add("eastus", "s" + i, Optional.of(Integer.toString(1 + i % 3)), Optional.empty(), -1);
    }
    f.plain("eastus", "other", 20);
    List<VirtualMachine> fleet = f.build();
    Plan plan = plan(fleet, CYCLE);
    assertThat(PlanChecker.breaches(plan, fleet, CATALOGUE)).isEmpty();
    // One batch per zone for the zonal VMs; "other" (cap 4 of 20) needs 5 batches, the fewest possible.
    assertThat(plan.batchCount()).isEqualTo(5);
    assertThat(plan.stages().get(0).regions().get(0).batches())
        .filteredOn(b -> b.zone().isPresent()).hasSize(3);
  }
}
