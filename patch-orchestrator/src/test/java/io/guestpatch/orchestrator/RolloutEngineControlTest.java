package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.orchestrator.EngineFixture.Call;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B5: pause, resume and cancel. */
class RolloutEngineControlTest {

  /** Steps the clock 5 minutes at a time until installs are in flight; returns the instant. */
  private static Instant runUntilInFlight(EngineFixture fx, ScriptedExecutor ex) {
    Instant t = fx.stepUntil(Duration.ofMinutes(5), () -> ex.inFlight > 0);
    assertThat(t).isBefore(EngineFixture.CYCLE.deadline());
    return t;
  }

  @Test
  @DisplayName("B5: after pause() no install starts, in-flight ones finish; resume() completes the cycle")
  void pauseStopsNewStartsAndResumeCompletes() {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    Instant pausedAt = runUntilInFlight(fx, ex);
    int inFlightAtPause = ex.inFlight;
    engine.pause();
    assertThat(engine.isPaused()).isTrue();
    int callsAtPause = ex.calls.size();

    fx.runUntil(pausedAt.plus(Duration.ofDays(3)));
    assertThat(ex.calls).hasSize(callsAtPause);
    assertThat(ex.inFlight).isZero();
    assertThat(inFlightAtPause).isPositive();
    // Every install that had started is in the trace: the in-flight ones finished.
    assertThat(fx.rows().stream().filter(r -> r.operation() == TraceRecord.Operation.INSTALL).count())
        .isEqualTo(callsAtPause);
    boolean someoneSaysPaused = false;
    for (int vm = 0; vm < fx.index.size(); vm++) {
      someoneSaysPaused |= engine.explain(vm).equals("the rollout is paused");
    }
    assertThat(someoneSaysPaused).as("some waiting VM explains the pause").isTrue();

    Instant resumedAt = fx.scheduler.now();
    engine.resume();
    assertThat(engine.isPaused()).isFalse();
    fx.runToDeadline();
    assertThat(ex.calls.size()).isGreaterThan(callsAtPause);
    List<Call> after = ex.calls.subList(callsAtPause, ex.calls.size());
    assertThat(after).allSatisfy(c -> assertThat(c.at()).isAfterOrEqualTo(resumedAt));
    fx.assertEveryEligibleRunningVmSucceeded(engine);
    assertThat(fx.audit().breaches()).isEmpty();
  }

  @Test
  @DisplayName("B5: cancel() stops every new start for good; resume() does not undo it")
  void cancelStopsNewStartsForGood() {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    runUntilInFlight(fx, ex);
    engine.cancel();
    int callsAtCancel = ex.calls.size();
    engine.resume();
    engine.pause();
    engine.resume();
    fx.runToDeadline();
    assertThat(engine.isCancelled()).isTrue();
    assertThat(ex.calls).hasSize(callsAtCancel);
    assertThat(ex.inFlight).isZero();
    int waiting = 0;
    for (int vm = 0; vm < fx.index.size(); vm++) {
      RolloutEngine.VmState st = engine.state(vm);
      if (st == RolloutEngine.VmState.WAITING || st == RolloutEngine.VmState.RETRY_PENDING) {
        waiting++;
        assertThat(engine.explain(vm)).endsWith("the rollout is cancelled");
      } else if (st == RolloutEngine.VmState.WAITING_FOR_STAGE) {
        // B6: later stages never open after a cancel, and explain says so.
        assertThat(engine.explain(vm)).endsWith("the rollout is cancelled");
      }
    }
    assertThat(waiting + fx.eligibleRunning().stream()
        .filter(vm -> engine.state(vm) == RolloutEngine.VmState.WAITING_FOR_STAGE).count())
        .as("something was left unpatched by the cancel").isPositive();
    assertThat(engine.progress().patchedVms()).isLessThan(fx.eligibleRunning().size());
  }

  @Test
  void pauseIsReplayedAfterARestart() {
    EngineFixture fx = new EngineFixture(200, 3);
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(EngineFixture.CYCLE.release(), ex, store);
    engine.start();
    Instant t = runUntilInFlight(fx, ex);
    engine.pause();
    int calls = ex.calls.size();
    RolloutEngine again = fx.build(t, ex, store);
    again.start();
    assertThat(again.isPaused()).isTrue();
    fx.runUntil(t.plus(Duration.ofDays(3)));
    assertThat(ex.calls).hasSize(calls);
  }
}
