package io.guestpatch.orchestrator;

import io.guestpatch.orchestrator.internal.IntList;
import io.guestpatch.policy.RegionCatalogue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Plans a cycle over a {@link FleetIndex} (SPEC 4.4): stages of regions (given by the user and
 * validated against I1, or generated: a canary with the smallest region that has eligible VMs, then
 * stages that grow, paired regions always apart) and, inside each region, batches that keep I3-I5
 * whatever order they run in. Which VMs share a batch comes from a shuffle seeded by the cycle.
 *
 * <pre>{@code
 * Plan plan = Planner.create(RolloutPolicy.ofDefaults()).plan(index, PatchCycle.parse("2026-12"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Planner {
  private final RolloutPolicy policy;

  private Planner(RolloutPolicy policy) {
    this.policy = policy;
  }

  /** A planner for a policy. */
  public static Planner create(RolloutPolicy policy) {
    return new Planner(policy);
  }

  /**
   * Plans the cycle.
   *
   * @throws IllegalArgumentException when user-given stages break I1 or miss or repeat a region; the
   *     message names the regions
   */
  public Plan plan(FleetIndex index, PatchCycle cycle) {
    int regionCount = index.regionCount();
    int[] eligible = new int[regionCount];
    int[] total = new int[regionCount];
    for (int vm = 0; vm < index.size(); vm++) {
      total[index.region[vm]]++;
      if (index.reasons[vm] == 0) {
        eligible[index.region[vm]]++;
      }
    }
    List<int[]> stageRegions = policy.stages().isPresent()
        ? userStages(index, policy.stages().get(), total)
        : generatedStages(index, eligible, total);

    // Group eligible VMs by region once (counting sort), then batch region by region.
    int[] start = new int[regionCount + 1];
    for (int r = 0; r < regionCount; r++) {
      start[r + 1] = start[r] + eligible[r];
    }
    int[] byRegion = new int[start[regionCount]];
    int[] fill = Arrays.copyOf(start, regionCount);
    for (int vm = 0; vm < index.size(); vm++) {
      if (index.reasons[vm] == 0) {
        byRegion[fill[index.region[vm]]++] = vm;
      }
    }
    // Region-local group numbers by fleet-wide group (set, or subscription after the sets); reset
    // after each region so that one array serves the whole plan.
    int[] groupSlot = new int[index.setCount() + index.subscriptionCount()];
    Arrays.fill(groupSlot, -1);
    List<Stage> stages = new ArrayList<>();
    for (int s = 0; s < stageRegions.size(); s++) {
      List<RegionPlan> regions = new ArrayList<>();
      for (int r : stageRegions.get(s)) {
        int[] vms = Arrays.copyOfRange(byRegion, start[r], start[r + 1]);
        List<Batch> batches = batchRegion(index, r, vms, cycle.seed(), groupSlot);
        regions.add(new RegionPlan(index.regionNames[r], r, s, batches, total[r] - eligible[r]));
      }
      stages.add(new Stage(s, regions));
    }
    return new Plan(cycle, index, stages);
  }

  // ---- stages ---------------------------------------------------------------------------------

  private List<int[]> userStages(FleetIndex index, List<List<String>> given, int[] total) {
    RegionCatalogue catalogue = policy.regions();
    Map<String, Integer> regionIds = new HashMap<>();
    for (int r = 0; r < index.regionCount(); r++) {
      regionIds.put(regionKey(index.regionNames[r]), r);
    }
    List<String> problems = new ArrayList<>();
    Map<String, Integer> stageOf = new HashMap<>();
    List<int[]> out = new ArrayList<>();
    for (int s = 0; s < given.size(); s++) {
      IntList ids = new IntList();
      List<String> names = given.get(s);
      if (names.isEmpty()) {
        problems.add("stage " + s + " has no region");
      }
      for (String raw : names) {
        String name = regionKey(raw);
        Integer prev = stageOf.putIfAbsent(name, s);
        if (prev != null) {
          problems.add("region " + name + " is in stage " + prev + " and again in stage " + s
              + "; list each region once");
          continue;
        }
        Integer id = regionIds.get(name);
        if (id != null) {
          ids.add(id);
        }
      }
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          if (catalogue.arePaired(names.get(i), names.get(j))) {
            problems.add("stage " + s + " holds paired regions " + names.get(i).strip() + " and "
                + names.get(j).strip() + " (I1: paired regions never in one stage); move one to another stage");
          }
        }
      }
      out.add(ids.toArray());
    }
    for (int r = 0; r < index.regionCount(); r++) {
      if (total[r] > 0 && !stageOf.containsKey(regionKey(index.regionNames[r]))) {
        problems.add("region " + index.regionNames[r] + " has " + total[r] + " VMs but is in no stage; add it to one");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid stages: " + String.join("; ", problems));
    }
    return out;
  }

  /** Region names match ignoring case and spaces, as in the region catalogue ("East US" is eastus). */
  private static String regionKey(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isWhitespace(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private List<int[]> generatedStages(FleetIndex index, int[] eligible, int[] total) {
    RegionCatalogue catalogue = policy.regions();
    Integer[] order = new Integer[index.regionCount()];
    int present = 0;
    for (int r = 0; r < index.regionCount(); r++) {
      if (total[r] > 0) {
        order[present++] = r;
      }
    }
    Integer[] regions = Arrays.copyOf(order, present);
    // Regions with eligible VMs, smallest first; regions without eligible VMs last.
    Arrays.sort(regions, Comparator.<Integer>comparingInt(r -> eligible[r] == 0 ? 1 : 0)
        .thenComparingInt(r -> eligible[r])
        .thenComparing(r -> index.regionNames[r]));
    List<int[]> stages = new ArrayList<>();
    if (regions.length == 0) {
      return stages;
    }
    ArrayDeque<Integer> pending = new ArrayDeque<>(Arrays.asList(regions));
    long totalEligible = 0;
    for (int r : regions) {
      totalEligible += eligible[r];
    }
    // Stage 0: the canary, the smallest region with eligible VMs.
    stages.add(new int[] {pending.pollFirst()});
    int remainingStages = Math.max(1, policy.stageCount() - 1);
    double growth = policy.stageGrowth();
    double weightSum = 0;
    for (int i = 0; i < remainingStages; i++) {
      weightSum += Math.pow(growth, i);
    }
    long remainingEligible = totalEligible - eligible[stages.get(0)[0]];
    for (int k = 0; !pending.isEmpty(); k++) {
      boolean last = k >= remainingStages - 1;
      double target = last ? Double.MAX_VALUE : remainingEligible * Math.pow(growth, k) / weightSum;
      IntList stage = new IntList();
      long size = 0;
      ArrayDeque<Integer> deferred = new ArrayDeque<>();
      while (!pending.isEmpty() && (size < target || stage.isEmpty())) {
        int r = pending.pollFirst();
        boolean conflict = false;
        for (int i = 0; i < stage.size(); i++) {
          if (catalogue.arePaired(index.regionNames[r], index.regionNames[stage.get(i)])) {
            conflict = true;
            break;
          }
        }
        if (conflict) {
          deferred.addLast(r);
        } else {
          stage.add(r);
          size += eligible[r];
        }
      }
      // Deferred regions go first into the next stage, keeping their size order.
      while (!deferred.isEmpty()) {
        pending.addFirst(deferred.pollLast());
      }
      stages.add(stage.toArray());
    }
    return stages;
  }

  // ---- batches --------------------------------------------------------------------------------

  /** A failure-domain group: an availability set, or one subscription's non-set VMs in the region. */
  private static final class Group {
    final boolean isSet;
    final boolean small;
    /** Slices by zone (-1 for no zone), each slice an int[] of VMs. */
    final Map<Integer, ArrayDeque<int[]>> slicesByZone = new TreeMap<>();
    int remaining;

    Group(boolean isSet, boolean small) {
      this.isSet = isSet;
      this.small = small;
    }

    int[] take(int zone) {
      ArrayDeque<int[]> q = slicesByZone.get(zone);
      if ((q == null || q.isEmpty()) && zone >= 0) {
        q = slicesByZone.get(-1);
      }
      if (q == null || q.isEmpty()) {
        return null;
      }
      remaining--;
      return q.pollFirst();
    }
  }

  /** A group's members in shuffled order, split by (zone, update domain) in first-seen order. */
  private static final class Members {
    final int key;
    final int first;
    long[] sliceKeys = new long[4];
    IntList[] slices = new IntList[4];
    int count;

    Members(int key, int first) {
      this.key = key;
      this.first = first;
    }

    void add(long sliceKey, int vm) {
      for (int i = 0; i < count; i++) {
        if (sliceKeys[i] == sliceKey) {
          slices[i].add(vm);
          return;
        }
      }
      if (count == sliceKeys.length) {
        sliceKeys = Arrays.copyOf(sliceKeys, count * 2);
        slices = Arrays.copyOf(slices, count * 2);
      }
      sliceKeys[count] = sliceKey;
      slices[count] = new IntList(8);
      slices[count++].add(vm);
    }
  }

  List<Batch> batchRegion(FleetIndex index, int region, int[] vms, long seed, int[] groupSlot) {
    SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (region + 1))
        ^ index.regionNames[region].hashCode());
    for (int i = vms.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = vms[i];
      vms[i] = vms[j];
      vms[j] = t;
    }
    // Members per group, in shuffled order, split by (zone, update domain).
    List<Members> members = new ArrayList<>();
    int sets = index.setCount();
    for (int vm : vms) {
      int set = index.set[vm];
      int groupKey = set >= 0 ? set : sets + index.subscription[vm];
      int slot = groupSlot[groupKey];
      if (slot < 0) {
        slot = members.size();
        groupSlot[groupKey] = slot;
        members.add(new Members(groupKey, vm));
      }
      long sliceKey = ((long) index.zone[vm] << 32) | (set >= 0 ? index.updateDomain[vm] & 0xffffffffL : 0);
      members.get(slot).add(sliceKey, vm);
    }
    for (Members m : members) {
      groupSlot[m.key] = -1;
    }
    List<Group> groups = new ArrayList<>(members.size());
    Set<Integer> zones = new java.util.TreeSet<>();
    for (Members g : members) {
      int first = g.first;
      boolean isSet = index.set[first] >= 0;
      int cap = isSet ? policy.setCap(index.setSizeOf(first)) : policy.subscriptionCap(index.nonSetCountOf(first));
      Group group = new Group(isSet, isSet && index.setSizeOf(first) < policy.smallSetSize());
      for (int si = 0; si < g.count; si++) {
        int zone = (int) (g.sliceKeys[si] >> 32);
        IntList list = g.slices[si];
        ArrayDeque<int[]> q = group.slicesByZone.computeIfAbsent(zone, z -> new ArrayDeque<>());
        for (int from = 0; from < list.size(); from += cap) {
          int to = Math.min(list.size(), from + cap);
          int[] part = new int[to - from];
          for (int i = from; i < to; i++) {
            part[i - from] = list.get(i);
          }
          q.addLast(part);
          group.remaining++;
        }
        if (zone >= 0) {
          zones.add(zone);
        }
      }
      groups.add(group);
    }
    // Zone order for this cycle: a seeded rotation of the region's zones.
    int[] zoneOrder = zones.stream().mapToInt(Integer::intValue).toArray();
    if (zoneOrder.length > 1) {
      int shift = random.nextInt(zoneOrder.length);
      int[] rotated = new int[zoneOrder.length];
      for (int i = 0; i < zoneOrder.length; i++) {
        rotated[i] = zoneOrder[(i + shift) % zoneOrder.length];
      }
      zoneOrder = rotated;
    }
    List<Batch> batches = new ArrayList<>();
    List<Group> active = new ArrayList<>(groups);
    int zoneCursor = 0;
    IntList batch = new IntList(64);
    while (!active.isEmpty()) {
      // The next zone (in rotation) that still has zonal slices; -1 when only regional ones remain.
      int zone = -1;
      for (int step = 0; step < zoneOrder.length && zone < 0; step++) {
        int candidate = zoneOrder[(zoneCursor + step) % zoneOrder.length];
        for (Group g : active) {
          ArrayDeque<int[]> q = g.slicesByZone.get(candidate);
          if (q != null && !q.isEmpty()) {
            zone = candidate;
            zoneCursor = (zoneCursor + step + 1) % zoneOrder.length;
            break;
          }
        }
      }
      batch.clear();
      EnumSet<Batch.Constraint> shaped = EnumSet.noneOf(Batch.Constraint.class);
      if (zone >= 0) {
        shaped.add(Batch.Constraint.ZONE);
      }
      for (int gi = 0; gi < active.size(); gi++) {
        Group g = active.get(gi);
        int[] slice = g.take(zone);
        if (slice == null) {
          continue;
        }
        for (int vm : slice) {
          batch.add(vm);
        }
        shaped.add(g.isSet
            ? (g.small ? Batch.Constraint.SMALL_SET : Batch.Constraint.UPDATE_DOMAIN)
            : Batch.Constraint.SUBSCRIPTION_SHARE);
      }
      active.removeIf(g -> g.remaining == 0);
      if (batch.isEmpty()) {
        throw new IllegalStateException("planner made no progress in region " + index.regionNames[region]);
      }
      batches.add(new Batch(batches.size(), batch.toArray(), zone,
          zone >= 0 ? index.zoneNames[zone] : "", List.copyOf(shaped)));
    }
    return batches;
  }
}
