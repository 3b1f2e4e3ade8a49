package io.guestpatch.policy;

import io.guestpatch.model.PatchInstallationDetail;
import io.guestpatch.model.PatchInstallationState;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The install-selection decision for one patch (S2-S5): its state, the reason code and rule that
 * decided it, the request entry that matched, and a sentence that says why.
 *
 * <p>Made by {@link InstallSelector#select}; immutable and thread-safe.
 */
@Value.Immutable
public abstract class PatchSelection {
  PatchSelection() {}

  /** The patch with its classification. */
  public abstract ClassifiedPatch patch();

  /** Pending, Excluded or NotSelected. */
  public abstract SelectionState state();

  /** The reason code, one of the {@code SELECTED_*}, {@code EXCLUDED_*} or {@code NOT_SELECTED_*} codes of {@link InstallSelector}. */
  public abstract String reason();

  /** The SPEC rule that decided ({@code S2}, {@code S3} or {@code S4}). */
  public abstract String ruleId();

  /** The request entry that decided (a KB number, a mask, a classification), when one did. */
  public abstract Optional<String> matchedEntry();

  /** Why, in words. */
  public abstract String detail();

  /** Azure's installation state for {@link #state()}. */
  public final PatchInstallationState installationState() {
    return state().installationState();
  }

  /** The patch as a line of Azure's {@code VirtualMachineInstallPatchesResult.patches}. */
  public final PatchInstallationDetail toPatchInstallationDetail() {
    return PatchInstallationDetail.builder()
        .patchId(patch().patch().patchId())
        .name(patch().patch().name())
        .version(patch().patch().version())
        .kbId(patch().patch().kbId())
        .classifications(patch().patch().classifications())
        .installationState(installationState())
        .build();
  }
}
