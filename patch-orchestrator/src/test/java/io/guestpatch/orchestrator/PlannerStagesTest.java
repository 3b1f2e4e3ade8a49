package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.RegionCatalogue;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** User-given and generated stages (SPEC 4.4, I1). */
class PlannerStagesTest {
  private static final PatchCycle CYCLE = PatchCycle.parse("2026-12");

  private static List<VirtualMachine> fleet(String... regions) {
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < regions.length; i++) {
      f.plain(regions[i], "sub", i + 1);
    }
    return f.build();
  }

  private static Plan plan(List<VirtualMachine> fleet, List<List<String>> stages) {
    RolloutPolicy policy = RolloutPolicy.builder().stages(stages).build();
    return Planner.create(policy).plan(FleetIndex.of(fleet, policy), CYCLE);
  }

  @Test
  @DisplayName("I1: user stages holding a pair are rejected naming both regions")
  void rejectsPairInUserStage() {
    List<VirtualMachine> fleet = fleet("eastus", "westus", "uksouth");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("uksouth"), List.of("eastus", "westus"))))
        .withMessageContaining("eastus")
        .withMessageContaining("westus")
        .withMessageContaining("I1");
  }

  @Test
  @DisplayName("I1: a one-way catalogue pair (westus3 -> eastus) is kept apart in both directions")
  void rejectsOneWayPairEitherOrder() {
    List<VirtualMachine> fleet = fleet("eastus", "westus3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("eastus", "westus3"))))
        .withMessageContaining("eastus").withMessageContaining("westus3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("westus3", "eastus"))))
        .withMessageContaining("eastus").withMessageContaining("westus3");
  }

  @Test
  @DisplayName("4.4: a region with VMs missing from user stages is rejected naming it")
  void rejectsMissingRegion() {
    List<VirtualMachine> fleet = fleet("eastus", "uksouth", "japaneast");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("eastus"), List.of("uksouth"))))
        .withMessageContaining("japaneast");
  }

  @Test
  @DisplayName("4.4: a region repeated in user stages is rejected naming it")
  void rejectsRepeatedRegion() {
    List<VirtualMachine> fleet = fleet("eastus", "uksouth");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("eastus"), List.of("uksouth", "EastUS"))))
        .withMessageContaining("eastus");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("uksouth", "uksouth"), List.of("eastus"))))
        .withMessageContaining("uksouth");
  }

  @Test
  @DisplayName("4.4: every problem of user stages is reported at once")
  void reportsEveryProblem() {
    List<VirtualMachine> fleet = fleet("eastus", "westus", "uksouth", "japaneast");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("eastus", "westus"), List.of("eastus"))))
        .withMessageContaining("westus").withMessageContaining("uksouth").withMessageContaining("japaneast");
  }

  @Test
  @DisplayName("4.4: valid user stages are kept as given, names matched ignoring case")
  void keepsValidUserStages() {
    List<VirtualMachine> fleet = fleet("eastus", "westus", "uksouth");
    Plan plan = plan(fleet, List.of(List.of("UKSouth", "eastus"), List.of("westus")));
    assertThat(plan.stages()).extracting(Stage::regionNames)
        .containsExactly(List.of("uksouth", "eastus"), List.of("westus"));
    assertThat(plan.eligibleVms()).isEqualTo(6);
    assertThat(PlanChecker.breaches(plan, fleet, RegionCatalogue.ofDefaults())).isEmpty();
  }

  @Test
  @DisplayName("4.4: user stages may name regions as displayed (\"East US\"), matched ignoring spaces")
  void matchesRegionNamesIgnoringSpaces() {
    List<VirtualMachine> fleet = fleet("eastus", "uksouth");
    Plan plan = plan(fleet, List.of(List.of("UK South"), List.of(" East US ")));
    assertThat(plan.stages()).extracting(Stage::regionNames)
        .containsExactly(List.of("uksouth"), List.of("eastus"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> plan(fleet, List.of(List.of("UK South", "uksouth"), List.of("eastus"))))
        .withMessageContaining("uksouth");
  }

  @Test
  @DisplayName("I1: generated stages keep every pair apart, growing after the canary")
  void generatedStagesKeepPairsApart() {
    // Every region paired with at least one other; eastus is paired with westus and (one way) westus3.
    String[] regions = {"eastus", "westus", "westus3", "eastus2", "centralus", "northeurope", "westeurope",
        "japaneast", "japanwest", "uksouth", "ukwest"};
    TestFleets f = TestFleets.fleet();
    for (int i = 0; i < regions.length; i++) {
      f.plain(regions[i], "sub-" + i, 10 * (i + 1));
    }
    List<VirtualMachine> fleet = f.build();
    RolloutPolicy policy = RolloutPolicy.ofDefaults();
    Plan plan = Planner.create(policy).plan(FleetIndex.of(fleet, policy), CYCLE);
    assertThat(PlanChecker.breaches(plan, fleet, RegionCatalogue.ofDefaults())).isEmpty();
    assertThat(plan.stages().get(0).regionNames()).containsExactly("eastus");
    assertThat(plan.stages().get(1).vms()).isGreaterThan(plan.stages().get(0).vms());
  }

  @Test
  @DisplayName("I1: a fleet of only two paired regions gets two stages")
  void twoPairedRegionsTwoStages() {
    List<VirtualMachine> fleet = fleet("westus3", "eastus");
    RolloutPolicy policy = RolloutPolicy.builder().stageCount(1).build();
    Plan plan = Planner.create(policy).plan(FleetIndex.of(fleet, policy), CYCLE);
    assertThat(plan.stages()).extracting(Stage::regionNames)
        .containsExactly(List.of("westus3"), List.of("eastus"));
  }
}
