package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.RegionCatalogue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 20% caps of I4 and I5 at their boundaries, counting every VM of the fleet. */
class PlannerCapsTest {
  private static final PatchCycle CYCLE = PatchCycle.parse("2026-12");

  private static Plan plan(List<VirtualMachine> fleet) {
    RolloutPolicy policy = RolloutPolicy.ofDefaults();
    return Planner.create(policy).plan(FleetIndex.of(fleet, policy), CYCLE);
  }

  private static RegionPlan onlyRegion(Plan plan) {
    assertThat(plan.stages()).hasSize(1);
    return plan.stages().get(0).regions().get(0);
  }

  @ParameterizedTest(name = "set of {0} in one update domain: {1} at a time")
  @CsvSource({"1, 1", "2, 1", "9, 1", "10, 2", "11, 2", "14, 2", "15, 3", "50, 10"})
  @DisplayName("I4: a set goes max(1, floor(20%)) VMs at a time, one VM at a time under 10")
  void setCapAtBoundaries(int size, int cap) {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < size; i++) {
      f.add("eastus", "sub", Optional.empty(), Optional.of("as"), 0);
    }
    List<VirtualMachine> fleet = f.build();
    RegionPlan region = onlyRegion(plan(fleet));
    assertThat(region.largestBatch()).isEqualTo(cap);
    assertThat(region.batches()).hasSize((size + cap - 1) / cap);
    assertThat(region.batches().get(0).constraints())
        .contains(size < 10 ? Batch.Constraint.SMALL_SET : Batch.Constraint.UPDATE_DOMAIN);
    assertThat(PlanChecker.breaches(plan(fleet), fleet, RegionCatalogue.ofDefaults())).isEmpty();
  }

  @ParameterizedTest(name = "set of {0} with {1} ineligible: {2} at a time")
  @CsvSource({"10, 1, 2", "10, 5, 2", "15, 6, 3", "11, 2, 2"})
  @DisplayName("I4: ineligible members count in the set size")
  void setSizeCountsIneligibleVms(int size, int ineligible, int cap) {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < size; i++) {
      f.add("eastus", "sub", Optional.empty(), Optional.of("as"), 0, i >= ineligible);
    }
    RegionPlan region = onlyRegion(plan(f.build()));
    assertThat(region.largestBatch()).isEqualTo(cap);
    assertThat(region.vms()).isEqualTo(size - ineligible);
    assertThat(region.ineligibleVms()).isEqualTo(ineligible);
  }

  @ParameterizedTest(name = "set of {0} over 5 update domains: one domain per batch")
  @CsvSource({"10", "25", "50"})
  @DisplayName("I4: a batch never holds two update domains of a set")
  void oneUpdateDomainPerBatch(int size) {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < size; i++) {
      f.add("eastus", "sub", Optional.empty(), Optional.of("as"), i % 5);
    }
    List<VirtualMachine> fleet = f.build();
    Plan plan = plan(fleet);
    assertThat(PlanChecker.breaches(plan, fleet, RegionCatalogue.ofDefaults())).isEmpty();
    assertThat(onlyRegion(plan).batches()).hasSizeGreaterThanOrEqualTo(5);
  }

  @ParameterizedTest(name = "subscription with {0} non-set VMs: {1} at a time")
  @CsvSource({"1, 1", "4, 1", "5, 1", "9, 1", "10, 2", "14, 2", "15, 3"})
  @DisplayName("I5: a subscription's non-set VMs in a region go max(1, floor(20%)) at a time")
  void subscriptionCapAtBoundaries(int count, int cap) {
    List<VirtualMachine> fleet = TestFleets.fleet().plain("eastus", "sub", count).build();
    RegionPlan region = onlyRegion(plan(fleet));
    assertThat(region.largestBatch()).isEqualTo(cap);
    assertThat(region.batches()).hasSize((count + cap - 1) / cap);
    assertThat(region.batches()).allSatisfy(
        b -> assertThat(b.constraints()).containsExactly(Batch.Constraint.SUBSCRIPTION_SHARE));
  }

  @ParameterizedTest(name = "subscription with {0} non-set VMs, {1} ineligible: {2} at a time")
  @CsvSource({"10, 2, 2", "10, 9, 1", "15, 5, 3"})
  @DisplayName("I5: ineligible VMs count in the subscription's non-set VMs")
  void subscriptionCountIncludesIneligibleVms(int count, int ineligible, int cap) {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < count; i++) {
      f.add("eastus", "sub", Optional.empty(), Optional.empty(), -1, i >= ineligible);
    }
    RegionPlan region = onlyRegion(plan(f.build()));
    assertThat(region.largestBatch()).isEqualTo(cap);
  }

  @ParameterizedTest(name = "{0} non-set VMs in eastus, 20 elsewhere: {1} at a time")
  @CsvSource({"5, 1", "10, 2"})
  @DisplayName("I5: the share is per region: VMs of the subscription in other regions do not count")
  void subscriptionCapIsPerRegion(int count, int cap) {
    List<VirtualMachine> fleet = TestFleets.fleet().plain("eastus", "sub", count).plain("uksouth", "sub", 20)
        .build();
    Plan plan = plan(fleet);
    RegionPlan eastus = plan.stages().get(0).regions().get(0);
    assertThat(eastus.region()).isEqualTo("eastus");
    assertThat(eastus.largestBatch()).isEqualTo(cap);
  }

  @ParameterizedTest(name = "set with VMs in 2 zones ({0})")
  @CsvSource({"12", "30"})
  @DisplayName("I3, I4: a set spread over zones keeps zone and update domain per batch")
  void zonalSet(int size) {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < size; i++) {
      f.add("eastus", "sub", Optional.of(i % 2 == 0 ? "1" : "2"), Optional.of("as"), i % 3);
    }
    f.plain("eastus", "sub", 7);
    List<VirtualMachine> fleet = f.build();
    assertThat(PlanChecker.breaches(plan(fleet), fleet, RegionCatalogue.ofDefaults())).isEmpty();
  }
}
