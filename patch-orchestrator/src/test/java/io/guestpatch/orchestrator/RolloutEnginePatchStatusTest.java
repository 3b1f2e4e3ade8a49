package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestpatch.model.PatchJson;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachinePatchStatus;
import io.guestpatch.orchestrator.EngineFixture.ScriptedExecutor;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SPEC B4: each VM's instance-view patchStatus, kept by the engine and built on demand. */
class RolloutEnginePatchStatusTest {
  private static final ObjectMapper JSON = PatchJson.newObjectMapper();

  private static JsonNode json(VirtualMachinePatchStatus status) throws Exception {
    return JSON.readTree(JSON.writeValueAsString(status));
  }

  @Test
  @DisplayName("B4: before any operation only configurationStatuses is shown, with Azure's names")
  void freshVmShowsOnlyItsConfigurationStatus() throws Exception {
    EngineFixture fx = new EngineFixture(100, 3);
    RolloutEngine engine = fx.build(new ScriptedExecutor(30));
    int vm = fx.eligibleRunning().stream().filter(fx.index::isEnabled).findFirst().orElseThrow();
    JsonNode node = json(engine.patchStatus(vm));
    assertThat(node.has("availablePatchSummary")).isFalse();
    assertThat(node.has("lastPatchInstallationSummary")).isFalse();
    JsonNode config = node.get("configurationStatuses").get(0);
    assertThat(config.get("code").asText()).isEqualTo("PatchModeConfigurationState/Ready");
    assertThat(config.get("level").asText()).isEqualTo("Info");
    assertThat(config.get("displayStatus").asText()).isEqualTo("Status_PatchModeConfigurationState_Ready");
  }

  @Test
  @DisplayName("B4: after an assessment and a successful install both summaries carry Azure's fields")
  void patchedVmShowsBothSummaries() throws Exception {
    EngineFixture fx = new EngineFixture(200, 3);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.runToDeadline();
    int vm = fx.firstEligibleInStage(0);
    assertThat(engine.state(vm)).isEqualTo(RolloutEngine.VmState.SUCCEEDED);
    TraceRecord install = fx.installRows(fx.index.vmId(vm)).get(0);
    JsonNode node = json(engine.patchStatus(vm));

    JsonNode available = node.get("availablePatchSummary");
    assertThat(available.get("status").asText()).isEqualTo("Succeeded");
    assertThat(available.get("criticalAndSecurityPatchCount").asInt()).isEqualTo(4);
    assertThat(available.get("otherPatchCount").asInt()).isZero();
    assertThat(available.get("rebootPending").asBoolean()).isFalse();
    assertThat(available.has("startTime")).isTrue();

    JsonNode last = node.get("lastPatchInstallationSummary");
    assertThat(last.get("status").asText()).isEqualTo("Succeeded");
    assertThat(last.get("maintenanceWindowExceeded").asBoolean()).isFalse();
    assertThat(last.get("installedPatchCount").asInt()).isEqualTo(4);
    assertThat(last.get("failedPatchCount").asInt()).isZero();
    assertThat(last.get("pendingPatchCount").asInt()).isZero();
    assertThat(last.get("excludedPatchCount").asInt()).isZero();
    assertThat(last.get("notSelectedPatchCount").asInt()).isZero();
    var summary = engine.patchStatus(vm).lastPatchInstallationSummary().orElseThrow();
    assertThat(summary.startTime().orElseThrow().toInstant()).isEqualTo(install.startUtc());
    assertThat(summary.lastModifiedTime().orElseThrow().toInstant()).isEqualTo(install.endUtc());
    assertThat(last.get("startTime").asText()).isNotBlank();
  }

  @Test
  @DisplayName("B4: in flight the installation is InProgress; a timed-out one is Failed with maintenanceWindowExceeded")
  void inFlightThenTimedOut() {
    EngineFixture fx = new EngineFixture(200, 3);
    int vm = fx.firstEligibleInStage(0);
    String id = fx.index.vmId(vm);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.hangFirst.add(id);
    RolloutEngine engine = fx.build(ex);
    engine.start();
    fx.stepUntil(Duration.ofMinutes(1), () -> engine.state(vm) == RolloutEngine.VmState.IN_FLIGHT);
    assertThat(engine.patchStatus(vm).lastPatchInstallationSummary().orElseThrow().status())
        .contains(PatchOperationStatus.IN_PROGRESS);
    fx.stepUntil(Duration.ofMinutes(1), () -> !fx.installRows(id).isEmpty());
    var last = engine.patchStatus(vm).lastPatchInstallationSummary().orElseThrow();
    assertThat(last.status()).contains(PatchOperationStatus.FAILED);
    assertThat(last.maintenanceWindowExceeded()).contains(true);
  }

  @Test
  @DisplayName("B4/B3: a Pending VM shows PatchModeConfigurationState/Pending until enabled, then Ready")
  void configurationStatusFollowsEnablement() {
    EngineFixture base = new EngineFixture(200, 3);
    int vm = base.firstEligibleInStage(0);
    EngineFixture fx = base.withPendingVm(vm);
    ScriptedExecutor ex = new ScriptedExecutor(30);
    ex.enableDuration = (v, n) -> Duration.ofHours(2);
    RolloutEngine engine = fx.build(ex);
    assertThat(engine.patchStatus(vm).configurationStatuses().get(0).code())
        .contains("PatchModeConfigurationState/Pending");
    engine.start();
    fx.runToDeadline();
    assertThat(engine.patchStatus(vm).configurationStatuses().get(0).code())
        .contains("PatchModeConfigurationState/Ready");
  }
}
