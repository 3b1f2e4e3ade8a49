package io.guestpatch.orchestrator;

import static io.guestpatch.orchestrator.AuditFixtures.at;
import static io.guestpatch.orchestrator.AuditFixtures.concat;
import static io.guestpatch.orchestrator.AuditFixtures.install;
import static io.guestpatch.orchestrator.AuditFixtures.loose;
import static io.guestpatch.orchestrator.AuditFixtures.row;
import static io.guestpatch.orchestrator.AuditFixtures.set;
import static io.guestpatch.orchestrator.AuditFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One trace per rule that breaks it exactly once, and a busy trace that breaks nothing (SPEC 4.2, 4.6). */
class SafetyAuditorRulesTest {
  private final SafetyAuditor auditor = SafetyAuditor.ofDefaults();

  private static Breach onlyBreach(AuditReport report, Breach.Rule rule) {
    assertThat(report.breaches()).as(report.toString()).hasSize(1);
    assertThat(report.totalCount()).isEqualTo(1);
    assertThat(report.count(rule)).isEqualTo(1);
    Breach b = report.breaches().get(0);
    assertThat(b.rule()).isEqualTo(rule);
    return b;
  }

  @Test
  @DisplayName("I1: an install starting while the paired region has one in flight is a breach")
  void flagsPairedRegionsInFlightTogether() {
    VirtualMachine a = vm("a", "eastus").build();
    VirtualMachine b = vm("b", "westus").build();
    AuditReport report = auditor.audit(List.of(install(a, 0, 60), install(b, 30, 90)), List.of(a, b));
    Breach breach = onlyBreach(report, Breach.Rule.I1);
    assertThat(breach.instant()).isEqualTo(at(30));
    assertThat(breach.vmIds()).containsExactly(b.id(), a.id());
    assertThat(breach.region()).contains("westus");
    assertThat(breach.message()).contains("paired region eastus");
  }

  @Test
  @DisplayName("I1: pairs are symmetric even where the catalogue lists them one way (westus3 -> eastus)")
  void treatsOneWayPairsAsSymmetric() {
    VirtualMachine a = vm("a", "westus3").build();
    VirtualMachine b = vm("b", "eastus").build();
    AuditReport report = auditor.audit(List.of(install(b, 0, 60), install(a, 10, 20)), List.of(a, b));
    assertThat(onlyBreach(report, Breach.Rule.I1).vmIds()).containsExactly(a.id(), b.id());
  }

  @Test
  @DisplayName("I1: paired regions sharing a stage index is a breach even when they never overlap")
  void flagsPairedRegionsInOneStage() {
    VirtualMachine a = vm("a", "eastus").build();
    VirtualMachine b = vm("b", "westus").build();
    AuditReport report = auditor.audit(List.of(install(a, 0, 0, 60), install(b, 0, 60, 120)), List.of(a, b));
    Breach breach = onlyBreach(report, Breach.Rule.I1);
    assertThat(breach.instant()).isEqualTo(at(60));
    assertThat(breach.vmIds()).containsExactly(b.id(), a.id());
    assertThat(breach.stage()).hasValue(0);
    assertThat(breach.message()).contains("share stage 0");
  }

  @Test
  @DisplayName("I1: a region whose installs carry two stage indices is a breach")
  void flagsRegionInTwoStages() {
    VirtualMachine a = vm("a", "eastus").build();
    VirtualMachine b = vm("b", "eastus").build();
    AuditReport report = auditor.audit(
        List.of(install(a, 0, 0, 60), install(b, 1, 60, 120)), concat(List.of(a, b), loose("x", "s1", "eastus", 8)));
    Breach breach = onlyBreach(report, Breach.Rule.I1);
    assertThat(breach.instant()).isEqualTo(at(60));
    assertThat(breach.vmIds()).containsExactly(b.id(), a.id());
  }

