package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.VirtualMachinePatchStatus;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B3: enablement of platform patching before a VM's first install. */
class RolloutEngineEnableTest {

  @Test
  @DisplayName("B3: Ready or no patchStatus counts as enabled; Pending (or no PatchModeConfigurationState/Ready) does not")
  void enabledIsReadFromConfigurationStatuses() {
    VirtualMachine vm = new EngineFixture(20, 3).fleet.get(0);
    List<VirtualMachine> fleet = List.of(
        VirtualMachine.builder().from(vm).id(vm.id() + "-none").patchStatus(java.util.Optional.empty()).build(),
        VirtualMachine.builder().from(vm).id(vm.id() + "-ready")
            .patchStatus(EngineFixture.configuration("patchmodeconfigurationstate/ready")).build(),
        VirtualMachine.builder().from(vm).id(vm.id() + "-pending")
            .patchStatus(EngineFixture.configuration(FleetIndex.PATCH_MODE_PENDING)).build(),
        VirtualMachine.builder().from(vm).id(vm.id() + "-empty")
            .patchStatus(VirtualMachinePatchStatus.builder().build()).build());
    FleetIndex index = FleetIndex.of(fleet, EngineFixture.POLICY);
    assertThat(index.isEnabled(0)).isTrue();
    assertThat(index.isEnabled(1)).isTrue();
    assertThat(index.isEnabled(2)).isFalse();
    assertThat(index.isEnabled(3)).isFalse();
  }

  @Test
  @DisplayName("B3/I6: an enablement that outlasts its window restarts the next night; then the VM is patched, all in windows")
  void enablementOutlastingItsWindowIsRestartedThenPatched() {
    EngineFixture base = new EngineFixture(200, 3);
    int vm = base.firstEligibleInStage(0);
    EngineFixture fx = base.withPendingVm(vm);
    String id = fx.index.vmId(vm);
    assertThat(fx.index.isEnabled(vm)).isFalse();
    ScriptedExecutor ex = new ScriptedExecutor(30);
    // First attempt: 20 hours (longer than any window); the second: 2 hours.
    ex.enableDuration = (v, n) -> n == 1 ? Duration.ofHours(20) : Duration.ofHours(2);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    // While the first enablement runs, the VM's install waits for it.
    Instant t = fx.stepUntil(Duration.ofMinutes(10),
        () -> ex.enableCalls.stream().anyMatch(c -> c.vmId().equals(id)));
    fx.runUntil(t.plus(Duration.ofMinutes(30)));
    if (engine.state(vm) == RolloutEngine.VmState.WAITING) {
      assertThat(engine.explain(vm)).isEqualTo("platform patching is being enabled; the install waits for it");
    }
    fx.runToDeadline();

    List<TraceRecord> enables = fx.rows().stream()
        .filter(r -> r.vmId().equals(id) && r.operation() == TraceRecord.Operation.ENABLE).toList();
    assertThat(enables).hasSize(2);
    var cal = engine.calendarOf(vm);
    TraceRecord first = enables.get(0);
    TraceRecord second = enables.get(1);
    // W2: each enablement starts at the start of an off-peak window.
    assertThat(cal.nextStart(first.startUtc().getEpochSecond())).isEqualTo(first.startUtc().getEpochSecond());
    assertThat(cal.nextStart(second.startUtc().getEpochSecond())).isEqualTo(second.startUtc().getEpochSecond());
    // The first timed out at its window's end; the second ran on a later night and succeeded.
    assertThat(first.outcome()).isEqualTo(TraceRecord.TIMED_OUT);
    assertThat(first.endUtc().getEpochSecond()).isEqualTo(cal.windowEnd(first.startUtc().getEpochSecond()));
    assertThat(second.startUtc()).isAfterOrEqualTo(first.endUtc());
    assertThat(second.outcome()).isEqualTo(PatchOperationStatus.SUCCEEDED);
    // The install came only after enablement succeeded, inside a window (I6 via the auditor).
    List<TraceRecord> installs = fx.installRows(id);
    assertThat(installs).isNotEmpty();
    assertThat(installs.get(0).startUtc()).isAfterOrEqualTo(second.endUtc());
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    assertThat(fx.audit().breaches()).as(fx.audit().toString()).isEmpty();
  }

  @Test
  @DisplayName("B3: an enabled VM is never sent to enable(); a pending one is, once it succeeds")
  void onlyPendingVmsAreEnabledAndOnlyUntilSuccess() {
    EngineFixture base = new EngineFixture(200, 3);
    int vm = base.firstEligibleInStage(0);
    EngineFixture fx = base.withPendingVm(vm);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.runToDeadline();
    List<String> enabled = ex.enableCalls.stream().map(EngineFixture.Call::vmId).distinct().toList();
    List<String> pending = new ArrayList<>();
    for (int v = 0; v < fx.index.size(); v++) {
      if (fx.index.isEligible(v) && !fx.index.isEnabled(v)) {
        pending.add(fx.index.vmId(v));
      }
    }
    assertThat(pending).contains(fx.index.vmId(vm));
    assertThat(enabled).containsExactlyInAnyOrderElementsOf(pending);
    assertThat(ex.enableCalls).hasSameSizeAs(pending);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
  }
}
