package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.LastPatchInstallationSummary;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PowerStateSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B8, I9: an install journalled as started but not finished is "in doubt" after a restart. */
class RolloutEngineInDoubtTest {
  private static final Instant RELEASE = EngineFixture.CYCLE.release();
  /** When the lost install started (journalled): a day before the release, so any window after it is later. */
  private static final Instant LOST_START = RELEASE.minus(Duration.ofDays(1));

  private final EngineFixture fx = new EngineFixture(200, 3);
  private final int vm = fx.firstEligibleInStage(0);
  private final String id = fx.index.vmId(vm);

  private RolloutEngine restartWith(ScriptedExecutor ex, InMemoryRolloutStore store) {
    RolloutEngine engine = fx.build(RELEASE, ex, PowerStateSource.ALWAYS_RUNNING, HealthSource.UNKNOWN, store);
    engine.start();
    fx.runToDeadline();
    return engine;
  }

  private InMemoryRolloutStore journalWithLostStart() {
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    store.append("START " + id + " 1 " + LOST_START.getEpochSecond());
    return store;
  }

  private static Optional<LastPatchInstallationSummary> summary(PatchOperationStatus status, Instant start) {
    return Optional.of(LastPatchInstallationSummary.builder().status(status)
        .startTime(AzureDateTime.of(start)).lastModifiedTime(AzureDateTime.of(start.plusSeconds(1800)))
        .maintenanceWindowExceeded(false).build());
  }

  @Test
  @DisplayName("B8: begin journals START <vmId> <attempt> <epochSecond> before the executor is called")
  void startIsJournalledBeforeTheInstall() {
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    ScriptedExecutor ex = new ScriptedExecutor(30);
    restartWith(ex, store);
    EngineFixture.Call first = ex.calls.get(0);
    assertThat(store.replay()).contains("START " + first.vmId() + " 1 " + first.at().getEpochSecond());
    int start = store.replay().indexOf("START " + first.vmId() + " 1 " + first.at().getEpochSecond());
    assertThat(store.replay().indexOf("OK " + first.vmId())).isGreaterThan(start);
  }

  @Test
  @DisplayName("B8/I9: a lost install that succeeded since its journalled start settles the VM with no new install")
  void lostInstallThatSucceededIsNotRepeated() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.lastInstallationOverride = v -> v.equals(id)
        ? summary(PatchOperationStatus.SUCCEEDED, LOST_START) : Optional.empty();
    InMemoryRolloutStore store = journalWithLostStart();
    RolloutEngine engine = restartWith(ex, store);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(ex.callsOf(id)).as("B8: installed twice").isZero();
    assertThat(store.replay()).contains("OK " + id);
    assertThat(engine.explain(vm)).startsWith("patched in stage 0 (install started " + LOST_START);
    assertThat(fx.installRows(id)).singleElement()
        .satisfies(r -> assertThat(r.startUtc()).isEqualTo(LOST_START));
  }

  @Test
  @DisplayName("B8: CompletedWithWarnings counts as succeeded, as in finish()")
  void lostInstallCompletedWithWarningsIsNotRepeated() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.lastInstallationOverride = v -> summary(PatchOperationStatus.COMPLETED_WITH_WARNINGS, LOST_START.plusSeconds(5));
    RolloutEngine engine = restartWith(ex, journalWithLostStart());
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(ex.callsOf(id)).isZero();
  }

  @Test
  @DisplayName("B8/I9: a success older than the journalled start is not ours: the attempt counts as failed")
  void olderSuccessDoesNotSettleTheVm() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.lastInstallationOverride = v -> summary(PatchOperationStatus.SUCCEEDED, LOST_START.minusSeconds(1));
    InMemoryRolloutStore store = journalWithLostStart();
    RolloutEngine engine = restartWith(ex, store);
    assertThat(ex.callsOf(id)).isEqualTo(1);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    java.util.List<String> ofVm = store.replay().stream().filter(r -> r.contains(" " + id))
        .map(r -> r.startsWith("START " + id + " 2 ") ? "START " + id + " 2" : r).toList();
    assertThat(ofVm).containsExactly("START " + id + " 1 " + LOST_START.getEpochSecond(),
        "TRY " + id + " 1", "START " + id + " 2", "OK " + id);
  }

  @Test
  @DisplayName("B8/I9: with no last installation known the attempt is counted, and the VM is installed again")
  void unknownLastInstallationCountsAsFailedAttempt() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.lastInstallationOverride = v -> Optional.empty();
    InMemoryRolloutStore store = journalWithLostStart();
    RolloutEngine engine = restartWith(ex, store);
    assertThat(ex.lastInstallationQueries).isEqualTo(1);
    assertThat(ex.callsOf(id)).isEqualTo(1);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(store.replay()).contains("TRY " + id + " 1");
  }

  @Test
  @DisplayName("B8/I9: the lost attempt counts against the retry limit")
  void lostAttemptCountsAgainstTheRetryLimit() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.lastInstallationOverride = v -> summary(PatchOperationStatus.FAILED, LOST_START);
    ex.fail.add(id);
    RolloutEngine engine = restartWith(ex, journalWithLostStart());
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.FAILED);
    // retryLimit retries after the first (lost) attempt.
    assertThat(ex.callsOf(id)).isEqualTo(EngineFixture.POLICY.retryLimit());
  }

  @Test
  @DisplayName("B8: InProgress waits for the next window; once it ends Succeeded the VM is settled uninstalled")
  void inProgressWaitsAndThenSettles() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    int[] polls = {0};
    ex.lastInstallationOverride = v -> ++polls[0] == 1
        ? summary(PatchOperationStatus.IN_PROGRESS, LOST_START) : summary(PatchOperationStatus.SUCCEEDED, LOST_START);
    RolloutEngine engine = fx.build(RELEASE, ex, PowerStateSource.ALWAYS_RUNNING, HealthSource.UNKNOWN,
        journalWithLostStart());
    engine.start();
    Instant t = RELEASE;
    while (polls[0] == 0) {
      t = t.plus(Duration.ofMinutes(5));
      fx.runUntil(t);
    }
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.WAITING);
    assertThat(engine.explain(vm)).startsWith("its install was in flight when the engine stopped");
    fx.runToDeadline();
    assertThat(polls[0]).isEqualTo(2);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(ex.callsOf(id)).isZero();
  }

  @Test
  @DisplayName("B8: an answer that stays InProgress is polled a bounded number of windows, then counted as failed")
  void endlessInProgressIsBounded() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.lastInstallationOverride = v -> summary(PatchOperationStatus.IN_PROGRESS, LOST_START);
    RolloutEngine engine = restartWith(ex, journalWithLostStart());
    assertThat(ex.lastInstallationQueries).isEqualTo(RolloutEngine.IN_DOUBT_POLLS);
    assertThat(ex.callsOf(id)).isEqualTo(1);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
  }
}