  @Test
  @DisplayName("I2: an install of stage k+1 starting while stage k has one in flight is a breach")
  void flagsNextStageStartingWhileEarlierInFlight() {
    VirtualMachine a = vm("a", "northeurope").build();
    VirtualMachine b = vm("b", "eastus").build();
    AuditReport report = auditor.audit(List.of(install(a, 0, 0, 60), install(b, 1, 30, 90)), List.of(a, b));
    Breach breach = onlyBreach(report, Breach.Rule.I2);
    assertThat(breach.instant()).isEqualTo(at(30));
    assertThat(breach.vmIds()).containsExactly(b.id(), a.id());
    assertThat(breach.stage()).hasValue(1);
  }

  @Test
  @DisplayName("I2 (strict stage order): an install of stage k+1 starting before stage k's first install is a breach")
  void flagsNextStageStartingBeforeEarlierStageBegan() {
    VirtualMachine a = vm("a", "northeurope").build();
    VirtualMachine b = vm("b", "eastus").build();
    VirtualMachine c = vm("c", "eastus").build();
    List<TraceRecord> rows = List.of(install(a, 0, 60, 120), install(b, 1, 0, 30), install(c, 1, 30, 45));
    List<VirtualMachine> fleet = concat(List.of(a, b, c), loose("x", "s1", "eastus", 8));
    // By default this is allowed: stage 0's VM may have been powered off and caught up (SPEC I2).
    assertThat(auditor.audit(rows, fleet).breaches(Breach.Rule.I2)).isEmpty();
    AuditReport report = SafetyAuditor.builder().strictStageOrder(true).build().audit(rows, fleet);
    Breach breach = onlyBreach(report, Breach.Rule.I2);
    assertThat(breach.instant()).isEqualTo(at(0));
    assertThat(breach.vmIds()).containsExactly(b.id(), c.id());
    assertThat(breach.vmCount()).isEqualTo(2);
    assertThat(breach.message()).contains("before the first install of stage 0");
  }

  @Test
  @DisplayName("I3: two zones of one region in flight at once is a breach")
  void flagsTwoZonesOfOneRegion() {
    VirtualMachine a = vm("a", "s1", "eastus").zone("1").build();
    VirtualMachine b = vm("b", "s2", "eastus").zone("2").build();
    AuditReport report = auditor.audit(List.of(install(a, 0, 60), install(b, 30, 90)), List.of(a, b));
    Breach breach = onlyBreach(report, Breach.Rule.I3);
    assertThat(breach.instant()).isEqualTo(at(30));
    assertThat(breach.vmIds()).containsExactly(b.id(), a.id());
    assertThat(breach.zone()).contains("2");
    assertThat(breach.region()).contains("eastus");
  }

  @Test
  @DisplayName("I3: a VM without a zone does not count as a zone")
  void ignoresRegionalVmsForZones() {
    VirtualMachine a = vm("a", "s1", "eastus").zone("1").build();
    VirtualMachine b = vm("b", "s2", "eastus").build();
    AuditReport report = auditor.audit(List.of(install(a, 0, 60), install(b, 30, 90)), List.of(a, b));
    assertThat(report.isClean()).as(report.toString()).isTrue();
  }

  @Test
  @DisplayName("I4: two update domains of one set in flight at once is a breach")
  void flagsTwoUpdateDomainsOfOneSet() {
    List<VirtualMachine> fleet = set("v", "eastus", "/sets/as1", 10, 5); // v0 in UD0, v1 in UD1
    AuditReport report = auditor.audit(
        List.of(install(fleet.get(0), 0, 60), install(fleet.get(1), 30, 90)), fleet);
    Breach breach = onlyBreach(report, Breach.Rule.I4);
    assertThat(breach.instant()).isEqualTo(at(30));
    assertThat(breach.vmIds()).containsExactly(fleet.get(1).id(), fleet.get(0).id());
    assertThat(breach.availabilitySet()).contains("/sets/as1");
    assertThat(breach.message()).contains("update domain 1").contains("update domain 0");
  }

