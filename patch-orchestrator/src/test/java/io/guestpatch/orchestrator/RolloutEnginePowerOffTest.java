package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import io.guestpatch.orchestrator.spi.HealthSource;
import io.guestpatch.orchestrator.spi.PowerStateSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B1, I2, I6: a VM off when its batch ran is caught up when it runs again, in its window. */
class RolloutEnginePowerOffTest {

  @Test
  @DisplayName("B1/I6: a VM powered off for the first 14 days is patched after it is back, inside off-peak")
  void vmOffForTwoWeeksIsPatchedAfterItComesBackInsideItsWindow() {
    EngineFixture fx = new EngineFixture(1000, 3);
    // A stage-0 VM in a stage with other VMs (see the disabled auditor test below for a lone one).
    int vm = firstOfLargeStageZero(fx);
    assertThat(fx.index.isEligible(vm) && fx.index.isRunning(vm)).isTrue();
    String id = fx.index.vmId(vm);
    Instant back = EngineFixture.CYCLE.release().plus(Duration.ofDays(14));
    PowerStateSource power = (vmId, at) -> !vmId.equals(id) || !at.isBefore(back);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex, power, HealthSource.UNKNOWN);
    engine.start();
    fx.runUntil(EngineFixture.CYCLE.release().plus(Duration.ofDays(1)));
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.POWERED_OFF);
    assertThat(engine.explain(vm)).isEqualTo("powered off when its batch ran; patched when it next runs, in its window");

    fx.runToDeadline();
    assertThat(engine.state(vm)).as(engine.explain(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    List<TraceRecord> rows = fx.installRows(id);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).startUtc()).isAfterOrEqualTo(back);
    assertThat(rows.get(0).outcome()).isEqualTo(PatchOperationStatus.SUCCEEDED);
    assertThat(OffPeakChecks.of(EngineFixture.POLICY, fx.fleet)
        .inWindow(rows.get(0), rows.get(0).startUtc(), rows.get(0).endUtc())).isTrue();
    // Catch-up relies on the periodic assessment sweep: it saw the VM running before the install.
    assertThat(fx.rows()).anySatisfy(r -> {
      assertThat(r.vmId()).isEqualTo(id);
      assertThat(r.operation()).isEqualTo(TraceRecord.Operation.ASSESS);
      assertThat(r.startUtc()).isAfterOrEqualTo(back).isBeforeOrEqualTo(rows.get(0).startUtc());
    });
    AuditReport audit = fx.audit();
    assertThat(audit.breaches()).as(audit.toString()).isEmpty();
    assertThat(ex.callsOf(id)).isEqualTo(1);
  }

  private static int firstOfLargeStageZero(EngineFixture fx) {
    Stage s = fx.plan.stages().get(0);
    assertThat(s.vms()).as("stage 0 size").isGreaterThanOrEqualTo(3);
    return firstOfStageZero(fx);
  }

  /** The first VM of stage 0's first batch. */
  private static int firstOfStageZero(EngineFixture fx) {
    return fx.plan.stages().get(0).regions().get(0).batches().get(0).vm(0);
  }

  @Test
  void loneStageZeroVmOffForTwoWeeksIsNotAnI2Breach() {
    EngineFixture fx = new EngineFixture(200, 3);
    assertThat(fx.plan.stages().get(0).vms()).isEqualTo(1);
    int vm = firstOfStageZero(fx);
    String id = fx.index.vmId(vm);
    Instant back = EngineFixture.CYCLE.release().plus(Duration.ofDays(14));
    RolloutEngine engine = fx.build(new ScriptedExecutor(30), (vmId, at) -> !vmId.equals(id) || !at.isBefore(back),
        HealthSource.UNKNOWN);
    engine.start();
    fx.runToDeadline();
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(fx.audit().breaches()).isEmpty();
  }

  @Test
  void vmOffForTheWholeCycleIsNeverInstalled() {
    EngineFixture fx = new EngineFixture(200, 3);
    int vm = firstOfStageZero(fx);
    String id = fx.index.vmId(vm);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex, (vmId, at) -> !vmId.equals(id), HealthSource.UNKNOWN);
    engine.start();
    fx.runToDeadline();
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.POWERED_OFF);
    assertThat(ex.callsOf(id)).isZero();
  }
}
