package io.guestpatch.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestpatch.model.FleetReadResult;
import io.guestpatch.model.FleetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code guestpatch generate}: a seeded fleet as JSON Lines. */
class GenerateCommandTest {

  @Test
  @DisplayName("writes N readable records, the same file for the same seed")
  void writesAReproducibleFleet(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    CliRun r = CliRun.of("generate", "--vms", "50", "--seed", "9", "--out", a.toString());
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.out).contains("wrote 50 VMs");
    assertThat(CliRun.of("generate", "--vms", "50", "--seed", "9", "--out", b.toString()).code).isZero();
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b));
    FleetReadResult fleet = FleetReader.create().read(a);
    assertThat(fleet.errors()).isEmpty();
    assertThat(fleet.vms()).hasSize(50);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "10000001"})
  void rejectsAVmCountOutOfRange(String vms, @TempDir Path dir) {
    CliRun r = CliRun.of("generate", "--vms", vms, "--out", dir.resolve("f.jsonl").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("--vms").contains(vms);
    assertThat(dir.resolve("f.jsonl")).doesNotExist();
  }

  @Test
  void rejectsANonNumericVmCount(@TempDir Path dir) {
    CliRun r = CliRun.of("generate", "--vms", "many", "--out", dir.resolve("f.jsonl").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("--vms").contains("many");
  }

  @Test
  void rejectsAnOutputInAMissingDirectory(@TempDir Path dir) {
    Path out = dir.resolve("no/such/dir/f.jsonl");
    CliRun r = CliRun.of("generate", "--vms", "5", "--out", out.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("does not exist");
  }

  @Test
  void requiresVmsAndOut() {
    assertThat(CliRun.of("generate", "--vms", "5").code).isEqualTo(2);
    assertThat(CliRun.of("generate", "--out", "x.jsonl").code).isEqualTo(2);
  }
}
