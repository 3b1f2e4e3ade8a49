package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B2: on-demand assessment by VM id. */
class RolloutEngineAssessTest {

  @Test
  @DisplayName("B2: an unknown id is rejected, naming it")
  void unknownIdIsRejected() {
    EngineFixture fx = new EngineFixture(50, 3);
    RolloutEngine engine = fx.build(new ScriptedExecutor(30));
    assertThatThrownBy(() -> engine.assess("/subscriptions/x/vm/nope"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/subscriptions/x/vm/nope");
  }

  @Test
  @DisplayName("B2: assessing eligible and ineligible VMs by id, at any time, never installs")
  void assessmentByIdNeverInstalls() {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    // No periodic sweep, so every assessment row comes from the on-demand calls.
    fx.scheduler = new VirtualScheduler(EngineFixture.CYCLE.release().minus(Duration.ofDays(2)));
    RolloutEngine engine = RolloutEngine.builder(fx.plan).policy(EngineFixture.POLICY).scheduler(fx.scheduler)
        .executor(ex).periodicAssessment(false).build();
    ex.scheduler = fx.scheduler;
    int ineligible = fx.ineligible().get(0);
    int eligible = fx.eligibleRunning().get(0);
    // Before the cycle starts, by id in another case, and for an ineligible VM.
    engine.assess(fx.index.vmId(eligible).toUpperCase(Locale.ROOT));
    engine.assess(fx.index.vmId(ineligible));
    assertThat(engine.assessmentsStarted()).isEqualTo(2);
    fx.scheduler.runUntil(EngineFixture.CYCLE.release().minus(Duration.ofDays(1)));
    assertThat(ex.calls).as("B2: assessment triggered an install").isEmpty();
    assertThat(engine.state(eligible)).isEqualTo(RolloutEngine.VmState.WAITING_FOR_STAGE);
    assertThat(engine.state(ineligible)).isEqualTo(RolloutEngine.VmState.INELIGIBLE);
    // B4: the on-demand result shows in the VM's patch status, with no installation.
    assertThat(engine.patchStatus(ineligible).availablePatchSummary()).isPresent();
    assertThat(engine.patchStatus(ineligible).lastPatchInstallationSummary()).isEmpty();
  }

  @Test
  @DisplayName("B2: an ineligible VM assessed during a running cycle is still never installed")
  void ineligibleVmAssessedMidCycleIsNeverInstalled() {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    List<String> ineligible = fx.ineligible().stream().map(fx.index::vmId).toList();
    Instant t = EngineFixture.CYCLE.release();
    for (int day = 0; day < 10; day++) {
      t = t.plus(Duration.ofDays(1));
      fx.runUntil(t);
      ineligible.forEach(engine::assess);
    }
    fx.runToDeadline();
    for (String id : ineligible) {
      assertThat(ex.callsOf(id)).as("B2/I8: %s", id).isZero();
    }
    long assessRows = fx.rows().stream()
        .filter(r -> r.operation() == TraceRecord.Operation.ASSESS && ineligible.contains(r.vmId())).count();
    assertThat(assessRows).as("B9: each on-demand assessment is traced").isEqualTo(10L * ineligible.size());
  }
}
