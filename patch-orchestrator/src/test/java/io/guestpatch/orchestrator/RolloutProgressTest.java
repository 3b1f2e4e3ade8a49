package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.event.RolloutEvent;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import io.guestpatch.orchestrator.simulation.SimulatedExecutor;
import io.guestpatch.orchestrator.simulation.SimulatedFaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B7: progress per cycle, stage and region, and a deadline forecast (DEADLINE_AT_RISK). */
class RolloutProgressTest {
  private static final RolloutPolicy POLICY = RolloutPolicy.ofDefaults();

  private static List<RolloutEvent> run(PatchCycle cycle, List<RolloutProgress> snapshots) {
    List<VirtualMachine> fleet = FleetGenerator.of(FleetShape.ofDefaults(3000), 9).toList();
    FleetIndex index = FleetIndex.of(fleet, POLICY);
    Plan plan = Planner.create(POLICY).plan(index, cycle);
    VirtualScheduler scheduler = new VirtualScheduler(cycle.release());
    SimulatedExecutor executor = new SimulatedExecutor(index, SimulatedFaults.none(), 3, scheduler);
    List<RolloutEvent> events = new ArrayList<>();
    RolloutEngine engine = RolloutEngine.builder(plan).policy(POLICY).scheduler(scheduler).executor(executor)
        .health(executor).periodicAssessment(false)
        .expectedSeconds(vm -> executor.expectedSeconds(vm, Duration.ofMinutes(5), Duration.ofMinutes(15)))
        .listener(events::add).build();
    engine.start();
    for (java.time.Instant t = cycle.release(); t.isBefore(cycle.deadline()); t = t.plus(Duration.ofDays(1))) {
      scheduler.runUntil(t);
      snapshots.add(engine.progress());
    }
    scheduler.runUntil(cycle.deadline());
    snapshots.add(engine.progress());
    return events;
  }

  @Test
  @DisplayName("B7: per-region and per-stage counts add up to the cycle's, and completion only grows")
  void progressCountsAddUp() {
    List<RolloutProgress> snapshots = new ArrayList<>();
    List<RolloutEvent> events = run(PatchCycle.parse("2026-12"), snapshots);
    RolloutProgress last = snapshots.get(snapshots.size() - 1);
    int regionPatched = 0;
    int regionPlanned = 0;
    for (int[] r : last.regions().values()) {
      regionPatched += r[0];
      regionPlanned += r[1];
    }
    assertThat(regionPatched).isEqualTo(last.patchedVms());
    assertThat(regionPlanned).isEqualTo(last.eligibleVms());
    assertThat(last.completion()).isGreaterThan(0.97);
    for (int i = 1; i < snapshots.size(); i++) {
      assertThat(snapshots.get(i).patchedVms()).isGreaterThanOrEqualTo(snapshots.get(i - 1).patchedVms());
    }
    assertThat(last.forecast()).isPresent();
    assertThat(events).noneMatch(e -> e.type() == RolloutEvent.Type.DEADLINE_AT_RISK);
  }

  @Test
  @DisplayName("B7: a cycle too short for its stages raises DEADLINE_AT_RISK at a gate, with the forecast")
  void shortCycleIsAtRisk() {
    PatchCycle tight = PatchCycle.custom("tight", PatchCycle.parse("2026-12").release(), Duration.ofDays(3), 1);
    List<RolloutProgress> snapshots = new ArrayList<>();
    List<RolloutEvent> events = run(tight, snapshots);
    assertThat(events).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(RolloutEvent.Type.DEADLINE_AT_RISK);
      assertThat(e.detail()).containsAnyOf("after its deadline", "time budget ran out");
    });
  }

  @Test
  @DisplayName("B7: the forecast adds the finished stages' mean duration for each stage left")
  void forecastUsesMeanStageDuration() {
    PatchCycle cycle = PatchCycle.custom("c", java.time.Instant.parse("2026-12-08T18:00:00Z"), Duration.ofDays(30), 1);
    Plan plan = Planner.create(POLICY).plan(
        FleetIndex.of(FleetGenerator.of(FleetShape.ofDefaults(200), 1).toList(), POLICY), cycle);
    long day = 86_400;
    long t0 = cycle.release().getEpochSecond();
    long[] start = {t0, t0 + 2 * day, t0 + 4 * day, -1, -1};
    long[] gate = {t0 + 2 * day, t0 + 4 * day, -1, -1, -1};
    java.time.Instant now = java.time.Instant.ofEpochSecond(t0 + 5 * day);
    RolloutProgress p = new RolloutProgress(now, plan, 100, 40, 0, new int[5], new int[5], new int[5], start, gate, "",
        new java.util.LinkedHashMap<>());
    // Stage 2 has run 1 of its expected 2 days; stages 3 and 4 take 2 days each: 5 days from now.
    assertThat(p.forecast()).contains(now.plusSeconds(5 * day));
    assertThat(p.deadlineAtRisk()).isFalse();
    RolloutProgress late = new RolloutProgress(now.plusSeconds(22 * day), plan, 100, 40, 0, new int[5], new int[5], new int[5],
        new long[] {t0, t0 + 2 * day, t0 + 4 * day, -1, -1}, new long[] {t0 + 10 * day, t0 + 20 * day, -1, -1, -1},
        "", new java.util.LinkedHashMap<>());
    assertThat(late.deadlineAtRisk()).isTrue();
  }
}
