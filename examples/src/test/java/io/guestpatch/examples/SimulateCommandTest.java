package io.guestpatch.examples;

import static io.guestpatch.examples.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code guestpatch simulate}: a cycle in virtual time, its outcome, trace and report. */
class SimulateCommandTest {

  /**
   * Generates the fleet {@code simulate --vms 300 --seed 5} runs on, audits {@code trace} against it
   * and asserts both exit 0; returns the audit.
   */
  private static CliRun auditAgainstTheGeneratedFleet(Path dir, Path trace) {
    Path fleet = dir.resolve("fleet.jsonl");
    assertThat(CliRun.of("generate", "--vms", "300", "--seed", "5", "--out", fleet.toString()).code).isZero();
    CliRun audit = CliRun.of("audit", trace.toString(), "--fleet", fleet.toString());
    assertThat(audit.code).as(audit.toString()).isZero();
    return audit;
  }

  @Test
  @DisplayName("a generated fleet without faults completes; the trace passes the audit; the report is self-contained")
  void simulatesWritesTraceAndReport(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("trace.csv");
    Path report = dir.resolve("report.html");
    CliRun r = CliRun.of("simulate", "--vms", "300", "--seed", "5", "--cycle", "2026-12",
        "--trace", trace.toString(), "--report", report.toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("cycle 2026-12").contains("stage").contains("completion:").doesNotContain("HALTED");
    assertThat(r.err).contains("progress 100%");
    assertThat(Files.readAllLines(trace).get(0))
        .isEqualTo("vmId,subscriptionId,region,zone,availabilitySet,updateDomain,timeZone,stage,operation,startUtc,endUtc,outcome");
    String html = Files.readString(report);
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").contains("<rect")
        .contains("Completion per region").doesNotContain("<script").doesNotContain("<link")
        .doesNotContain("src=");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");

    CliRun audit = auditAgainstTheGeneratedFleet(dir, trace);
    assertThat(audit.out).contains("clean");
  }

  @Test
  @DisplayName("I10: a high failure rate halts the rollout; the outcome says why and the exit code is 1")
  void haltsOnFailures() {
    CliRun r = CliRun.of("simulate", "--vms", "300", "--seed", "5", "--cycle", "2026-12", "--failure-rate", "0.6");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("HALTED:");
  }

  @Test
  @DisplayName("I10: --halt-threshold and --halt-min-finished configure the halt; bad values exit 2")
  void haltThresholdIsConfigurable() {
    CliRun halted = CliRun.of("simulate", "--vms", "2000", "--seed", "3", "--cycle", "2026-12",
        "--failure-rate", "0.05");
    assertThat(halted.code).as(halted.toString()).isEqualTo(1);
    CliRun tolerant = CliRun.of("simulate", "--vms", "2000", "--seed", "3", "--cycle", "2026-12",
        "--failure-rate", "0.05", "--halt-threshold", "0.3", "--halt-min-finished", "50");
    assertThat(tolerant.code).as(tolerant.toString()).isZero();
    assertThat(tolerant.out).doesNotContain("HALTED:");
    CliRun badThreshold = CliRun.of("simulate", "--vms", "100", "--halt-threshold", "1");
    assertThat(badThreshold.code).isEqualTo(2);
    assertThat(badThreshold.err).contains("--halt-threshold").doesNotContain("Exception");
    CliRun badMin = CliRun.of("simulate", "--vms", "100", "--halt-min-finished", "0");
    assertThat(badMin.code).isEqualTo(2);
    assertThat(badMin.err).contains("--halt-min-finished");
  }

  @Test
  @DisplayName("I10: --bad-region fails every install of that region (any case); the rollout halts, exit 1")
  void badRegionFailsEveryInstallThere(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.html");
    CliRun r = CliRun.of("simulate", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12",
        "--bad-region", "EastUS", "--report", report.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("HALTED:");
    assertThat(Files.readString(report)).contains("every install failing in eastus");
    CliRun clean = CliRun.of("simulate", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12");
    assertThat(clean.code).as(clean.toString()).isZero();
  }

  @Test
  @DisplayName("4.5/I10: injected timeouts and hangs end as TimedOut rows, count as failures and halt the "
      + "rollout; the trace still passes the audit")
  void timeoutsAndHangsAreInjected(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("trace.csv");
    CliRun r = CliRun.of("simulate", "--vms", "300", "--seed", "5", "--cycle", "2026-12",
        "--timeout-rate", "0.05", "--hang-rate", "0.05", "--trace", trace.toString());
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("HALTED:");
    assertThat(Files.readString(trace)).contains(",TimedOut");
    auditAgainstTheGeneratedFleet(dir, trace);
  }

  @Test
  void simulatesAFleetFile() {
    CliRun r = CliRun.of("simulate", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12");
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("of 16 eligible VMs patched");
  }

  // ---- bad input

  @ParameterizedTest
  @ValueSource(strings = {"--failure-rate=1.5", "--failure-rate=-0.1", "--unhealthy-rate=2", "--failure-rate=NaN",
      "--timeout-rate=1.01", "--timeout-rate=-1", "--hang-rate=3", "--hang-rate=NaN"})
  void rejectsRatesOutsideZeroToOne(String option) {
    CliRun r = CliRun.of("simulate", "--vms", "10", option);
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains(option.substring(0, option.indexOf('=')));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "10000001"})
  void rejectsAVmCountOutOfRange(String vms) {
    CliRun r = CliRun.of("simulate", "--vms", vms);
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("--vms");
  }

  @Test
  void rejectsABadRegionTheFleetDoesNotHaveListingKnownOnes() {
    CliRun r = CliRun.of("simulate", "--fleet", resource("fleet-small.jsonl"), "--cycle", "2026-12",
        "--bad-region", "moonbase1");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("--bad-region").contains("moonbase1")
        .contains("eastus, northeurope, westeurope, westus");
    assertThat(r.out).isEmpty();
  }

  @Test
  void rejectsFleetAndVmsTogether() {
    CliRun r = CliRun.of("simulate", "--vms", "10", "--fleet", resource("fleet-small.jsonl"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("mutually exclusive");
  }

  @Test
  void rejectsAMissingFleet() {
    CliRun r = CliRun.of("simulate", "--fleet", "nowhere.jsonl");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err).contains("nowhere.jsonl");
  }

  @Test
  void refusesAFleetWithABadRecordUnlessSkipped() {
    CliRun refused = CliRun.of("simulate", "--fleet", resource("fleet-bad-record.jsonl"), "--cycle", "2026-12");
    assertThat(refused.code).isEqualTo(2);
    assertThat(refused.err).contains("line 4");
    CliRun skipped = CliRun.of("simulate", "--fleet", resource("fleet-bad-record.jsonl"), "--cycle", "2026-12",
        "--skip-invalid");
    assertThat(skipped.code).as(skipped.toString()).isZero();
    assertThat(skipped.err).contains("line 4");
  }
}
