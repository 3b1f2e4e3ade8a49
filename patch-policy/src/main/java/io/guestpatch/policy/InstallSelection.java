package io.guestpatch.policy;

import io.guestpatch.model.OperatingSystemTypes;
import java.util.ArrayList;
import java.util.List;
import org.immutables.value.Value;

/**
 * The outcome of selecting patches for an on-demand install (S2-S5): one {@link PatchSelection} per
 * patch, in input order, and the counts as Azure's {@code VirtualMachineInstallPatchesResult} reports
 * them. The three counts always add up to the number of patches.
 *
 * <p>Made by {@link InstallSelector#select}; immutable and thread-safe.
 */
@Value.Immutable
public abstract class InstallSelection {
  InstallSelection() {}

  /** The operating system the request was read for. */
  public abstract OperatingSystemTypes os();

  /** Every patch's decision, in input order. */
  public abstract List<PatchSelection> selections();

  /** Warnings the request carried (errors make {@link InstallSelector#select} throw instead). */
  public abstract ValidationReport warnings();

  /** Azure's {@code pendingPatchCount}: patches selected. */
  public abstract int pendingPatchCount();

  /** Azure's {@code excludedPatchCount}: patches that matched an exclusion. */
  public abstract int excludedPatchCount();

  /** Azure's {@code notSelectedPatchCount}: patches neither selected nor excluded. */
  public abstract int notSelectedPatchCount();

  /** The selected patches, in input order. */
  public final List<PatchSelection> pending() {
    return inState(SelectionState.PENDING);
  }

  /** The decisions in one state, in input order. */
  public final List<PatchSelection> inState(SelectionState state) {
    List<PatchSelection> out = new ArrayList<>();
    for (PatchSelection s : selections()) {
      if (s.state() == state) {
        out.add(s);
      }
    }
    return out;
  }
}
