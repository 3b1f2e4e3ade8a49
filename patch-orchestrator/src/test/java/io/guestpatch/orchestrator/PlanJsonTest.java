package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.TestFleets.Shape;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plan JSON of SPEC 5 ({@code plan --out}) and the plan summary. */
class PlanJsonTest {
  private static final RolloutPolicy POLICY = RolloutPolicy.ofDefaults();
  private static final long SEED = 2026_12L;

  private static Plan plan(List<VirtualMachine> fleet) {
    return Planner.create(POLICY).plan(FleetIndex.of(fleet, POLICY), PatchCycle.parse("2026-12"));
  }

  private static JsonNode json(Plan plan) throws IOException {
    StringWriter out = new StringWriter();
    PlanJson.write(plan, out);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  @DisplayName("4.4: the JSON parses back and names every eligible VM exactly once, no ineligible one")
  void namesEveryEligibleVmOnce() throws IOException {
    List<VirtualMachine> fleet = TestFleets.random(SEED, Shape.MIXED_ZONAL_AND_REGIONAL, 2500);
    Plan plan = plan(fleet);
    JsonNode root = json(plan);
    List<String> named = new ArrayList<>();
    for (JsonNode stage : root.get("stages")) {
      for (JsonNode region : stage.get("regions")) {
        int inRegion = 0;
        for (JsonNode batch : region.get("batches")) {
          assertThat(batch.get("constraints")).isNotEmpty();
          for (JsonNode id : batch.get("vms")) {
            named.add(id.asText());
            inRegion++;
          }
        }
        assertThat(region.get("vms").asInt()).as("seed %d region %s", SEED, region.get("region")).isEqualTo(inRegion);
      }
    }
    Set<String> eligible = new HashSet<>();
    for (VirtualMachine vm : fleet) {
      if (TestFleets.SETTINGS.eligibility(vm).isEligible()) {
        eligible.add(vm.id());
      }
    }
    assertThat(named).as("seed %d", SEED).hasSize(eligible.size()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(named)).as("seed %d", SEED).isEqualTo(eligible);
  }

  @Test
  @DisplayName("4.4: batches carry their zone (only when zonal), index and constraint names in plan order")
  void batchesMatchPlan() throws IOException {
    List<VirtualMachine> fleet = TestFleets.random(SEED + 1, Shape.MIXED_ZONAL_AND_REGIONAL, 800);
    Plan plan = plan(fleet);
    JsonNode root = json(plan);
    assertThat(root.get("stages")).hasSize(plan.stages().size());
    for (Stage stage : plan.stages()) {
      JsonNode s = root.get("stages").get(stage.index());
      assertThat(s.get("index").asInt()).isEqualTo(stage.index());
      for (int r = 0; r < stage.regions().size(); r++) {
        RegionPlan region = stage.regions().get(r);
        JsonNode jr = s.get("regions").get(r);
        assertThat(jr.get("region").asText()).isEqualTo(region.region());
        assertThat(jr.get("ineligibleVms").asInt()).isEqualTo(region.ineligibleVms());
        for (Batch batch : region.batches()) {
          JsonNode jb = jr.get("batches").get(batch.index());
          assertThat(jb.get("index").asInt()).isEqualTo(batch.index());
          assertThat(Optional.ofNullable(jb.get("zone")).map(JsonNode::asText)).isEqualTo(batch.zone());
          List<String> constraints = new ArrayList<>();
          jb.get("constraints").forEach(c -> constraints.add(c.asText()));
          assertThat(constraints).isEqualTo(batch.constraints().stream().map(Enum::name).toList());
          assertThat(jb.get("vms").get(0).asText()).isEqualTo(plan.index().vmId(batch.vm(0)));
        }
      }
    }
  }

  @Test
  @DisplayName("the cycle is written with label, ISO instants and seed")
  void writesCycle() throws IOException {
    Plan plan = plan(TestFleets.fleet().plain("eastus", "s", 3).build());
    JsonNode cycle = json(plan).get("cycle");
    assertThat(cycle.get("label").asText()).isEqualTo("2026-12");
    assertThat(cycle.get("release").asText()).isEqualTo("2026-12-08T18:00:00Z");
    assertThat(cycle.get("deadline").asText()).isEqualTo("2027-01-07T18:00:00Z");
    assertThat(cycle.get("seed").asLong()).isEqualTo(plan.cycle().seed());
  }

  @Test
  @DisplayName("the writer is flushed and left open")
  void leavesWriterOpen() throws IOException {
    Plan plan = plan(TestFleets.fleet().plain("eastus", "s", 3).build());
    StringWriter out = new StringWriter();
    PlanJson.write(plan, out);
    out.write("\n");
    assertThat(out.toString()).startsWith("{\"cycle\"").endsWith("}\n");
  }

  @Test
  @DisplayName("the summary numbers match the plan, in JSON and as a table")
  void summaryMatchesPlan() throws IOException {
    TestFleets f = TestFleets.fleet();
    f.plain("eastus", "a", 12).plain("uksouth", "b", 4);
    for (int i = 0; i < 3; i++) {
      f.add("uksouth", "b", Optional.empty(), Optional.empty(), -1, false);
    }
    for (int i = 0; i < 15; i++) {
      f.add("japaneast", "c", Optional.of("1"), Optional.of("as"), i % 5);
    }
    Plan plan = plan(f.build());
    PlanSummary summary = PlanSummary.of(plan);
    assertThat(summary.eligibleVms()).isEqualTo(31).isEqualTo(plan.eligibleVms());
    assertThat(summary.ineligibleVms()).isEqualTo(3).isEqualTo(plan.ineligibleVms());
    assertThat(summary.ineligibleByReason()).containsExactlyEntriesOf(plan.ineligibleByReason())
        .containsEntry("E1_NOT_AUTOMATIC_BY_PLATFORM", 3);
    assertThat(summary.batches()).isEqualTo(plan.batchCount());
    // uksouth (4 eligible) is the canary.
    PlanSummary.StageSummary canary = summary.stages().get(0);
    assertThat(canary.regions()).containsExactly(new PlanSummary.RegionSummary("uksouth", 4, 3, 4, 1));
    assertThat(canary.ineligibleVms()).isEqualTo(3);
    for (PlanSummary.StageSummary s : summary.stages()) {
      Stage stage = plan.stages().get(s.index());
      assertThat(s.vms()).isEqualTo(stage.vms());
      for (int r = 0; r < s.regions().size(); r++) {
        RegionPlan region = stage.regions().get(r);
        assertThat(s.regions().get(r))
            .isEqualTo(new PlanSummary.RegionSummary(region.region(), region.vms(), region.ineligibleVms(),
                region.batches().size(), region.largestBatch()));
      }
    }
    JsonNode js = json(plan).get("summary");
    assertThat(js.get("eligibleVms").asInt()).isEqualTo(31);
    assertThat(js.get("ineligibleVms").asInt()).isEqualTo(3);
    assertThat(js.get("batches").asInt()).isEqualTo(plan.batchCount());
    assertThat(js.get("ineligibleByReason").get("E1_NOT_AUTOMATIC_BY_PLATFORM").asInt()).isEqualTo(3);
    assertThat(js.get("stages").get(0).get("regions").get(0).get("largestBatch").asInt()).isEqualTo(1);
    String table = summary.toString();
    assertThat(table).contains("2026-12", "uksouth", "eastus", "japaneast", "E1_NOT_AUTOMATIC_BY_PLATFORM")
        .contains("stage").contains("largest");
    assertThat(table.lines()).hasSizeGreaterThanOrEqualTo(1 + 1 + 3 + 1 + 2);
  }
}
