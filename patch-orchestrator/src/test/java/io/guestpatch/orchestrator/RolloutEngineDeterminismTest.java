package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import io.guestpatch.orchestrator.simulation.FleetGenerator;
import io.guestpatch.orchestrator.simulation.FleetShape;
import io.guestpatch.orchestrator.simulation.SimulatedFaults;
import io.guestpatch.orchestrator.simulation.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 4.6: same (fleet, policy, cycle, seed) gives the same trace; RolloutPolicy fails fast. */
class RolloutEngineDeterminismTest {

  private static String runScripted() {
    EngineFixture fx = new EngineFixture(300, 5);
    ScriptedExecutor ex = new ScriptedExecutor(25);
    ex.hangFirst.add(fx.index.vmId(fx.firstEligibleInStage(0)));
    ex.fail.add(fx.index.vmId(fx.eligibleRunning().get(7)));
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.runToDeadline();
    return fx.traceText();
  }

  @Test
  @DisplayName("4.6: the engine with the same inputs writes an identical trace twice")
  void scriptedRunIsDeterministic() {
    String a = runScripted();
    String b = runScripted();
    assertThat(a.lines().count()).isGreaterThan(100);
    assertThat(b).isEqualTo(a);
  }

  @Test
  @DisplayName("4.6: a simulation with faults, same seed, writes an identical trace twice")
  void simulationWithFaultsIsDeterministic(@TempDir Path dir) throws IOException {
    var fleet = FleetGenerator.of(FleetShape.ofDefaults(400), 21).toList();
    SimulatedFaults faults = SimulatedFaults.builder().failureRate(0.03).hangRate(0.02).timeoutRate(0.02).build();
    Path[] traces = {dir.resolve("a.csv"), dir.resolve("b.csv")};
    for (Path p : traces) {
      try (TraceWriter w = TraceWriter.create(p)) {
        Simulation.builder().fleet(fleet).policy(EngineFixture.POLICY).cycle(EngineFixture.CYCLE).seed(17)
            .faults(faults).trace(w).build().run();
      }
    }
    assertThat(Files.size(traces[0])).isGreaterThan(1000);
    assertThat(Files.readAllBytes(traces[1])).isEqualTo(Files.readAllBytes(traces[0]));
  }

  @Test
  @DisplayName("4.2: RolloutPolicy.builder() names every bad value in one message")
  void policyBuilderListsEveryBadValue() {
    assertThatThrownBy(() -> RolloutPolicy.builder().setShare(0).failureThreshold(1.5).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid rollout policy: ")
        .hasMessageContaining("setShare must be in (0, 1], got 0.0")
        .hasMessageContaining("failureThreshold must be in [0, 1), got 1.5");
  }

  @Test
  void policyBuilderListsEveryOtherBadValue() {
    assertThatThrownBy(() -> RolloutPolicy.builder().smallSetSize(0).subscriptionShare(1.1)
        .minFinishedForHalt(0).retryLimit(-1).stageCount(0).stageGrowth(0.5)
        .assessmentInterval(Duration.ZERO).operationTimeoutSlack(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("smallSetSize must be at least 1, got 0")
        .hasMessageContaining("subscriptionShare must be in (0, 1], got 1.1")
        .hasMessageContaining("minFinishedForHalt must be at least 1, got 0")
        .hasMessageContaining("retryLimit must not be negative, got -1")
        .hasMessageContaining("stageCount must be at least 1, got 0")
        .hasMessageContaining("stageGrowth must be at least 1.0, got 0.5")
        .hasMessageContaining("assessmentInterval must be positive, got PT0S")
        .hasMessageContaining("operationTimeoutSlack must not be negative, got PT-1S");
  }

  @Test
  void policyBuilderAcceptsEdgeValues() {
    RolloutPolicy p = RolloutPolicy.builder().setShare(1.0).failureThreshold(0.0).retryLimit(0).build();
    assertThat(p.setShare()).isEqualTo(1.0);
    assertThat(p.failureThreshold()).isEqualTo(0.0);
    assertThat(p.retryLimit()).isZero();
  }
}
