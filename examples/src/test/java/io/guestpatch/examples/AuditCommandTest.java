package io.guestpatch.examples;

import static io.guestpatch.examples.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code guestpatch audit}: the SafetyAuditor over a trace. */
class AuditCommandTest {

  @Test
  @DisplayName("I1: installs in flight at once in paired regions are a breach; exit 1")
  void reportsABreach() {
    CliRun r = CliRun.of("audit", resource("trace-breach.csv"), "--fleet", resource("fleet-small.jsonl"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(r.out).contains("I1").contains("paired region");
  }

  @Test
  void rejectsATraceWithABadHeader() {
    CliRun r = CliRun.of("audit", resource("trace-bad-header.csv"), "--fleet", resource("fleet-small.jsonl"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("header").contains("trace-bad-header.csv");
  }

  @Test
  void rejectsAMissingTrace() {
    CliRun r = CliRun.of("audit", "no-trace.csv", "--fleet", resource("fleet-small.jsonl"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err).contains("no-trace.csv");
  }

  @Test
  void requiresTheFleet() {
    CliRun r = CliRun.of("audit", resource("trace-breach.csv"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--fleet");
  }

  @Test
  void refusesAFleetWithABadRecord() {
    CliRun r = CliRun.of("audit", resource("trace-breach.csv"), "--fleet", resource("fleet-bad-record.jsonl"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("line 4").contains("--skip-invalid");
  }
}
