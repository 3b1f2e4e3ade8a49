package io.guestpatch.orchestrator.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.AuditReport;
import io.guestpatch.orchestrator.OffPeakChecks;
import io.guestpatch.orchestrator.PatchCycle;
import io.guestpatch.orchestrator.RolloutPolicy;
import io.guestpatch.orchestrator.TraceWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4.6 and issue 5: whole simulated cycles, each checked by the SafetyAuditor. */
class SimulationTest {
  private static final RolloutPolicy POLICY = RolloutPolicy.ofDefaults();

  private static List<VirtualMachine> fleet(int vms, long seed) {
    return FleetGenerator.of(FleetShape.ofDefaults(vms), seed).toList();
  }

  private static SimulationOutcome run(List<VirtualMachine> fleet, SimulatedFaults faults, Path trace)
      throws IOException {
    try (TraceWriter w = TraceWriter.create(trace)) {
      return Simulation.builder().fleet(fleet).policy(POLICY).cycle(PatchCycle.parse("2026-12"))
          .seed(11).faults(faults).trace(w).build().run();
    }
  }

  @Test
  void defaultFleetIsPatchedWithinTheCycleWithZeroBreaches(@TempDir Path dir) throws IOException {
    List<VirtualMachine> fleet = fleet(4000, 3);
    Path trace = dir.resolve("trace.csv");
    SimulationOutcome out = run(fleet, SimulatedFaults.none(), trace);
    AuditReport audit = OffPeakChecks.auditor(POLICY, fleet).audit(trace, fleet);
    assertThat(audit.breaches()).as(audit.toString()).isEmpty();
    assertThat(out.halted()).isFalse();
    // Some deallocated VMs of the default fleet never come back, so the bar here is lower; the test below
    // holds running VMs to 99%.
    assertThat(out.completion()).as("completion %s", out.completion()).isGreaterThanOrEqualTo(0.97);
    assertThat(out.stages()).allSatisfy(s -> assertThat(s.gatePassed()).isTrue());
  }

  @Test
  void atLeast99PercentOfRunningEligibleVmsArePatchedWithin30Days(@TempDir Path dir) throws IOException {
    // Issue 5: eligible VMs that run in off-peak; for seeds 1..3 of a fleet with no powered-off VM.
    for (long seed = 1; seed <= 3; seed++) {
      List<VirtualMachine> fleet = FleetGenerator.of(
          FleetShape.builder().vms(5000).shareDeallocated(0).build(), seed).toList();
      Path trace = dir.resolve("trace-" + seed + ".csv");
      SimulationOutcome out = run(fleet, SimulatedFaults.none(), trace);
      assertThat(out.completion()).as("seed %d: completion %s", seed, out.completion()).isGreaterThanOrEqualTo(0.99);
      assertThat(out.simulatedTime()).isLessThanOrEqualTo(java.time.Duration.ofDays(30));
      AuditReport audit = OffPeakChecks.auditor(POLICY, fleet).audit(trace, fleet);
      assertThat(audit.isClean()).as("seed %d: %s", seed, audit).isTrue();
    }
  }

  @Test
  void canaryRegionThatFailsEverythingHaltsAndNothingStartsAfter(@TempDir Path dir) throws IOException {
    List<VirtualMachine> fleet = fleet(4000, 5);
    SimulationOutcome probe = Simulation.builder().fleet(fleet).policy(POLICY).seed(11)
        .assessments(false).build().run();
    String canary = probe.plan().stages().get(0).regionNames().get(0);
    Path trace = dir.resolve("trace.csv");
    SimulationOutcome out = run(fleet, SimulatedFaults.builder().badRegion(canary).build(), trace);
    assertThat(out.halted()).isTrue();
    assertThat(out.haltReason()).hasValueSatisfying(r -> assertThat(r).contains("stage 0"));
    assertThat(out.stages().get(0).gatePassed()).isFalse();
    for (int s = 1; s < out.stages().size(); s++) {
      assertThat(out.stages().get(s).patched()).isZero();
    }
    AuditReport audit = OffPeakChecks.auditor(POLICY, fleet).audit(trace, fleet);
    assertThat(audit.breaches()).as(audit.toString()).isEmpty();
  }
}