  @Test
  @DisplayName("I4: more than 20% of a set of 10 in flight (3 of 10) is a breach")
  void flagsSetOverTwentyPercent() {
    List<VirtualMachine> fleet = set("v", "eastus", "/sets/as1", 10, 1); // all in UD0, cap 2
    AuditReport report = auditor.audit(
        List.of(install(fleet.get(0), 0, 60), install(fleet.get(1), 0, 60), install(fleet.get(2), 30, 90)), fleet);
    Breach breach = onlyBreach(report, Breach.Rule.I4);
    assertThat(breach.instant()).isEqualTo(at(30));
    assertThat(breach.vmIds()).startsWith(fleet.get(2).id())
        .containsExactlyInAnyOrder(fleet.get(2).id(), fleet.get(1).id(), fleet.get(0).id());
    assertThat(breach.message()).contains("at most 2");
  }

  @Test
  @DisplayName("I4: a set under 10 VMs goes one VM at a time")
  void flagsSmallSetWithTwoInFlight() {
    List<VirtualMachine> fleet = set("v", "eastus", "/sets/as1", 9, 1);
    AuditReport report = auditor.audit(List.of(install(fleet.get(0), 0, 60), install(fleet.get(1), 59, 90)), fleet);
    Breach breach = onlyBreach(report, Breach.Rule.I4);
    assertThat(breach.instant()).isEqualTo(at(59));
    assertThat(breach.message()).contains("at most 1");
  }

  @Test
  @DisplayName("I5: more than 20% of a subscription's loose VMs in a region in flight is a breach")
  void flagsLooseVmsOverTwentyPercent() {
    List<VirtualMachine> fleet = loose("v", "s1", "eastus", 10); // cap 2
    AuditReport report = auditor.audit(
        List.of(install(fleet.get(0), 0, 60), install(fleet.get(1), 10, 60), install(fleet.get(2), 20, 60)), fleet);
    Breach breach = onlyBreach(report, Breach.Rule.I5);
    assertThat(breach.instant()).isEqualTo(at(20));
    assertThat(breach.vmCount()).isEqualTo(3);
    assertThat(breach.vmIds().get(0)).isEqualTo(fleet.get(2).id());
    assertThat(breach.subscriptionId()).contains("s1");
  }

  @Test
  @DisplayName("I5: the 20% budget is per subscription: other subscriptions' VMs do not add to it")
  void countsLooseVmsPerSubscription() {
    List<VirtualMachine> fleet = concat(loose("v", "s1", "eastus", 5), loose("w", "s2", "eastus", 5));
    AuditReport report = auditor.audit(List.of(install(fleet.get(0), 0, 60), install(fleet.get(5), 10, 60)), fleet);
    assertThat(report.isClean()).as(report.toString()).isTrue();
    AuditReport twoInS1 = auditor.audit(List.of(install(fleet.get(0), 0, 60), install(fleet.get(1), 10, 60)), fleet);
    assertThat(onlyBreach(twoInS1, Breach.Rule.I5).message()).contains("at most 1");
  }

  @Test
  @DisplayName("I6: an install outside its off-peak window is a breach when an off-peak check is set")
  void flagsInstallOutsideOffPeak() {
    VirtualMachine a = vm("a", "eastus").build();
    VirtualMachine b = vm("b", "eastus").build();
    Instant windowEnd = at(120);
    SafetyAuditor withWindows =
        SafetyAuditor.builder().offPeak((row, start, end) -> !end.isAfter(windowEnd)).build();
    AuditReport report = withWindows.audit(
        List.of(install(a, 0, 60), install(b, 100, 130)), concat(List.of(a, b), loose("x", "s1", "eastus", 8)));
    Breach breach = onlyBreach(report, Breach.Rule.I6);
    assertThat(breach.instant()).isEqualTo(at(100));
    assertThat(breach.vmIds()).containsExactly(b.id());
    assertThat(report.uncheckedRules()).isEmpty();
  }

  @Test
  @DisplayName("I6: without an off-peak check the report says I6 was not checked")
  void saysWhenOffPeakIsNotChecked() {
    VirtualMachine a = vm("a", "eastus").build();
    AuditReport report = auditor.audit(List.of(install(a, 0, 60)), List.of(a));
    assertThat(report.isClean()).isTrue();
    assertThat(report.uncheckedRules()).containsExactly(Breach.Rule.I6);
    assertThat(report.toString()).contains("I6 not checked");
  }

