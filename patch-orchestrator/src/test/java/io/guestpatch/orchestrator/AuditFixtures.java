package io.guestpatch.orchestrator;

import io.guestpatch.model.OperatingSystemTypes;
import io.guestpatch.model.PatchOperationStatus;
import io.guestpatch.model.VirtualMachine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small fleets and traces for the trace and auditor tests. */
final class AuditFixtures {
  static final Instant T0 = Instant.parse("2026-12-09T03:00:00Z");

  private AuditFixtures() {}

  static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  static String id(String sub, String name) {
    return "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/" + name;
  }

  /** A VM builder for a name in subscription s1 and the given region; add zone, set, UD as needed. */
  static VirtualMachine.Builder vm(String name, String region) {
    return vm(name, "s1", region);
  }

  static VirtualMachine.Builder vm(String name, String sub, String region) {
    VirtualMachine.Builder b = VirtualMachine.builder();
    b.id(id(sub, name)).name(name).subscriptionId(sub).resourceGroup("rg").region(region)
        .osType(OperatingSystemTypes.LINUX);
    return b;
  }

  /** {@code count} VMs named prefix0.. in one availability set, update domain i % domains. */
  static List<VirtualMachine> set(String prefix, String region, String setId, int count, int domains) {
    List<VirtualMachine> vms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      vms.add(vm(prefix + i, region).availabilitySetId(setId).platformUpdateDomain(i % domains).build());
    }
    return vms;
  }

  /** {@code count} VMs named prefix0.. outside sets, in one subscription and region. */
  static List<VirtualMachine> loose(String prefix, String sub, String region, int count) {
    List<VirtualMachine> vms = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      vms.add(vm(prefix + i, sub, region).build());
    }
    return vms;
  }

  static TraceRecord install(VirtualMachine vm, int fromMinute, int toMinute) {
    return row(vm, TraceRecord.Operation.INSTALL, -1, fromMinute, toMinute, PatchOperationStatus.SUCCEEDED);
  }

  static TraceRecord install(VirtualMachine vm, int stage, int fromMinute, int toMinute) {
    return row(vm, TraceRecord.Operation.INSTALL, stage, fromMinute, toMinute, PatchOperationStatus.SUCCEEDED);
  }

  static TraceRecord row(
      VirtualMachine vm, TraceRecord.Operation op, int stage, int fromMinute, int toMinute,
      PatchOperationStatus outcome) {
    TraceRecord.Builder b =
        TraceRecord.builder().placement(vm).timeZone("UTC").operation(op)
            .startUtc(at(fromMinute)).endUtc(at(toMinute)).outcome(outcome);
    if (stage >= 0) {
      b.stage(stage);
    }
    return b.build();
  }

  @SafeVarargs
  static <T> List<T> concat(List<? extends T>... lists) {
    List<T> all = new ArrayList<>();
    for (List<? extends T> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}
