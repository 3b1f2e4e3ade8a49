package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad traces: every bad row is reported with its line, column and what is wrong (SPEC 4.5). */
class TraceReaderErrorsTest {
  private static final String GOOD = "a,s1,eastus,,,,UTC,,install,2026-12-09T03:00:00Z,2026-12-09T04:00:00Z,Succeeded";

  @TempDir Path dir;

  @Test
  void reportsEveryBadRowWithLineAndColumnAndKeepsTheGoodOnes() throws IOException {
    String text = String.join("\r\n",
        TraceWriter.HEADER,
        GOOD,                                                                                        // line 2
        "b,s1,eastus,,,,UTC,,install,2026-12-09T03:00:00Z",                                         // 3: too few fields
        "c,s1,eastus,,,,UTC,,patch,2026-12-09T03:00:00Z,2026-12-09T04:00:00Z,Succeeded",           // 4: operation
        "d,s1,eastus,,,x,UTC,-1,install,2026-13-09T03:00:00Z,2026-12-09T04:00:00Z,Done",           // 5: four problems
        "e,s1,eastus,,,,Nowhere/City,,install,2026-12-09T05:00:00Z,2026-12-09T04:00:00Z,Failed",   // 6: zone, end<start
        ",s1,eastus,,,,UTC,,install,2026-12-09T03:00:00Z,2026-12-09T04:00:00Z,Failed",             // 7: empty vmId
        "\"f\"x,s1,eastus,,,,UTC,,install,2026-12-09T03:00:00Z,2026-12-09T04:00:00Z,Failed",       // 8: after quote
        GOOD.replace("a,", "g,"),                                                                    // 9
        "\"h,s1,eastus");                                                                           // 10: unclosed
    List<TraceRecord> good = new ArrayList<>();
    TraceFormatException e = catchThrowableOfType(TraceFormatException.class,
        () -> TraceReader.forEach(new StringReader(text), "trace.csv", good::add));
    assertThat(good).extracting(TraceRecord::vmId).containsExactly("a", "g");
    assertThat(e.errors()).extracting(p -> p.line() + ":" + p.column() + ":" + p.columnName().orElse(""))
        .containsExactly(
            "3:0:", "4:9:operation", "5:6:updateDomain", "5:8:stage", "5:10:startUtc", "5:12:outcome",
            "6:7:timeZone", "6:11:endUtc", "7:1:vmId", "8:1:vmId", "10:1:vmId");
    assertThat(e.errorCount()).isEqualTo(11);
    assertThat(e.getMessage())
        .startsWith("11 problems in the trace")
        .contains("trace.csv line 3: expected 12 fields")
        .contains("trace.csv line 5, column 10 (startUtc): '2026-13-09T03:00:00Z' is not a UTC ISO-8601 instant")
        .contains("line 6, column 11 (endUtc): endUtc 2026-12-09T04:00:00Z is before startUtc")
        .contains("line 10, column 1 (vmId): a quoted field is not closed");
  }

  @Test
  void countsLinesInsideQuotedFields() throws IOException {
    String text = TraceWriter.HEADER + "\r\n\"a\r\nb\nc\",s1,eastus,,,,UTC,,install,x,x,Succeeded\r\n" + GOOD + ",extra\r\n";
    TraceFormatException e = catchThrowableOfType(TraceFormatException.class,
        () -> TraceReader.read(new StringReader(text), "t"));
    assertThat(e.errors()).extracting(TraceFormatException.Problem::line).containsExactly(2L, 2L, 5L);
  }

  @Test
  void rejectsAWrongHeaderAtOnce() {
    String text = "vmId,region\r\n" + GOOD + "\r\n";
    assertThatThrownBy(() -> TraceReader.read(new StringReader(text), "t.csv"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining("t.csv line 1: the header must be exactly " + TraceWriter.HEADER);
  }

  @Test
  void rejectsAnEmptyFileNamingIt() throws IOException {
    Path file = Files.writeString(dir.resolve("empty.csv"), "");
    assertThatThrownBy(() -> TraceReader.read(file))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("empty");
  }

  @Test
  void readsAHeaderOnlyTraceAsEmpty() throws IOException {
    assertThat(TraceReader.read(new StringReader(TraceWriter.HEADER + "\r\n"), "t")).isEmpty();
  }
}
