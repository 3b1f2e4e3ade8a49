package io.guestpatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestpatch.model.AvailablePatchSummary;
import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchJson;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rule C3: an assessment's summary counts, as Azure reports them. */
class ClassificationAssessmentTest {
  private static final ObjectMapper MAPPER = PatchJson.newObjectMapper();

  /** The shape of Azure's AssessPatches example, with a security patch added so the counts are 1 / 2. */
  private static final String ASSESSMENT = """
      {
        "status": "Succeeded",
        "assessmentActivityId": "3f1d1a2b-0000-4000-8000-000000000001",
        "rebootPending": true,
        "criticalAndSecurityPatchCount": 1,
        "otherPatchCount": 2,
        "startDateTime": "2020-04-24T21:02:04.2556154Z",
        "availablePatches": [
          {
            "patchId": "a-1", "name": "Security update for the test OS (KB5000001)", "version": "",
            "kbId": "5000001", "classifications": ["Security Updates"], "rebootBehavior": "CanRequestReboot",
            "publishedDate": "2020-04-14T00:00:00Z", "assessmentState": "Available"
          },
          {
            "patchId": "a-2", "name": "Definition update for an antivirus engine (KB2267602)", "version": "",
            "kbId": "2267602", "classifications": ["Definition Updates"], "rebootBehavior": "NeverReboots",
            "publishedDate": "2018-11-07T00:00:00Z", "assessmentState": "Available"
          },
          {
            "patchId": "a-3", "name": "Malicious software removal tool (KB890830)", "version": "",
            "kbId": "890830", "classifications": ["Update Rollups"], "rebootBehavior": "CanRequestReboot",
            "publishedDate": "2018-10-09T00:00:00+00:00", "assessmentState": "Available"
          }
        ],
        "error": null
      }
      """;

  private static VirtualMachineAssessPatchesResult read(String json) throws Exception {
    return MAPPER.readValue(json, VirtualMachineAssessPatchesResult.class);
  }

  @Test
  @DisplayName("C3: an empty assessment counts zero and zero")
  void emptyAssessmentCountsZero() {
    AssessmentClassification a = PatchClassifier.ofDefaults().classify(
        VirtualMachineAssessPatchesResult.builder().build(), OperatingSystemTypes.LINUX);
    assertThat(a.criticalAndSecurityPatchCount()).isZero();
    assertThat(a.otherPatchCount()).isZero();
    assertThat(a.rebootPending()).isEmpty();
    assertThat(a.reportedCountsMatch()).isTrue();
  }

  @Test
  @DisplayName("C3: the reference-shaped assessment counts 1 critical/security, 2 other, reboot pending")
  void countsReferenceExample() throws Exception {
    AssessmentClassification a =
        PatchClassifier.ofDefaults().classify(read(ASSESSMENT), OperatingSystemTypes.WINDOWS);
    assertThat(a.criticalAndSecurityPatchCount()).isEqualTo(1);
    assertThat(a.otherPatchCount()).isEqualTo(2);
    assertThat(a.rebootPending()).contains(true);
    assertThat(a.reportedCountsMatch()).isTrue();
    assertThat(a.patches()).extracting(ClassifiedPatch::classification).containsExactly(
        PatchClassification.SECURITY, PatchClassification.DEFINITION, PatchClassification.UPDATE_ROLLUP);
    assertThat(a.autoPatchInstalls()).extracting(p -> p.patch().kbId().orElseThrow()).containsExactly("5000001");
  }

  @Test
  @DisplayName("C3: the summary is Azure's AvailablePatchSummary, with status and times from the result")
  void buildsAvailablePatchSummary() throws Exception {
    AssessmentClassification a =
        PatchClassifier.ofDefaults().classify(read(ASSESSMENT), OperatingSystemTypes.WINDOWS);
    AzureDateTime modified = AzureDateTime.parse("2020-04-24T21:18:45.2830263Z");
    AvailablePatchSummary s = a.toAvailablePatchSummary(modified);
    assertThat(s.status()).contains(PatchOperationStatus.SUCCEEDED);
    assertThat(s.assessmentActivityId()).contains("3f1d1a2b-0000-4000-8000-000000000001");
    assertThat(s.rebootPending()).contains(true);
    assertThat(s.criticalAndSecurityPatchCount()).hasValue(1);
    assertThat(s.otherPatchCount()).hasValue(2);
    assertThat(s.startTime()).contains(AzureDateTime.parse("2020-04-24T21:02:04.2556154Z"));
    assertThat(s.lastModifiedTime()).contains(modified);

    JsonNode json = MAPPER.valueToTree(s);
    assertThat(json.has("error")).as("explicit error null is kept").isTrue();
    assertThat(json.get("error").isNull()).isTrue();
    assertThat(json.get("startTime").asText()).isEqualTo("2020-04-24T21:02:04.2556154Z");

    assertThat(a.toAvailablePatchSummary().lastModifiedTime()).isEmpty();
  }

  @Test
  @DisplayName("C3: counts reported by the service that disagree with the patches are detected")
  void detectsReportedCountMismatch() throws Exception {
    // Azure's own example lists two non-security patches but reports 1 / 2.
    String azureExample = ASSESSMENT.replaceFirst("\"Security Updates\"", "\"Updates\"");
    AssessmentClassification a =
        PatchClassifier.ofDefaults().classify(read(azureExample), OperatingSystemTypes.WINDOWS);
    assertThat(a.criticalAndSecurityPatchCount()).isZero();
    assertThat(a.otherPatchCount()).isEqualTo(3);
    assertThat(a.reportedCountsMatch()).isFalse();
    assertThat(a.toAvailablePatchSummary().criticalAndSecurityPatchCount()).hasValue(0);
  }

  @Test
  @DisplayName("C1, C3: unknown labels and Linux Unclassified count as other")
  void unknownAndUnclassifiedCountAsOther() {
    VirtualMachineAssessPatchesResult r = VirtualMachineAssessPatchesResult.builder()
        .rebootPending(false)
        .addAvailablePatches(
            io.guestpatch.model.VirtualMachineSoftwarePatchProperties.builder().name("openssl")
                .addClassifications("Security").build(),
            io.guestpatch.model.VirtualMachineSoftwarePatchProperties.builder().name("bash")
                .addClassifications("Unclassified").build(),
            io.guestpatch.model.VirtualMachineSoftwarePatchProperties.builder().name("vim")
                .addClassifications("Bugfix").build(),
            io.guestpatch.model.VirtualMachineSoftwarePatchProperties.builder().name("kernel")
                .addClassifications("Critical").build())
        .build();
    AssessmentClassification a = PatchClassifier.ofDefaults().classify(r, OperatingSystemTypes.LINUX);
    assertThat(a.criticalAndSecurityPatchCount()).isEqualTo(2);
    assertThat(a.otherPatchCount()).isEqualTo(2);
    assertThat(a.rebootPending()).contains(false);
    AvailablePatchSummary s = a.toAvailablePatchSummary();
    assertThat(s.error()).isEmpty();
    assertThat(MAPPER.valueToTree(s).has("error")).isFalse();
  }
}