  @Test
  @DisplayName("I9: a second successful install of a VM in one trace is a breach")
  void flagsSecondSuccess() {
    VirtualMachine a = vm("a", "eastus").build();
    AuditReport report = auditor.audit(
        List.of(install(a, 0, 60),
            row(a, TraceRecord.Operation.INSTALL, -1, 120, 180, PatchOperationStatus.COMPLETED_WITH_WARNINGS)),
        List.of(a));
    Breach breach = onlyBreach(report, Breach.Rule.I9);
    assertThat(breach.instant()).isEqualTo(at(120));
    assertThat(breach.vmIds()).containsExactly(a.id());
  }

  @Test
  @DisplayName("I9: an install starting while another install of the same VM is in flight is a breach")
  void flagsOverlappingInstallsOfOneVm() {
    List<VirtualMachine> fleet = loose("v", "s1", "eastus", 10);
    VirtualMachine a = fleet.get(0);
    AuditReport report = auditor.audit(
        List.of(row(a, TraceRecord.Operation.INSTALL, -1, 0, 60, PatchOperationStatus.FAILED), install(a, 30, 90)),
        fleet);
    Breach breach = onlyBreach(report, Breach.Rule.I9);
    assertThat(breach.instant()).isEqualTo(at(30));
    assertThat(breach.message()).contains("in flight");
  }

  @Test
  @DisplayName("I9: a zero-length install occupies no instant, whatever the row order")
  void zeroLengthInstallsNeverOverlap() {
    VirtualMachine a = vm("a", "eastus").build();
    TraceRecord empty = row(a, TraceRecord.Operation.INSTALL, -1, 30, 30, PatchOperationStatus.FAILED);
    TraceRecord real = install(a, 30, 90);
    assertThat(auditor.audit(List.of(empty, real), List.of(a)).isClean()).isTrue();
    assertThat(auditor.audit(List.of(real, empty), List.of(a)).isClean()).isTrue();
  }

  @Test
  @DisplayName("FLEET: a row for a VM that is not in the fleet is reported once per VM")
  void flagsVmNotInFleet() {
    VirtualMachine a = vm("a", "eastus").build();
    VirtualMachine ghost = vm("ghost", "northeurope").build();
    AuditReport report = auditor.audit(
        List.of(install(a, 0, 60), row(ghost, TraceRecord.Operation.ASSESS, -1, 0, 5, PatchOperationStatus.SUCCEEDED),
            row(ghost, TraceRecord.Operation.ASSESS, -1, 10, 15, PatchOperationStatus.SUCCEEDED)),
        List.of(a));
    Breach breach = onlyBreach(report, Breach.Rule.FLEET);
    assertThat(breach.vmIds()).containsExactly(ghost.id());
    assertThat(breach.instant()).isEqualTo(at(0));
    assertThat(report.rowsChecked()).isEqualTo(3);
    assertThat(report.installsChecked()).isEqualTo(1);
  }

  @Test
  @DisplayName("FLEET: a row placing a VM in another zone than the fleet is reported")
  void flagsPlacementMismatch() {
    VirtualMachine a = vm("a", "eastus").zone("1").build();
    VirtualMachine moved = vm("a", "eastus").zone("2").build();
    AuditReport report = auditor.audit(List.of(install(moved, 0, 60), install(moved, 60, 61)), List.of(a));
    assertThat(report.count(Breach.Rule.FLEET)).isEqualTo(1);
    assertThat(report.breaches(Breach.Rule.FLEET).get(0).message()).contains("zone is 2 in the trace but 1 in the fleet");
  }

  @Test
  @DisplayName("VM ids, regions and subscriptions match ignoring case")
  void matchesIdsIgnoringCase() {
    VirtualMachine a = vm("a", "eastus").build();
    TraceRecord r = install(a, 0, 60).toBuilder().vmId(a.id().toUpperCase()).region("EastUS").build();
    assertThat(auditor.audit(List.of(r), List.of(a)).isClean()).isTrue();
  }

