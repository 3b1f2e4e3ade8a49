package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B6: explain(vm). Retry pending, powered off, paused, halted and patched are covered with their scenarios. */
class RolloutEngineExplainTest {

  @Test
  @DisplayName("B6: an ineligible VM is explained with its reason codes")
  void ineligibleVmNamesItsReasonCodes() {
    EngineFixture fx = new EngineFixture(200, 3);
    RolloutEngine engine = fx.build(new ScriptedExecutor(30));
    int vm = fx.ineligible().stream().findFirst().orElse(-1);
    assertThat(vm).as("the default fleet has ineligible VMs").isNotNegative();
    assertThat(fx.index.ineligibleReasons(vm)).isNotEmpty();
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.INELIGIBLE);
    assertThat(engine.explain(vm)).isEqualTo("not eligible: " + String.join(", ", fx.index.ineligibleReasons(vm)));
  }

  @Test
  @DisplayName("B6/I2: a VM of stage 1 waits for the gate of stage 0")
  void laterStageVmWaitsForTheGate() {
    EngineFixture fx = new EngineFixture(200, 3);
    RolloutEngine engine = fx.build(new ScriptedExecutor(30));
    engine.start();
    fx.runUntil(EngineFixture.CYCLE.release());
    assertThat(fx.plan.stages().size()).isGreaterThanOrEqualTo(2);
    int last = fx.plan.stages().size() - 1;
    int vm = fx.firstEligibleInStage(last);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.WAITING_FOR_STAGE);
    assertThat(engine.explain(vm))
        .isEqualTo("waiting for stage " + last + ": the gate of stage " + (last - 1) + " has not passed");
  }

  @Test
  @DisplayName("B6/I6: a released VM outside off-peak names its next fitting window, which fits W4")
  void releasedVmOutsideOffPeakNamesTheNextFittingWindow() {
    EngineFixture fx = new EngineFixture(1000, 3);
    RolloutEngine engine = fx.build(new ScriptedExecutor(30));
    engine.start();
    long expected = EngineFixture.POLICY.offPeak().requiredTime(4, true).getSeconds();
    int found = 0;
    Instant now = EngineFixture.CYCLE.release();
    for (int hour = 0; hour < 72 && found == 0; hour++) {
      now = now.plus(Duration.ofHours(1));
      fx.runUntil(now);
      for (int vm = 0; vm < fx.index.size(); vm++) {
        String text = engine.explain(vm);
        if (engine.state(vm) == RolloutEngine.VmState.WAITING && text.startsWith("outside off-peak")) {
          found++;
          long next = engine.calendarOf(vm).earliestStart(now.getEpochSecond(), expected);
          assertThat(next).isGreaterThan(now.getEpochSecond());
          assertThat(text).isEqualTo("outside off-peak; next fitting window starts " + Instant.ofEpochSecond(next));
          assertThat(engine.calendarOf(vm).windowEnd(next)).isGreaterThanOrEqualTo(next + expected);
        }
      }
    }
    assertThat(found).isPositive();
  }

  @Test
  void inFlightVmSaysSince() {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.stepUntil(Duration.ofMinutes(1), () -> !ex.calls.isEmpty());
    int vm = fx.index.indexOf(ex.calls.get(0).vmId());
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.IN_FLIGHT);
    assertThat(engine.explain(vm)).isEqualTo("install in flight since " + ex.calls.get(0).at());
  }

  @Test
  @DisplayName("B6/B5: a VM of a stage that never opened says the rollout is cancelled")
  void unopenedStageAfterCancelSaysCancelled() {
    EngineFixture fx = new EngineFixture(200, 3);
    RolloutEngine engine = fx.build(new ScriptedExecutor(30));
    engine.start();
    fx.runUntil(EngineFixture.CYCLE.release());
    int last = fx.plan.stages().size() - 1;
    int vm = fx.firstEligibleInStage(last);
    engine.cancel();
    fx.runUntil(EngineFixture.CYCLE.release().plus(Duration.ofDays(3)));
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.WAITING_FOR_STAGE);
    assertThat(engine.explain(vm)).isEqualTo("stage " + last + " will not open: the rollout is cancelled");
  }

  @Test
  @DisplayName("B6/I10: a VM of a stage that never opened says the rollout is halted, and why")
  void unopenedStageAfterHaltSaysHalted() {
    EngineFixture fx = new EngineFixture(300, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    for (int vm : fx.eligibleRunning()) {
      if (fx.plan.stageOfVm(vm) == 0) {
        ex.fail.add(fx.index.vmId(vm));
      }
    }
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.stepUntil(Duration.ofHours(1), engine::isHalted);
    assertThat(engine.isHalted()).isTrue();
    int last = fx.plan.stages().size() - 1;
    int vm = fx.firstEligibleInStage(last);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.WAITING_FOR_STAGE);
    assertThat(engine.explain(vm))
        .isEqualTo("stage " + last + " will not open: the rollout is halted: " + engine.haltReason().orElseThrow());
  }
}
