package io.guestpatch.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC B8: the file journal survives a kill in the middle of a write and rejects a corrupt middle. */
class FileRolloutStoreRecoveryTest {

  private static Path journal(Path dir, String... records) throws IOException {
    Path file = dir.resolve("rollout.journal");
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      for (String r : records) {
        s.append(r);
      }
    }
    return file;
  }

  @Test
  void emptyOrMissingJournalReplaysNothing(@TempDir Path dir) throws IOException {
    try (FileRolloutStore s = FileRolloutStore.open(dir.resolve("new.journal"))) {
      assertThat(s.replay()).isEmpty();
    }
  }

  @Test
  void appendedRecordsReplayInOrderAfterReopen(@TempDir Path dir) throws IOException {
    Path file = journal(dir, "OK vm-1", "TRY vm-2 1", "PAUSE");
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      assertThat(s.replay()).containsExactly("OK vm-1", "TRY vm-2 1", "PAUSE");
    }
  }

  @Test
  @DisplayName("B8: a last record cut in the middle is dropped, and the next append starts on a clean line")
  void tornLastRecordIsDroppedAndNextAppendWorks(@TempDir Path dir) throws IOException {
    Path file = journal(dir, "OK vm-1", "OK vm-2", "OK vm-3");
    byte[] all = Files.readAllBytes(file);
    // Cut 4 bytes into the last record's body (no newline at the end any more).
    int lastStart = lastLineStart(all);
    Files.write(file, Arrays.copyOf(all, lastStart + 4));
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      assertThat(s.replay()).containsExactly("OK vm-1", "OK vm-2");
      s.append("OK vm-4");
      assertThat(s.replay()).containsExactly("OK vm-1", "OK vm-2", "OK vm-4");
    }
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      assertThat(s.replay()).containsExactly("OK vm-1", "OK vm-2", "OK vm-4");
    }
  }

  @Test
  void lastRecordCutJustBeforeItsNewlineIsDropped(@TempDir Path dir) throws IOException {
    Path file = journal(dir, "OK vm-1", "OK vm-2");
    byte[] all = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(all, all.length - 1));
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      assertThat(s.replay()).containsExactly("OK vm-1");
      s.append("OK vm-3");
    }
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      assertThat(s.replay()).containsExactly("OK vm-1", "OK vm-3");
    }
  }

  @Test
  void completeLastRecordWithBadChecksumIsDroppedAsTorn(@TempDir Path dir) throws IOException {
    Path file = journal(dir, "OK vm-1", "OK vm-2");
    byte[] all = Files.readAllBytes(file);
    all[all.length - 2] = (byte) 'X'; // "OK vm-X": checksum no longer matches
    Files.write(file, all);
    try (FileRolloutStore s = FileRolloutStore.open(file)) {
      assertThat(s.replay()).containsExactly("OK vm-1");
    }
  }

  @Test
  @DisplayName("B8: a corrupt record before the end is an IOException naming its line")
  void corruptMiddleRecordIsAnErrorNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = journal(dir, "OK vm-1", "OK vm-2", "OK vm-3", "OK vm-4");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replace("vm-2", "vm-9"));
    Files.write(file, lines, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileRolloutStore.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("corrupt journal record");
    // The file is left untouched for the operator.
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).isEqualTo(lines);
  }

  @Test
  void recordWithLineBreakIsRejected(@TempDir Path dir) throws IOException {
    try (FileRolloutStore s = FileRolloutStore.open(dir.resolve("j"))) {
      assertThatThrownBy(() -> s.append("OK a\nOK b")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("one line");
      assertThat(s.replay()).isEmpty();
    }
  }

  private static int lastLineStart(byte[] all) {
    int i = all.length - 2;
    while (i >= 0 && all[i] != '\n') {
      i--;
    }
    return i + 1;
  }
}
