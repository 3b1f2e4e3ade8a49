package io.guestpatch.examples;

import static io.guestpatch.examples.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guestpatch plan}: the plan's summary and its JSON. */
class PlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsTheSummary() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("Plan 2026-12: release 2026-12-08T18:00:00Z")
        .contains("17 VMs, 16 eligible, 1 ineligible; 4 regions")
        .contains("E1_NOT_AUTOMATIC_BY_PLATFORM");
    // PlanSummary's table: a line per stage and region, then the totals.
    assertThat(r.out.lines().filter(l -> l.matches("\\d+\\s+(eastus|westus|westeurope|northeurope)\\s.*")))
        .hasSize(4);
    assertThat(r.out).containsPattern("total\\s+\\d+ stages\\s+16\\s+1\\s");
  }

  @Test
  @DisplayName("I1: user stages are used as given, and --out writes stages with index, regions and batches")
  void writesThePlanWithUserStages(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("plan.json");
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12",
        "--stages", "eastus,westeurope;westus,northeurope", "--out", out.toString());
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode plan = JSON.readTree(Files.readString(out));
    JsonNode stages = plan.get("stages");
    assertThat(stages).hasSize(2);
    assertThat(stages.get(0).get("index").asInt()).isZero();
    assertThat(stages.get(0).get("regions").findValuesAsText("region")).containsExactlyInAnyOrder("eastus", "westeurope");
    assertThat(stages.get(1).get("regions").get(0).get("batches")).isNotEmpty();
    assertThat(plan.get("cycle").get("label").asText()).isEqualTo("2026-12");

    // every eligible VM is in exactly one batch; batches carry index, constraints and ARM ids
    int vms = 0;
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (JsonNode stage : stages) {
      for (JsonNode region : stage.get("regions")) {
        int inRegion = 0;
        for (JsonNode batch : region.get("batches")) {
          assertThat(batch.get("index").isInt()).isTrue();
          assertThat(batch.get("constraints").isArray()).isTrue();
          assertThat(batch.get("zone").asText()).isIn("1", "2", "3");
          for (JsonNode vm : batch.get("vms")) {
            assertThat(vm.asText()).startsWith("/subscriptions/").contains("/virtualMachines/");
            assertThat(ids.add(vm.asText())).as("VM in two batches: %s", vm).isTrue();
            inRegion++;
          }
        }
        assertThat(region.get("vms").asInt()).isEqualTo(inRegion);
        vms += inRegion;
      }
    }
    assertThat(vms).isEqualTo(16);
    assertThat(plan.get("summary").get("eligibleVms").asInt()).isEqualTo(16);
    assertThat(plan.get("summary").get("ineligibleVms").asInt()).isEqualTo(1);
    assertThat(plan.get("summary").get("stages")).hasSize(2);
  }

  @Test
  void isReproducibleForASeed(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    assertThat(CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12", "--seed", "7",
        "--out", a.toString()).code).isZero();
    assertThat(CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12", "--seed", "7",
        "--out", b.toString()).code).isZero();
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
  }

  // ---- bad input

  @Test
  @DisplayName("I1: stages that put paired regions together are refused in one line")
  void rejectsStagesThatBreakI1() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12",
        "--stages", "eastus,westus;westeurope,northeurope");
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err).contains("eastus").contains("westus");
  }

  @Test
  void rejectsAnEmptyStage() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--stages", "eastus;;westus");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--stages");
  }

  @Test
  void rejectsABadCycle() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-13");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err).contains("--cycle").contains("2026-13");
  }

  @Test
  void rejectsANonNumericSeed() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-small.jsonl"), "--seed", "abc");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--seed").contains("abc");
  }

  @Test
  void requiresTheFleet() {
    CliRun r = CliRun.of("plan");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--fleet");
  }

  @Test
  void rejectsAMissingFleet() {
    CliRun r = CliRun.of("plan", "--fleet", "no-fleet.jsonl");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err).contains("no-fleet.jsonl");
  }

  @Test
  void rejectsMalformedJson() {
    CliRun r = CliRun.of("plan", "--fleet", resource("malformed.json"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("malformed JSON");
  }

  @Test
  void refusesAFleetWithABadRecordAndListsIt() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-bad-record.jsonl"), "--cycle", "2026-12");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("line 4").contains("--skip-invalid");
  }

  @Test
  void plansTheGoodRecordsWithSkipInvalid() {
    CliRun r = CliRun.of("plan", "--fleet", resource("fleet-bad-record.jsonl"), "--cycle", "2026-12", "--skip-invalid");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("6 VMs");
    assertThat(r.err).contains("line 4");
  }
}
