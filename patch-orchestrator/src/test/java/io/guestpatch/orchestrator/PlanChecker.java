package io.guestpatch.orchestrator;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.RegionCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An independent check of a plan against SPEC 4.2 I1 and I3-I5 and I8, computed from the VM records
 * themselves (not from the planner's index or caps): returns every breach found, empty when none.
 */
final class PlanChecker {
  private PlanChecker() {}

  static List<String> breaches(Plan plan, List<VirtualMachine> fleet, RegionCatalogue catalogue) {
    List<String> out = new ArrayList<>();
    Map<String, VirtualMachine> byId = new HashMap<>();
    Map<String, Integer> setSize = new HashMap<>();
    Map<String, Integer> nonSet = new HashMap<>();
    Set<String> regionsWithVms = new HashSet<>();
    for (VirtualMachine vm : fleet) {
      byId.put(vm.id().toLowerCase(Locale.ROOT), vm);
      regionsWithVms.add(lower(vm.region()));
      if (vm.availabilitySetId().isPresent()) {
        setSize.merge(lower(vm.availabilitySetId().get()), 1, Integer::sum);
      } else {
        nonSet.merge(lower(vm.subscriptionId()) + "|" + lower(vm.region()), 1, Integer::sum);
      }
    }
    // I1 and region coverage.
    Map<String, Integer> stageOfRegion = new HashMap<>();
    for (Stage stage : plan.stages()) {
      List<String> names = stage.regionNames();
      for (String name : names) {
        Integer previous = stageOfRegion.put(lower(name), stage.index());
        if (previous != null) {
          out.add("region " + name + " in stages " + previous + " and " + stage.index());
        }
      }
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          if (catalogue.arePaired(names.get(i), names.get(j)) || catalogue.arePaired(names.get(j), names.get(i))) {
            out.add("I1: stage " + stage.index() + " holds paired regions " + names.get(i) + " and " + names.get(j));
          }
        }
      }
    }
    for (String region : regionsWithVms) {
      if (!stageOfRegion.containsKey(region)) {
        out.add("region " + region + " has VMs but is in no stage");
      }
    }
    // Batches: I3-I5, every eligible VM exactly once, no ineligible VM (I8).
    Set<String> planned = new HashSet<>();
    for (Stage stage : plan.stages()) {
      for (RegionPlan region : stage.regions()) {
        for (Batch batch : region.batches()) {
          String where = "stage " + stage.index() + " region " + region.region() + " batch " + batch.index();
          Set<String> zones = new HashSet<>();
          Map<String, Set<Integer>> setDomains = new HashMap<>();
          Map<String, Integer> setCount = new HashMap<>();
          Map<String, Integer> subCount = new HashMap<>();
          for (int i = 0; i < batch.size(); i++) {
            String id = plan.index().vmId(batch.vm(i));
            VirtualMachine vm = byId.get(id.toLowerCase(Locale.ROOT));
            if (vm == null) {
              out.add(where + ": unknown VM " + id);
              continue;
            }
            if (!planned.add(id.toLowerCase(Locale.ROOT))) {
              out.add(where + ": VM " + id + " planned twice");
            }
            if (!TestFleets.SETTINGS.eligibility(vm).isEligible()) {
              out.add("I8: " + where + ": ineligible VM " + id);
            }
            if (!lower(vm.region()).equals(lower(region.region()))) {
              out.add(where + ": VM " + id + " of region " + vm.region());
            }
            vm.zone().ifPresent(zones::add);
            if (vm.availabilitySetId().isPresent()) {
              String set = lower(vm.availabilitySetId().get());
              setDomains.computeIfAbsent(set, k -> new HashSet<>()).add(vm.platformUpdateDomain().orElse(-1));
              setCount.merge(set, 1, Integer::sum);
            } else {
              subCount.merge(lower(vm.subscriptionId()) + "|" + lower(vm.region()), 1, Integer::sum);
            }
          }
          if (zones.size() > 1) {
            out.add("I3: " + where + " spans zones " + zones);
          }
          if (zones.size() == 1 && !batch.zone().equals(java.util.Optional.of(zones.iterator().next()))) {
            out.add(where + " has zonal VMs in " + zones + " but says zone " + batch.zone());
          }
          setDomains.forEach((set, domains) -> {
            if (domains.size() > 1) {
              out.add("I4: " + where + " holds update domains " + domains + " of set " + set);
            }
          });
          setCount.forEach((set, n) -> {
            int size = setSize.get(set);
            int cap = size < 10 ? 1 : Math.max(1, size / 5);
            if (n > cap) {
              out.add("I4: " + where + " holds " + n + " VMs of set " + set + " of " + size + " (cap " + cap + ")");
            }
          });
          subCount.forEach((sub, n) -> {
            int cap = Math.max(1, nonSet.get(sub) / 5);
            if (n > cap) {
              out.add("I5: " + where + " holds " + n + " non-set VMs of " + sub + " of " + nonSet.get(sub)
                  + " (cap " + cap + ")");
            }
          });
        }
      }
    }
    for (VirtualMachine vm : fleet) {
      if (TestFleets.SETTINGS.eligibility(vm).isEligible() && !planned.contains(vm.id().toLowerCase(Locale.ROOT))) {
        out.add("eligible VM " + vm.id() + " is in no batch");
      }
    }
    return out;
  }

  /** Batch membership as VM ids, region by region, for comparing plans. */
  static List<List<String>> membership(Plan plan) {
    List<List<String>> out = new ArrayList<>();
    for (Stage stage : plan.stages()) {
      for (RegionPlan region : stage.regions()) {
        for (Batch batch : region.batches()) {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < batch.size(); i++) {
            ids.add(plan.index().vmId(batch.vm(i)));
          }
          out.add(ids);
        }
      }
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
