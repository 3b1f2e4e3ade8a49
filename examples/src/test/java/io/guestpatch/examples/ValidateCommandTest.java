package io.guestpatch.examples;

import static io.guestpatch.examples.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code guestpatch validate}: P, E and T rules on VM files, as a JSON report and an exit code. */
class ValidateCommandTest {
  private static List<String> reasons(JsonNode vm) {
    List<String> out = new ArrayList<>();
    vm.get("violations").forEach(v -> out.add(v.get("reason").asText()));
    return out;
  }

  @Test
  @DisplayName("a valid, eligible VM: valid true, no violation, exit 0")
  void acceptsAValidEligibleVm() throws Exception {
    CliRun r = CliRun.of("validate", resource("vm-valid.json"));
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode report = r.json();
    assertThat(report).hasSize(1);
    assertThat(report.get(0).get("vm").asText()).endsWith("/virtualMachines/web-01");
    assertThat(report.get(0).get("valid").asBoolean()).isTrue();
    assertThat(report.get(0).get("violations")).isEmpty();
  }

  @Test
  @DisplayName("P3: Manual with enableAutomaticUpdates on is an error; exit 1 with every field of the violation")
  void reportsManualWithAutomaticUpdatesOn() throws Exception {
    CliRun r = CliRun.of("validate", resource("vm-manual-on.json"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    JsonNode vm = r.json().get(0);
    assertThat(vm.get("valid").asBoolean()).isFalse();
    assertThat(reasons(vm)).contains("P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF", "E1_NOT_AUTOMATIC_BY_PLATFORM")
        .doesNotContain("E1_SETTINGS_INVALID");
    JsonNode first = vm.get("violations").get(0);
    assertThat(first.get("code").asText()).isEqualTo("InvalidParameter");
    assertThat(first.get("target").asText()).isEqualTo("windowsConfiguration.patchSettings.patchMode");
    assertThat(first.get("severity").asText()).isEqualTo("error");
    assertThat(first.get("message").asText()).isNotBlank();
  }

  @Test
  @DisplayName("E1: a valid Manual VM is not eligible, so validate answers no")
  void reportsIneligibility() throws Exception {
    CliRun r = CliRun.of("validate", resource("vm-valid-previous-manual.json"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(reasons(r.json().get(0))).containsExactly("E1_NOT_AUTOMATIC_BY_PLATFORM");
  }

  @Test
  @DisplayName("T1: --previous matches VMs by id and reports a changed enableAutomaticUpdates")
  void checksTransitionsAgainstThePreviousVm() throws Exception {
    CliRun r = CliRun.of("validate", resource("vm-valid.json"),
        "--previous", resource("vm-valid-previous-manual.json"), "--rules", "current");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(reasons(r.json().get(0))).containsExactly("T1_AUTOMATIC_UPDATES_CHANGED");
  }

  @Test
  @DisplayName("E1 left out with --no-eligibility: a valid Manual VM passes template linting, exit 0")
  void noEligibilityChecksOnlyThePatchSettingRules() throws Exception {
    CliRun r = CliRun.of("validate", "--no-eligibility", resource("vm-valid-previous-manual.json"));
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode vm = r.json().get(0);
    assertThat(vm.get("valid").asBoolean()).isTrue();
    assertThat(vm.get("violations")).isEmpty();
  }

  @Test
  @DisplayName("P3 still fails with --no-eligibility, and no E-rule reason is listed")
  void noEligibilityStillReportsPatchSettingErrors() throws Exception {
    CliRun r = CliRun.of("validate", "--no-eligibility", resource("vm-manual-on.json"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    List<String> reasons = reasons(r.json().get(0));
    assertThat(reasons).contains("P3_MANUAL_REQUIRES_AUTOMATIC_UPDATES_OFF");
    assertThat(reasons).noneMatch(reason -> reason.startsWith("E"));
  }

  @Test
  @DisplayName("T1 still applies with --no-eligibility and --previous")
  void noEligibilityKeepsTransitionRules() throws Exception {
    CliRun r = CliRun.of("validate", "--no-eligibility", resource("vm-valid.json"),
        "--previous", resource("vm-valid-previous-manual.json"), "--rules", "current");
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    assertThat(reasons(r.json().get(0))).containsExactly("T1_AUTOMATIC_UPDATES_CHANGED");
  }

  @Test
  void validatesEveryVmOfSeveralFiles() throws Exception {
    CliRun r = CliRun.of("validate", resource("fleet-small.jsonl"), resource("vm-valid.json"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    JsonNode report = r.json();
    assertThat(report).hasSize(18);
    int valid = 0;
    for (JsonNode vm : report) {
      valid += vm.get("valid").asBoolean() ? 1 : 0;
    }
    assertThat(valid).isEqualTo(17);
  }

  @Test
  @DisplayName("P8/E2: --images current knows images the seed catalogue does not")
  void imageCatalogueIsSelectable() throws Exception {
    CliRun seed = CliRun.of("validate", "--skip-invalid", resource("arm-list.json"));
    CliRun current = CliRun.of("validate", "--images", "current", resource("arm-list.json"));
    assertThat(reasons(seed.json().get(1))).contains("P8_IMAGE_NOT_SUPPORTED");
    assertThat(reasons(current.json().get(1))).doesNotContain("P8_IMAGE_NOT_SUPPORTED");
  }

  // ---- bad input: exit 2, one line naming it

  @Test
  void rejectsAMissingFile() {
    CliRun r = CliRun.of("validate", "no-such-vm.json");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("no-such-vm.json").contains("does not exist");
    assertThat(r.out).isEmpty();
  }

  @Test
  void rejectsMalformedJsonNamingTheFile() {
    CliRun r = CliRun.of("validate", resource("malformed.json"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("malformed.json").contains("malformed JSON").doesNotContain("\tat ");
    assertThat(r.out).isEmpty();
  }

  @Test
  void rejectsAnUnknownRuleSet() {
    CliRun r = CliRun.of("validate", "--rules", "newest", resource("vm-valid.json"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("--rules").contains("newest");
  }

  @Test
  void rejectsAMissingFileArgument() {
    CliRun r = CliRun.of("validate");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("FILE");
  }

  @Test
  @DisplayName("a fleet with a bad record is refused, every bad record listed on stderr")
  void refusesAFleetWithABadRecord() {
    CliRun r = CliRun.of("validate", resource("fleet-bad-record.jsonl"));
    assertThat(r.code).as(r.toString()).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("fleet-bad-record.jsonl line 4").contains("region").contains("--skip-invalid");
  }

  @Test
  @DisplayName("--skip-invalid goes on with the good records and still lists the bad one")
  void skipsBadRecordsWhenAsked() throws Exception {
    CliRun r = CliRun.of("validate", "--skip-invalid", resource("fleet-bad-record.jsonl"));
    assertThat(r.code).as(r.toString()).isZero();
    assertThat(r.json()).hasSize(6);
    assertThat(r.err).contains("fleet-bad-record.jsonl line 4").contains("skipping 1 bad record");
  }
}