  @Test
  @DisplayName("I1-I9: a busy trace with only allowed concurrency and touching intervals is clean")
  void acceptsAllowedConcurrency() {
    VirtualMachine e1 = vm("e1", "s1", "eastus").zone("1").build();
    VirtualMachine e2 = vm("e2", "s2", "eastus").zone("2").build();
    VirtualMachine n1 = vm("n1", "s1", "northeurope").zone("2").build();
    List<VirtualMachine> setVms = set("v", "northeurope", "/sets/as1", 10, 2); // UD0: v0, v2, ...
    VirtualMachine w1 = vm("w1", "s1", "westus").build();
    VirtualMachine we1 = vm("we1", "s1", "westeurope").build();
    List<VirtualMachine> fleet = concat(List.of(e1, e2, n1, w1, we1), setVms);
    List<TraceRecord> trace = List.of(
        // stage 0: eastus and northeurope (not paired) at once, zones 1 and 2 of different regions
        install(e1, 0, 0, 60),
        install(n1, 0, 10, 70),
        // two set VMs in update domain 0 within the cap of 2
        install(setVms.get(0), 0, 0, 30),
        install(setVms.get(2), 0, 5, 35),
        // UD1 starts exactly when UD0's last install ends
        install(setVms.get(1), 0, 35, 50),
        // zone 2 of eastus starts exactly when zone 1 ends; a failure retried later succeeds once
        row(e2, TraceRecord.Operation.INSTALL, 0, 60, 80, PatchOperationStatus.FAILED),
        install(e2, 0, 80, 90),
        // stage 1 (the pairs of stage 0's regions) starts when stage 0's last install ends
        install(w1, 1, 90, 120),
        install(we1, 1, 90, 120),
        // assessments and enablement overlap anything: they are not installs
        row(e1, TraceRecord.Operation.ASSESS, -1, 0, 200, PatchOperationStatus.SUCCEEDED),
        row(w1, TraceRecord.Operation.ENABLE, 1, 0, 200, PatchOperationStatus.SUCCEEDED),
        // a timed-out install then a zero-length one (never in flight)
        row(setVms.get(3), TraceRecord.Operation.INSTALL, 0, 50, 60, TraceRecord.TIMED_OUT),
        row(setVms.get(5), TraceRecord.Operation.INSTALL, 0, 60, 60, PatchOperationStatus.FAILED));
    AuditReport report = auditor.audit(trace, fleet);
    assertThat(report.isClean()).as(report.toString()).isTrue();
    assertThat(report.breaches()).isEmpty();
    assertThat(report.counts().values()).containsOnly(0L);
    assertThat(report.rowsChecked()).isEqualTo(13);
    assertThat(report.installsChecked()).isEqualTo(11);
    assertThat(report.toString()).contains("clean");
  }

  @Test
  @DisplayName("breaches beyond the per-rule limit are counted but not listed")
  void capsListedBreachesPerRule() {
    List<VirtualMachine> fleet = loose("v", "s1", "eastus", 4); // cap 1
    SafetyAuditor capped = SafetyAuditor.builder().maxBreachesPerRule(2).build();
    AuditReport report = capped.audit(
        List.of(install(fleet.get(0), 0, 60), install(fleet.get(1), 1, 60), install(fleet.get(2), 2, 60),
            install(fleet.get(3), 3, 60)),
        fleet);
    assertThat(report.count(Breach.Rule.I5)).isEqualTo(3);
    assertThat(report.breaches()).hasSize(2);
    assertThat(report.isTruncated()).isTrue();
    assertThat(report.breaches().get(1).vmCount()).isEqualTo(3);
  }

  @Test
  void listsAtMostTwentyVmsPerBreach() {
    List<VirtualMachine> fleet = loose("v", "s1", "eastus", 30); // cap 6
    List<TraceRecord> trace = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      trace.add(install(fleet.get(i), 0, 60));
    }
    AuditReport report = auditor.audit(trace, fleet);
    Breach last = report.breaches().get(report.breaches().size() - 1);
    assertThat(report.count(Breach.Rule.I5)).isEqualTo(24);
    assertThat(last.vmIds()).hasSize(Breach.MAX_LISTED_VMS);
    assertThat(last.vmCount()).isEqualTo(30);
    assertThat(last.toString()).contains("+10 more");
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> SafetyAuditor.builder().maxBreachesPerRule(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBreachesPerRule");
  }
}
