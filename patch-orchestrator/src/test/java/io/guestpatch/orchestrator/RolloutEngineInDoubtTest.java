package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.LastPatchInstallationSummary;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
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
    RolloutEngine engine = fx.build(RELEASE, ex, store);
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
  @DisplayName("B8: InProgress keeps the VM in flight (holding its slots); once it ends Succeeded it is settled uninstalled")
  void inProgressWaitsAndThenSettles() {
    ScriptedExecutor ex = new ScriptedExecutor(30);
    int[] polls = {0};
    ex.lastInstallationOverride = v -> ++polls[0] == 1
        ? summary(PatchOperationStatus.IN_PROGRESS, LOST_START) : summary(PatchOperationStatus.SUCCEEDED, LOST_START);
    RolloutEngine engine = fx.build(RELEASE, ex, journalWithLostStart());
    engine.start();
    fx.stepUntil(Duration.ofMinutes(5), () -> polls[0] > 0);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.IN_FLIGHT);
    assertThat(engine.explain(vm)).contains("outcome not known yet; its slots are held");
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

  @Test
  @DisplayName("B8, I3: while its lost install may still run, an in-doubt zonal VM keeps other zones of its region idle")
  void inDoubtVmHoldsItsSlotsUntilResolved() {
    EngineFixture big = new EngineFixture(3000, 7);
    FleetIndex index = big.index;
    int held = -1;
    for (int v = 0; v < index.size() && held < 0; v++) {
      if (index.isEligible(v) && index.isRunning(v) && index.zoneOf(v) >= 0 && big.plan.stageOfVm(v) == 0) {
        for (int w = 0; w < index.size(); w++) {
          if (index.isEligible(w) && index.regionOf(w) == index.regionOf(v) && index.zoneOf(w) >= 0
              && index.zoneOf(w) != index.zoneOf(v)) {
            held = v;
            break;
          }
        }
      }
    }
    assertThat(held).as("the fixture needs a zonal stage-0 VM with eligible neighbours in other zones").isNotNegative();
    String heldId = index.vmId(held);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    Instant[] resolvedAt = {null};
    int[] polls = {0};
    ex.lastInstallationOverride = v -> {
      if (!v.equals(heldId)) {
        return Optional.empty();
      }
      if (++polls[0] < RolloutEngine.IN_DOUBT_POLLS) {
        return summary(PatchOperationStatus.IN_PROGRESS, LOST_START);
      }
      resolvedAt[0] = big.scheduler.now();
      return summary(PatchOperationStatus.SUCCEEDED, LOST_START);
    };
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    store.append("START " + heldId + " 1 " + LOST_START.getEpochSecond());
    // Restart ten minutes into the held VM's first window after the release, while the lost install may run.
    Instant restart = EngineFixture.POLICY.offPeak()
        .nextWindow(RELEASE, index.timeZone(held), index.offPeakWindow(held)).start().plusSeconds(600);
    RolloutEngine engine = big.build(restart, ex, store);
    engine.start();
    big.runToDeadline();
    assertThat(resolvedAt[0]).as("resolved after %d polls", polls[0]).isNotNull().isAfter(restart);
    assertThat(engine.state(held)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(ex.callsOf(heldId)).isZero();
    int region = index.regionOf(held);
    long sameRegionBefore = 0;
    for (EngineFixture.Call c : ex.calls) {
      int other = index.indexOf(c.vmId());
      if (!c.at().isBefore(resolvedAt[0]) || index.regionOf(other) != region) {
        continue;
      }
      sameRegionBefore++;
      if (index.zoneOf(other) >= 0) {
        assertThat(index.zoneOf(other)).as("I3: %s started in another zone of the held VM's region", c)
            .isEqualTo(index.zoneOf(held));
      }
    }
    assertThat(sameRegionBefore).as("installs in the held VM's region before it was resolved").isPositive();
  }
}
