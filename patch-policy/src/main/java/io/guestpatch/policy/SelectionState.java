package io.guestpatch.policy;

import io.guestpatch.model.PatchInstallationState;

/**
 * Where one patch ends after install selection (S5), with its Azure {@link PatchInstallationState}.
 * Immutable and thread-safe.
 */
public enum SelectionState {
  /** Selected for installation: Azure's {@code Pending}. */
  PENDING(PatchInstallationState.PENDING),
  /** Matched an exclusion, which wins over any inclusion: Azure's {@code Excluded}. */
  EXCLUDED(PatchInstallationState.EXCLUDED),
  /** Neither excluded nor selected: Azure's {@code NotSelected}. */
  NOT_SELECTED(PatchInstallationState.NOT_SELECTED);

  private final PatchInstallationState installationState;

  SelectionState(PatchInstallationState installationState) {
    this.installationState = installationState;
  }

  /** The Azure installation state, {@code Pending}, {@code Excluded} or {@code NotSelected}. */
  public PatchInstallationState installationState() {
    return installationState;
  }
}
