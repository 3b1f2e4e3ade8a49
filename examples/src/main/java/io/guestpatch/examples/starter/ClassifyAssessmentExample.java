package io.guestpatch.examples.starter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchJson;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import io.guestpatch.policy.AssessmentClassification;
import io.guestpatch.policy.ClassifiedPatch;
import io.guestpatch.policy.PatchClassifier;
import java.io.IOException;

/**
 * Starter: classify an assessment result (what {@code az vm assess-patches} returns) and see what
 * automatic patching would install (only Critical and Security, C1) and why.
 *
 * <p>Run with {@code java -cp examples/target/guestpatch.jar
 * io.guestpatch.examples.starter.ClassifyAssessmentExample}.
 */
public final class ClassifyAssessmentExample {
  private ClassifyAssessmentExample() {}

  private static final String ASSESSMENT = "{\"status\": \"Succeeded\", \"availablePatches\": ["
      + "{\"patchId\": \"p1\", \"name\": \"Cumulative Update (KB5037782)\", \"kbId\": \"5037782\","
      + " \"classifications\": [\"Security Updates\"]},"
      + "{\"patchId\": \"p2\", \"name\": \"Defender definitions (KB2267602)\", \"kbId\": \"2267602\","
      + " \"classifications\": [\"Definition Updates\"]}]}";

  /** Reads the assessment, classifies it for Windows and prints each patch with the decision. */
  public static void main(String[] args) throws IOException {
    ObjectMapper mapper = PatchJson.newObjectMapper();
    VirtualMachineAssessPatchesResult result = mapper.readValue(ASSESSMENT, VirtualMachineAssessPatchesResult.class);
    AssessmentClassification classification =
        PatchClassifier.ofDefaults().classify(result, OperatingSystemTypes.WINDOWS);
    for (ClassifiedPatch p : classification.patches()) {
      System.out.printf("%-40s %-10s %s%n", p.displayName(), p.classification().azureName(), p.autoPatchSource());
    }
    System.out.printf("criticalAndSecurityPatchCount=%d otherPatchCount=%d%n",
        classification.criticalAndSecurityPatchCount(), classification.otherPatchCount());
  }
}
