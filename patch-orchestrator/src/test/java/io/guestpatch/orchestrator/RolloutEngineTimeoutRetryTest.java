package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC 4.1 (W4, I6, I9): a hung install times out before its window ends and is retried next window. */
class RolloutEngineTimeoutRetryTest {
  private final EngineFixture fx = new EngineFixture(200, 3);
  private final int vm = fx.firstEligibleInStage(0);
  private final String id = fx.index.vmId(vm);
  private final ScriptedExecutor ex = new ScriptedExecutor(30);

  @Test
  @DisplayName("I6/I9: a hung install is TimedOut inside its window, retried in the next window, and succeeds")
  void hungInstallTimesOutInsideWindowAndIsRetriedNextWindow() {
    ex.hangFirst.add(id);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.runToDeadline();

    List<TraceRecord> rows = fx.installRows(id);
    assertThat(rows).hasSize(2);
    TraceRecord first = rows.get(0);
    TraceRecord second = rows.get(1);
    assertThat(first.outcome()).isEqualTo(TraceRecord.TIMED_OUT);
    long windowEnd = engine.calendarOf(vm).windowEnd(first.startUtc().getEpochSecond());
    assertThat(windowEnd).isPositive();
    // The timeout fires the slack (1 minute) before the window ends: at or before the end.
    assertThat(first.endUtc()).isBeforeOrEqualTo(Instant.ofEpochSecond(windowEnd));
    assertThat(first.endUtc()).isEqualTo(Instant.ofEpochSecond(windowEnd)
        .minus(EngineFixture.POLICY.operationTimeoutSlack()));
    // Retried in a later window, not the same one.
    assertThat(second.startUtc()).isAfterOrEqualTo(Instant.ofEpochSecond(
        engine.calendarOf(vm).nextStart(windowEnd)));
    assertThat(second.outcome()).isEqualTo(PatchOperationStatus.SUCCEEDED);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(ex.callsOf(id)).isEqualTo(2);
    assertThat(engine.explain(vm)).startsWith("patched in stage 0 (install started " + second.startUtc());
    assertThat(fx.audit().breaches()).as(fx.audit().toString()).isEmpty();
  }

  @Test
  @DisplayName("I9: between the timeout and the retry, explain says retry pending with the attempt number")
  void explainShowsRetryPendingAfterTimeout() {
    ex.hangFirst.add(id);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    // Step until the first attempt has timed out.
    fx.stepUntil(Duration.ofMinutes(1), () -> !fx.installRows(id).isEmpty());
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.RETRY_PENDING);
    assertThat(engine.explain(vm)).startsWith("retry pending (attempt 2): outside off-peak; next fitting window starts ");
  }

  @Test
  @DisplayName("I9: an install that always fails is tried 1 + retryLimit times, each in its own window, then FAILED")
  void alwaysFailingInstallEndsFailedAfterRetryLimit() {
    ex.fail.add(id);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.runToDeadline();
    int tries = 1 + EngineFixture.POLICY.retryLimit();
    assertThat(ex.callsOf(id)).isEqualTo(tries);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.FAILED);
    assertThat(engine.explain(vm)).isEqualTo("failed after " + tries + " attempts; no retry left in this cycle");
    List<TraceRecord> rows = fx.installRows(id);
    assertThat(rows).hasSize(tries).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(PatchOperationStatus.FAILED));
    for (int i = 1; i < rows.size(); i++) {
      long prevEnd = engine.calendarOf(vm).windowEnd(rows.get(i - 1).startUtc().getEpochSecond());
      assertThat(rows.get(i).startUtc()).isAfterOrEqualTo(Instant.ofEpochSecond(prevEnd));
    }
  }
}
