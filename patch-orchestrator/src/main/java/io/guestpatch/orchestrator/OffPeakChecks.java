package io.guestpatch.orchestrator;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.DailyWindow;
import io.guestpatch.policy.OffPeakPolicy;
import io.guestpatch.policy.TimeWindow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SafetyAuditor.OffPeakCheck} of a policy (I6): an operation is inside the VM's off-peak
 * window when one window (W2, with the VM's own window tag) contains its start and its end is at or
 * before that window's end. The time zone is the trace row's.
 */
public final class OffPeakChecks {
  private OffPeakChecks() {}

  /** The check for a fleet under a policy. */
  public static SafetyAuditor.OffPeakCheck of(RolloutPolicy policy, List<VirtualMachine> fleet) {
    OffPeakPolicy offPeak = policy.offPeak();
    Map<String, DailyWindow> windows = new HashMap<>();
    for (VirtualMachine vm : fleet) {
      DailyWindow w = offPeak.windowOf(vm);
      if (!w.equals(offPeak.defaultWindow())) {
        windows.put(vm.id().toLowerCase(java.util.Locale.ROOT), w);
      }
    }
    return (row, start, end) -> {
      DailyWindow w = windows.isEmpty() ? offPeak.defaultWindow()
          : windows.getOrDefault(row.vmId().toLowerCase(java.util.Locale.ROOT), offPeak.defaultWindow());
      Optional<TimeWindow> window = offPeak.currentWindow(start, row.timeZone(), w);
      return window.isPresent() && !end.isAfter(window.get().end());
    };
  }

  /** An auditor over a policy's regions and windows. */
  public static SafetyAuditor auditor(RolloutPolicy policy, List<VirtualMachine> fleet) {
    return SafetyAuditor.builder().regionCatalogue(policy.regions()).offPeak(of(policy, fleet)).build();
  }
}
