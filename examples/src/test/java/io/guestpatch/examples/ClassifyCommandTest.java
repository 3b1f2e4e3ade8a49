package io.guestpatch.examples;

import static io.guestpatch.examples.CliRun.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code guestpatch classify}: C rules on an assessment, S rules with install parameters. */
class ClassifyCommandTest {
  @Test
  @DisplayName("C1/C3: only Critical and Security are installed automatically; counts as Azure's")
  void classifiesAWindowsAssessment() throws Exception {
    CliRun r = CliRun.of("classify", resource("assess-windows.json"));
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode doc = r.json();
    assertThat(doc.get("os").asText()).isEqualTo("Windows");
    assertThat(r.err).contains("guessed");
    JsonNode patches = doc.get("patches");
    assertThat(patches).hasSize(3);
    assertThat(patches.get(0).get("patchId").asText()).isEqualTo("c1a2b3d4-0e1f-4a5b-9c6d-7e8f90a1b2c3");
    assertThat(patches.get(0).get("classification").asText()).isEqualTo("Security");
    assertThat(patches.get(0).get("autoPatch").asText()).isEqualTo("install");
    assertThat(patches.get(1).get("autoPatch").asText()).isEqualTo("skip");
    assertThat(patches.get(2).get("autoPatch").asText()).isEqualTo("skip");
    assertThat(patches.get(1).get("reason").asText()).contains("C1");
    assertThat(patches.get(0).has("selection")).isFalse();
    JsonNode summary = doc.get("summary");
    assertThat(summary.get("criticalAndSecurityPatchCount").asInt()).isEqualTo(1);
    assertThat(summary.get("otherPatchCount").asInt()).isEqualTo(2);
    assertThat(summary.has("pendingPatchCount")).isFalse();
  }

  @Test
  @DisplayName("S2-S3: with --install-params each patch gets Pending, Excluded or NotSelected and the counts")
  void selectsWithInstallParameters() throws Exception {
    CliRun r = CliRun.of("classify", resource("assess-windows.json"), "--install-params", resource("install-windows.json"));
    assertThat(r.code).as(r.toString()).isZero();
    JsonNode doc = r.json();
    JsonNode patches = doc.get("patches");
    assertThat(patches.get(0).get("selection").asText()).isEqualTo("Excluded");
    assertThat(patches.get(1).get("selection").asText()).isEqualTo("NotSelected");
    assertThat(patches.get(2).get("selection").asText()).isEqualTo("Excluded");
    assertThat(patches.get(2).get("selectionReason").asText()).isEqualTo("EXCLUDED_BY_KB_NUMBER");
    JsonNode summary = doc.get("summary");
    assertThat(summary.get("pendingPatchCount").asInt()).isZero();
    assertThat(summary.get("excludedPatchCount").asInt()).isEqualTo(2);
    assertThat(summary.get("notSelectedPatchCount").asInt()).isEqualTo(1);
  }

  @Test
  @DisplayName("S1: invalid install parameters print the violations and exit 1")
  void reportsInvalidInstallParameters() throws Exception {
    CliRun r = CliRun.of("classify", resource("assess-windows.json"), "--install-params",
        resource("install-windows-invalid.json"));
    assertThat(r.code).as(r.toString()).isEqualTo(1);
    JsonNode doc = r.json();
    assertThat(doc.get("valid").asBoolean()).isFalse();
    assertThat(doc.get("violations").findValuesAsText("reason"))
        .contains("INSTALL_REBOOT_SETTING_REQUIRED", "INSTALL_KB_NUMBER_INVALID");
  }

  @Test
  void guessesLinuxWithoutKbIdsAndHonoursOs() throws Exception {
    CliRun guessed = CliRun.of("classify", resource("assess-linux.json"));
    assertThat(guessed.code).as(guessed.toString()).isZero();
    assertThat(guessed.json().get("os").asText()).isEqualTo("Linux");
    CliRun chosen = CliRun.of("classify", resource("assess-linux.json"), "--os", "windows");
    assertThat(chosen.code).as(chosen.toString()).isZero();
    assertThat(chosen.json().get("os").asText()).isEqualTo("Windows");
    assertThat(chosen.err).doesNotContain("guessed");
  }

  // ---- bad input

  @Test
  void rejectsAMissingAssessment() {
    CliRun r = CliRun.of("classify", "nope.json");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("nope.json");
  }

  @Test
  void rejectsMalformedJsonNamingFileAndPlace() {
    CliRun r = CliRun.of("classify", resource("assess-malformed.json"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("assess-malformed.json").contains("line 1");
    assertThat(r.out).isEmpty();
  }

  @Test
  void rejectsAMissingInstallParametersFile() {
    CliRun r = CliRun.of("classify", resource("assess-windows.json"), "--install-params", "nope-params.json");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err).contains("nope-params.json");
  }

  @Test
  void rejectsAnUnknownOs() {
    CliRun r = CliRun.of("classify", resource("assess-windows.json"), "--os", "Solaris");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.errLines()).as(r.toString()).isEqualTo(1);
    assertThat(r.err).contains("--os").contains("Solaris");
  }
}
