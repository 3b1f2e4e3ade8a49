package io.guestpatch.policy;

import io.guestpatch.model.WindowsVMGuestPatchMode;

/**
 * Which Windows patch-mode switches an existing VM may make (rule T2). The caller chooses one with
 * {@link PatchSettingsPolicy.Builder#transitionRules}; {@link #SEED} is the default.
 *
 * <p>Both rule sets allow staying in the same mode and every Linux switch ({@code ImageDefault} to
 * {@code AutomaticByPlatform} and back): neither rule names a Linux restriction. Transitions from or to
 * a mode string that is not one of Azure's (P1) are not judged here. Enum constants are immutable and
 * thread-safe.
 */
public enum TransitionRuleSet {
  /**
   * The seed's rule: switching {@code Manual} to an automatic mode, or an automatic mode to
   * {@code Manual}, is not supported; {@code AutomaticByOS} to {@code AutomaticByPlatform} is
   * supported. The seed does not restrict {@code AutomaticByPlatform} to {@code AutomaticByOS}, so
   * that switch is allowed too.
   */
  SEED {
    @Override
    boolean allows(WindowsVMGuestPatchMode from, WindowsVMGuestPatchMode to, boolean automaticUpdates) {
      boolean fromManual = from.equals(WindowsVMGuestPatchMode.MANUAL);
      boolean toManual = to.equals(WindowsVMGuestPatchMode.MANUAL);
      return from.equals(to) || (!fromManual && !toManual);
    }
  },

  /**
   * The later public rule: {@code AutomaticByPlatform} and {@code Manual} switch either way while
   * {@code enableAutomaticUpdates} is false; {@code AutomaticByPlatform} and {@code AutomaticByOS}
   * switch either way while it is true; {@code AutomaticByOS} and {@code Manual} never switch. The
   * value judged is the existing VM's (it cannot change, T1).
   */
  CURRENT_PUBLIC {
    @Override
    boolean allows(WindowsVMGuestPatchMode from, WindowsVMGuestPatchMode to, boolean automaticUpdates) {
      if (from.equals(to)) {
        return true;
      }
      boolean platform =
          from.equals(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM)
              || to.equals(WindowsVMGuestPatchMode.AUTOMATIC_BY_PLATFORM);
      boolean manual =
          from.equals(WindowsVMGuestPatchMode.MANUAL) || to.equals(WindowsVMGuestPatchMode.MANUAL);
      if (platform && manual) {
        return !automaticUpdates;
      }
      if (platform) {
        return automaticUpdates; // the other side is AutomaticByOS
      }
      return false; // AutomaticByOS <-> Manual
    }
  };

  /**
   * Whether a VM may switch between two known Windows modes.
   *
   * @param automaticUpdates the existing VM's effective {@code enableAutomaticUpdates}
   */
  abstract boolean allows(
      WindowsVMGuestPatchMode from, WindowsVMGuestPatchMode to, boolean automaticUpdates);
}
