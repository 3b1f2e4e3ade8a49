package io.guestpatch.policy;

import io.guestpatch.model.AvailablePatchSummary;
import io.guestpatch.model.AzureDateTime;
import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.VirtualMachineAssessPatchesResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A whole assessment classified (C1-C4): every patch with its classification, and the summary counts as
 * Azure reports them (C3). Build Azure's instance-view summary with {@link #toAvailablePatchSummary()}.
 *
 * <p>Made by {@link PatchClassifier#classify(VirtualMachineAssessPatchesResult, OperatingSystemTypes)};
 * immutable and thread-safe.
 */
@Value.Immutable
public abstract class AssessmentClassification {
  AssessmentClassification() {}

  /** The assessment as Azure returned it. */
  public abstract VirtualMachineAssessPatchesResult result();

  /** The operating system whose labels were applied. */
  public abstract OperatingSystemTypes os();

  /** Every patch of {@link #result()}, classified, in the same order. */
  public abstract List<ClassifiedPatch> patches();

  /** How many patches are Critical or Security (C3). */
  public abstract int criticalAndSecurityPatchCount();

  /** How many patches are anything else, definition updates and unknown labels included (C3). */
  public abstract int otherPatchCount();

  /** Whether a reboot is pending, as the assessment reported it; empty when it did not say. */
  public final Optional<Boolean> rebootPending() {
    return result().rebootPending();
  }

  /** The patches that automatic patching would install (C1), in order. */
  public final List<ClassifiedPatch> autoPatchInstalls() {
    List<ClassifiedPatch> out = new ArrayList<>();
    for (ClassifiedPatch p : patches()) {
      if (p.installedByAutoPatching()) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Whether the counts the assessment itself reported, when it reported them, equal the counts computed
   * here. A difference means the service's classification and ours disagree, or the patch list is
   * incomplete.
   */
  public final boolean reportedCountsMatch() {
    return (result().criticalAndSecurityPatchCount().isEmpty()
            || result().criticalAndSecurityPatchCount().getAsInt() == criticalAndSecurityPatchCount())
        && (result().otherPatchCount().isEmpty()
            || result().otherPatchCount().getAsInt() == otherPatchCount());
  }

  /**
   * Azure's {@code AvailablePatchSummary} for this assessment, without a {@code lastModifiedTime}: the
   * status, activity id, rebootPending, start time and error come from {@link #result()} (an explicit
   * {@code "error": null} stays explicit), the counts from this classification.
   */
  public final AvailablePatchSummary toAvailablePatchSummary() {
    return summary(Optional.empty());
  }

  /**
   * As {@link #toAvailablePatchSummary()}, with {@code lastModifiedTime} set to the given time (the
   * policy reads no clock).
   */
  public final AvailablePatchSummary toAvailablePatchSummary(AzureDateTime lastModifiedTime) {
    return summary(Optional.of(Objects.requireNonNull(lastModifiedTime, "lastModifiedTime")));
  }

  private AvailablePatchSummary summary(Optional<AzureDateTime> lastModified) {
    VirtualMachineAssessPatchesResult r = result();
    AvailablePatchSummary s =
        AvailablePatchSummary.builder()
            .status(r.status())
            .assessmentActivityId(r.assessmentActivityId())
            .rebootPending(r.rebootPending())
            .criticalAndSecurityPatchCount(criticalAndSecurityPatchCount())
            .otherPatchCount(otherPatchCount())
            .startTime(r.startDateTime())
            .lastModifiedTime(lastModified)
            .error(r.error())
            .build();
    return r.errorExplicitlyNull() ? s.withErrorExplicitlyNull() : s;
  }
}
