package io.guestpatch.orchestrator;

import static io.guestpatch.orchestrator.AuditFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.guestpatch.model.PatchOperationStatus;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace format (SPEC 4.5): header, fields, RFC 4180 quoting, and reading it back. */
class TraceRoundTripTest {
  @TempDir Path dir;

  private static TraceRecord.Builder base() {
    return TraceRecord.builder()
        .vmId("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/a")
        .subscriptionId("s1")
        .region("eastus")
        .timeZone("America/New_York")
        .operation(TraceRecord.Operation.INSTALL)
        .startUtc(at(0))
        .endUtc(at(45))
        .outcome(PatchOperationStatus.SUCCEEDED);
  }

  private static String write(List<TraceRecord> rows) throws IOException {
    StringWriter out = new StringWriter();
    try (TraceWriter w = TraceWriter.create(out)) {
      for (TraceRecord r : rows) {
        w.write(r);
      }
    }
    return out.toString();
  }

  @Test
  @DisplayName("SPEC 4.5: header, empty optional fields, Instant.toString times, CRLF records")
  void writesTheSpecifiedLayout() throws IOException {
    TraceRecord regional = base().build();
    TraceRecord placed = base().zone("2").availabilitySet("/sets/as1").updateDomain(3).stage(0)
        .startUtc(Instant.parse("2026-12-09T03:00:00.250Z")).outcome(TraceRecord.TIMED_OUT).build();
    String text = write(List.of(regional, placed));
    assertThat(text.split("\r\n", -1)).containsExactly(
        "vmId,subscriptionId,region,zone,availabilitySet,updateDomain,timeZone,stage,operation,startUtc,endUtc,outcome",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/a,s1,eastus,,,,America/New_York,,install,2026-12-09T03:00:00Z,2026-12-09T03:45:00Z,Succeeded",
        "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/a,s1,eastus,2,/sets/as1,3,America/New_York,0,install,2026-12-09T03:00:00.250Z,2026-12-09T03:45:00Z,TimedOut",
        "");
  }

  @Test
  @DisplayName("RFC 4180: commas, quotes, CR and LF in fields survive a round trip")
  void roundTripsSpecialCharacters() throws IOException {
    List<TraceRecord> rows = List.of(
        base().vmId("vm,with,commas").build(),
        base().vmId("vm \"quoted\"").availabilitySet("\"").build(),
        base().vmId("line1\nline2\r\nline3\rline4").subscriptionId(",\"\n").build(),
        base().vmId("\"\"").zone(",").operation(TraceRecord.Operation.ASSESS).build());
    String text = write(rows);
    assertThat(text).contains("\"vm,with,commas\"").contains("\"vm \"\"quoted\"\"\"");
    assertThat(TraceReader.read(new StringReader(text), "mem")).containsExactlyElementsOf(rows);
  }

  @Test
  void roundTripsThroughAFile() throws IOException {
    Path file = dir.resolve("trace.csv");
    List<TraceRecord> rows = randomRows(new Random(7), 500);
    try (TraceWriter w = TraceWriter.create(file)) {
      for (TraceRecord r : rows) {
        w.write(r);
      }
    }
    assertThat(TraceReader.read(file)).containsExactlyElementsOf(rows);
    List<TraceRecord> streamed = new ArrayList<>();
    TraceReader.forEach(file, streamed::add);
    assertThat(streamed).containsExactlyElementsOf(rows);
  }

  @Test
  void roundTripsRandomRows() throws IOException {
    long seed = new Random().nextLong();
    List<TraceRecord> rows = randomRows(new Random(seed), 2000);
    assertThat(TraceReader.read(new StringReader(write(rows)), "mem"))
        .as("seed %d", seed)
        .containsExactlyElementsOf(rows);
  }

