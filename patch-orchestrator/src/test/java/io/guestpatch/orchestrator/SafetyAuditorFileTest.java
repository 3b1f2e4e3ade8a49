package io.guestpatch.orchestrator;

import static io.guestpatch.orchestrator.AuditFixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.VirtualMachine;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auditing trace files (SPEC 4.5, 4.6): streaming from disk gives the same answer as rows in memory. */
class SafetyAuditorFileTest {
  @TempDir Path dir;

  // b and c are 2 of s2's 11 VMs outside sets in eastus: within I5's 20%
  private static final List<VirtualMachine> FLEET = AuditFixtures.concat(
      List.of(
          vm("a", "s1", "eastus").zone("1").build(),
          vm("b", "s2", "eastus").zone("2").build(),
          vm("c", "s2", "eastus").zone("3").build()),
      AuditFixtures.loose("x", "s2", "eastus", 8));

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(SafetyAuditorFileTest.class.getResource("/audit/" + name).toURI());
  }

  @Test
  @DisplayName("I3: a trace file where zone 3 starts while zone 2 is in flight gives one breach")
  void auditsATraceFile() throws Exception {
    AuditReport report = SafetyAuditor.ofDefaults().audit(resource("three-zones.csv"), FLEET);
    assertThat(report.rowsChecked()).isEqualTo(4);
    assertThat(report.installsChecked()).isEqualTo(3);
    assertThat(report.breaches()).hasSize(1);
    Breach b = report.breaches().get(0);
    assertThat(b.rule()).isEqualTo(Breach.Rule.I3);
    assertThat(b.instant()).isEqualTo(Instant.parse("2026-12-09T04:10:00Z"));
    assertThat(b.vmIds()).containsExactly(FLEET.get(2).id(), FLEET.get(1).id());
    assertThat(b.toString()).startsWith("I3 at 2026-12-09T04:10:00Z: install in zone 3 of eastus starts while zone 2");
    assertThat(report.toString()).contains("1 breach (I3: 1)");
  }

  @Test
  void givesTheSameAnswerForAFileAndItsRows() throws Exception {
    Path file = dir.resolve("copy.csv");
    List<TraceRecord> rows = TraceReader.read(resource("three-zones.csv"));
    try (TraceWriter w = TraceWriter.create(file)) {
      for (TraceRecord r : rows) {
        w.write(r);
      }
    }
    assertThat(SafetyAuditor.ofDefaults().audit(file, FLEET).toString())
        .isEqualTo(SafetyAuditor.ofDefaults().audit(rows, FLEET).toString());
  }

  @Test
  void reportsABadTraceFileInsteadOfAuditingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"), TraceWriter.HEADER + "\r\nx,y\r\n");
    assertThatThrownBy(() -> SafetyAuditor.ofDefaults().audit(file, FLEET))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("bad.csv line 2");
  }
}
