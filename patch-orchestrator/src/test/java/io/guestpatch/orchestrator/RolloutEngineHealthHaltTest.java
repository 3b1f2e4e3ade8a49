package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import io.guestpatch.orchestrator.event.RolloutEvent;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PowerStateSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC I10: the health halt. */
class RolloutEngineHealthHaltTest {

  @Test
  @DisplayName("I10: unhealthy VMs past 10% after at least 5 finished installs halt; nothing starts; resume goes on")
  void unhealthyVmsHaltTheRolloutUntilResume() {
    EngineFixture fx = new EngineFixture(1000, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    // The first five VMs installed turn unhealthy.
    Set<String> sick = new HashSet<>();
    HealthSource health = vmId -> {
      for (int i = 0; i < Math.min(5, ex.calls.size()); i++) {
        sick.add(ex.calls.get(i).vmId());
      }
      return sick.contains(vmId) ? HealthSource.Health.UNHEALTHY : HealthSource.Health.HEALTHY;
    };
    long[] atHalt = {-1, -1};
    int[] haltStage = {-1};
    fx.listeners.add(e -> {
      if (e.type() == RolloutEvent.Type.HALTED) {
        atHalt[0] = ex.calls.size();
        atHalt[1] = fx.engine.installsFinished();
        haltStage[0] = e.stage();
      }
    });
    RolloutEngine engine = fx.build(ex, PowerStateSource.ALWAYS_RUNNING, health);
    engine.start();
    Instant t = fx.stepUntil(Duration.ofMinutes(10), engine::isHalted);
    assertThat(engine.isHalted()).isTrue();
    assertThat(atHalt[1]).as("finished installs at the halt").isGreaterThanOrEqualTo(5);
    assertThat(engine.haltReason()).hasValueSatisfying(r -> assertThat(r)
        .startsWith("stage " + haltStage[0] + ": ").contains("threshold 10.0%"));

    fx.runUntil(t.plus(Duration.ofDays(4)));
    assertThat(ex.calls).as("nothing starts after the halt").hasSize((int) atHalt[0]);
    assertThat(engine.isHalted()).isTrue();
    boolean someoneSaysHalted = false;
    for (int vm = 0; vm < fx.index.size(); vm++) {
      someoneSaysHalted |= engine.explain(vm).endsWith("the rollout is halted: " + engine.haltReason().get());
    }
    assertThat(someoneSaysHalted).isTrue();
    assertThat(engine.progress().patchedVms()).isLessThan(fx.eligibleRunning().size());

    engine.resume();
    assertThat(engine.isHalted()).isFalse();
    fx.runToDeadline();
    assertThat(engine.isHalted()).as(engine.haltReason().orElse("")).isFalse();
    assertThat(ex.calls.size()).isGreaterThan((int) atHalt[0]);
    fx.assertEveryEligibleRunningVmSucceeded(engine);
    assertThat(fx.audit().breaches()).as(fx.audit().toString()).isEmpty();
  }

  @Test
  @DisplayName("I10: fewer than 5 finished installs never halt, even all unhealthy; the 5th of a stage does")
  void haltNeedsFiveFinishedInstallsOfTheStage() {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    long[] finishedAtHalt = {-1};
    fx.listeners.add(e -> {
      if (e.type() == RolloutEvent.Type.HALTED) {
        finishedAtHalt[0] = fx.engine.installsFinished();
      }
    });
    RolloutEngine engine = fx.build(ex, PowerStateSource.ALWAYS_RUNNING, vmId -> HealthSource.Health.UNHEALTHY);
    engine.start();
    fx.runToDeadline();
    // The first stage(s) under 5 VMs pass their gate though every VM is unhealthy (minFinishedForHalt 5);
    // the first stage with 5 VMs halts at its 5th finished install.
    int before = 0;
    int haltStage = -1;
    for (Stage s : fx.plan.stages()) {
      if (s.vms() >= 5) {
        haltStage = s.index();
        break;
      }
      before += s.vms();
    }
    assertThat(haltStage).isNotNegative();
    assertThat(engine.isHalted()).isTrue();
    assertThat(finishedAtHalt[0]).isEqualTo(before + 5);
    assertThat(engine.haltReason()).hasValue("stage " + haltStage
        + ": 5 of 5 finished installs failed or turned unhealthy (100.0%, threshold 10.0%)");
  }
}