  @Test
  @DisplayName("reads LF line ends, a byte-order mark, blank lines and a last line without a line end")
  void readsLenientLineEnds() throws IOException {
    String text = "\uFEFF" + TraceWriter.HEADER + "\n"
        + "a,s1,eastus,,,,UTC,,assess,2026-12-09T03:00:00Z,2026-12-09T03:01:00Z,Succeeded\n\n"
        + "b,s1,eastus,1,,,UTC,2,enable,2026-12-09T03:00:00.1234567Z,2026-12-09T03:01:00+00:00,failed";
    List<TraceRecord> rows = TraceReader.read(new StringReader(text), "mem");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).startUtc()).isEqualTo(Instant.parse("2026-12-09T03:00:00.123456700Z"));
    assertThat(rows.get(1).endUtc()).isEqualTo(at(1));
    assertThat(rows.get(1).outcome()).isEqualTo(PatchOperationStatus.FAILED);
    assertThat(rows.get(1).outcome().value()).isEqualTo("Failed");
    assertThat(rows.get(1).stage()).hasValue(2);
    assertThat(rows.get(1).zone()).contains("1");
    assertThat(rows.get(0).zone()).isEmpty();
    assertThat(rows.get(0).updateDomain()).isEmpty();
  }

  @Test
  @DisplayName("write is safe from several threads: every row arrives whole")
  void writesFromSeveralThreads() throws Exception {
    StringWriter out = new StringWriter();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (TraceWriter w = TraceWriter.create(out)) {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        jobs.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            w.write(base().vmId("t" + thread + "-" + i).build());
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(TraceReader.read(new StringReader(out.toString()), "mem")).hasSize(2000);
  }

  @Test
  void refusesToWriteAfterClose() throws IOException {
    TraceWriter w = TraceWriter.create(new StringWriter());
    w.close();
    w.close();
    assertThatThrownBy(() -> w.write(base().build())).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void writesUtf8ToFiles() throws IOException {
    Path file = dir.resolve("utf8.csv");
    TraceRecord r = base().vmId("vm-é-東京").build();
    try (TraceWriter w = TraceWriter.create(file)) {
      w.write(r);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("vm-é-東京");
    assertThat(TraceReader.read(file)).containsExactly(r);
  }

  @Test
  @DisplayName("a record cannot end before it starts, carry a blank id or an unlisted outcome")
  void rejectsInconsistentRecords() {
    assertThatThrownBy(() -> base().endUtc(at(-1)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("before its startUtc");
    assertThatThrownBy(() -> base().vmId(" ").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("vmId");
    assertThatThrownBy(() -> base().zone("").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("zone");
    assertThatThrownBy(() -> base().outcome("Done"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TimedOut");
    assertThatThrownBy(() -> base().outcome(PatchOperationStatus.fromString("Done")).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> TraceRecord.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("vmId");
    assertThatThrownBy(() -> base().stage(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().timeZone("Mars/Olympus")).isInstanceOf(IllegalArgumentException.class);
  }

  static List<TraceRecord> randomRows(Random random, int count) {
    String[] zones = {"1", "2", "3"};
    String[] tz = {"UTC", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"};
    String alphabet = "abcXYZ09-_/,\"\r\n é";
    List<TraceRecord> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      StringBuilder id = new StringBuilder("vm");
      for (int k = random.nextInt(6); k > 0; k--) {
        id.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      long start = 1_700_000_000L + random.nextInt(100_000_000);
      int nano = random.nextBoolean() ? 0 : random.nextInt(1_000_000_000);
      Instant s = Instant.ofEpochSecond(start, random.nextBoolean() ? nano : nano / 1_000_000 * 1_000_000);
      TraceRecord.Builder b = TraceRecord.builder().vmId(id.toString()).subscriptionId("sub" + random.nextInt(3))
          .region(random.nextBoolean() ? "eastus" : "westeurope").timeZone(tz[random.nextInt(tz.length)])
          .operation(TraceRecord.Operation.values()[random.nextInt(3)])
          .startUtc(s).endUtc(s.plusSeconds(random.nextInt(7200)))
          .outcome(TraceRecord.OUTCOMES.get(random.nextInt(TraceRecord.OUTCOMES.size())));
      if (random.nextBoolean()) {
        b.zone(zones[random.nextInt(3)]);
      }
      if (random.nextBoolean()) {
        b.availabilitySet("/sets/as," + random.nextInt(4)).updateDomain(random.nextInt(5));
      }
      if (random.nextBoolean()) {
        b.stage(random.nextInt(10));
      }
      rows.add(b.build());
    }
    return rows;
  }
}
