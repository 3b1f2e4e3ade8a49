package io.guestpatch.orchestrator;

import io.guestpatch.orchestrator.internal.IntList;
import io.guestpatch.policy.RegionCatalogue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

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
 * <p>Stateless and thread-safe. A plan of a large fleet batches its regions on up to
 * {@link RolloutPolicy#planningThreads()} threads (the caller's and tasks on the common pool); the plan
 * is the same for any number of threads.
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
    // Regions are batched independently (each with its own seeded shuffle), so they are shared out
    // among the planning threads, largest first; the plan is assembled in stage order afterwards.
    List<Batch>[] batchesOf = batchAll(index, stageRegions, byRegion, start, cycle.seed());
    List<Stage> stages = new ArrayList<>();
    for (int s = 0; s < stageRegions.size(); s++) {
      List<RegionPlan> regions = new ArrayList<>();
      for (int r : stageRegions.get(s)) {
        regions.add(new RegionPlan(index.regionNames[r], r, s, batchesOf[r], total[r] - eligible[r]));
      }
      stages.add(new Stage(s, regions));
    }
    return new Plan(cycle, index, stages);
  }

  @SuppressWarnings("unchecked")
  private List<Batch>[] batchAll(FleetIndex index, List<int[]> stageRegions, int[] byRegion, int[] start, long seed) {
    List<Batch>[] batchesOf = new List[index.regionCount()];
    Integer[] work = stageRegions.stream().flatMapToInt(Arrays::stream).boxed().toArray(Integer[]::new);
    Arrays.sort(work, Comparator.comparingInt((Integer r) -> start[r] - start[r + 1]).thenComparingInt(r -> r));
    int threads = Math.min(policy.planningThreads(), Math.max(1, byRegion.length / FleetIndex.PARALLEL_CHUNK));
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      Scratch scratch = new Scratch(index);
      for (int w = next.getAndIncrement(); w < work.length; w = next.getAndIncrement()) {
        int r = work[w];
        batchesOf[r] = batchRegion(index, r, Arrays.copyOfRange(byRegion, start[r], start[r + 1]), seed, scratch);
      }
    };
    List<CompletableFuture<Void>> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      helpers.add(CompletableFuture.runAsync(worker, ForkJoinPool.commonPool()));
    }
    worker.run();
    for (CompletableFuture<Void> h : helpers) {
      Parallel.join(h);
    }
    return batchesOf;
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

  /** The constraint lists a batch can have, made once: index bit 0 zone, 1 set, 2 small set, 3 share. */
  private static final List<List<Batch.Constraint>> CONSTRAINTS = constraintLists();

  private static List<List<Batch.Constraint>> constraintLists() {
    Batch.Constraint[] order = {Batch.Constraint.ZONE, Batch.Constraint.UPDATE_DOMAIN, Batch.Constraint.SMALL_SET,
        Batch.Constraint.SUBSCRIPTION_SHARE};
    List<List<Batch.Constraint>> out = new ArrayList<>();
    for (int bits = 0; bits < 16; bits++) {
      EnumSet<Batch.Constraint> set = EnumSet.noneOf(Batch.Constraint.class);
      for (int b = 0; b < 4; b++) {
        if ((bits & (1 << b)) != 0) {
          set.add(order[b]);
        }
      }
      out.add(List.copyOf(set));
    }
    return List.copyOf(out);
  }

  /**
   * Scratch arrays for batching one region, indexed by fleet-wide group (availability set, or
   * subscription after the sets) and by zone; reset after each region, so one per thread serves a
   * whole plan.
   */
  static final class Scratch {
    final int[] groupSlot;
    final int[] zoneSlot;

    Scratch(FleetIndex index) {
      groupSlot = new int[index.setCount() + index.subscriptionCount()];
      zoneSlot = new int[index.zoneCount()];
      Arrays.fill(groupSlot, -1);
      Arrays.fill(zoneSlot, -1);
    }
  }

  /**
   * Batches one region (I3-I5 in any order). The region's VMs are shuffled with the cycle's seed; each
   * failure-domain group (an availability set, or one subscription's VMs outside sets) is cut into
   * slices by (zone, update domain) in the order the shuffle first meets them, and each slice into
   * parts of at most the group's cap. A batch is one zone's parts, at most one part per group, with
   * regional (zone-less) parts filling in for groups that have none left in that zone; zones take
   * turns in a seeded rotation. Flat arrays throughout: a region of a million VMs allocates a few
   * arrays of its size, not objects per VM.
   */
  List<Batch> batchRegion(FleetIndex index, int region, int[] vms, long seed, Scratch scratch) {
    SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (region + 1))
        ^ index.regionNames[region].hashCode());
    int m = vms.length;
    // The attributes batching reads, gathered in VM order (vms is ascending) so that the shuffled
    // pass below reads these small arrays instead of the fleet-wide ones at random.
    int sets = index.setCount();
    int[] groupKey = new int[m];
    int[] zoneOf = new int[m];
    long[] sliceKey = new long[m];
    for (int i = 0; i < m; i++) {
      int vm = vms[i];
      int set = index.set[vm];
      groupKey[i] = set >= 0 ? set : sets + index.subscription[vm];
      zoneOf[i] = index.zone[vm];
      sliceKey[i] = ((long) index.zone[vm] << 32) | (set >= 0 ? index.updateDomain[vm] & 0xffffffffL : 0);
    }
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    for (int i = m - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }

    // Groups, local zones and slices in first-seen (shuffled) order. A group's slices form a linked
    // list (sliceNext) searched by key; groups have few slices (zones x update domains).
    int[] groupSlot = scratch.groupSlot;
    int[] zoneSlot = scratch.zoneSlot;
    IntList groupKeys = new IntList(64);
    IntList groupFirstSlice = new IntList(64);
    IntList groupMember = new IntList(64); // any one VM of the group: set size and share are per group
    IntList groupLastSlice = new IntList(64);
    IntList zones = new IntList(4);
    long[] sliceKeys = new long[64];
    int[] sliceGroup = new int[64];
    int[] sliceZone = new int[64];
    int[] sliceNext = new int[64];
    int[] sliceSize = new int[64];
    int slices = 0;
    int[] vmSlice = new int[m];
    for (int k = 0; k < m; k++) {
      int i = order[k];
      int key = groupKey[i];
      int g = groupSlot[key];
      if (g < 0) {
        g = groupKeys.size();
        groupSlot[key] = g;
        groupKeys.add(key);
        groupFirstSlice.add(-1);
        groupMember.add(vms[i]);
        groupLastSlice.add(-1);
      }
      int s = groupFirstSlice.get(g);
      while (s >= 0 && sliceKeys[s] != sliceKey[i]) {
        s = sliceNext[s];
      }
      if (s < 0) {
        if (slices == sliceKeys.length) {
          int grown = slices * 2;
          sliceKeys = Arrays.copyOf(sliceKeys, grown);
          sliceGroup = Arrays.copyOf(sliceGroup, grown);
          sliceZone = Arrays.copyOf(sliceZone, grown);
          sliceNext = Arrays.copyOf(sliceNext, grown);
          sliceSize = Arrays.copyOf(sliceSize, grown);
        }
        s = slices++;
        sliceKeys[s] = sliceKey[i];
        sliceGroup[s] = g;
        sliceNext[s] = -1;
        int z = zoneOf[i];
        if (z >= 0 && zoneSlot[z] < 0) {
          zoneSlot[z] = zones.size();
          zones.add(z);
        }
        sliceZone[s] = z < 0 ? -1 : zoneSlot[z];
        if (groupLastSlice.get(g) < 0) {
          groupFirstSlice.set(g, s);
        } else {
          sliceNext[groupLastSlice.get(g)] = s;
        }
        groupLastSlice.set(g, s);
      }
      sliceSize[s]++;
      vmSlice[k] = s;
    }
    int groupCount = groupKeys.size();
    int zoneCount = zones.size();
    for (int g = 0; g < groupCount; g++) {
      groupSlot[groupKeys.get(g)] = -1;
    }
    for (int z = 0; z < zoneCount; z++) {
      zoneSlot[zones.get(z)] = -1;
    }

    // Order slices by (group, zone lane, first seen): lane 0 is regional, lane 1 + local zone a zone.
    // Each (group, lane) then owns one run of slices, and the run's parts are that lane's queue.
    int lanes = zoneCount + 1;
    int[] laneCount = new int[groupCount * lanes + 1];
    for (int s = 0; s < slices; s++) {
      laneCount[sliceGroup[s] * lanes + sliceZone[s] + 1 + 1]++;
    }
    for (int q = 1; q < laneCount.length; q++) {
      laneCount[q] += laneCount[q - 1];
    }
    int[] sliceOrder = new int[slices];
    int[] laneFill = Arrays.copyOf(laneCount, laneCount.length);
    for (int g = 0; g < groupCount; g++) {
      for (int s = groupFirstSlice.get(g); s >= 0; s = sliceNext[s]) {
        sliceOrder[laneFill[g * lanes + sliceZone[s] + 1]++] = s;
      }
    }
    // VMs laid out by slice in that order, each slice's VMs in shuffled order.
    int[] sliceStart = new int[slices + 1];
    int[] rank = new int[slices];
    for (int r = 0; r < slices; r++) {
      rank[sliceOrder[r]] = r;
      sliceStart[r + 1] = sliceStart[r] + sliceSize[sliceOrder[r]];
    }
    int[] laid = new int[m];
    int[] fill = Arrays.copyOf(sliceStart, slices);
    for (int k = 0; k < m; k++) {
      laid[fill[rank[vmSlice[k]]]++] = vms[order[k]];
    }

    // Parts: each slice cut by its group's cap. partStart/partEnd index into laid; parts of one
    // (group, lane) are consecutive, from lanePart[q] to lanePart[q + 1].
    boolean[] isSet = new boolean[groupCount];
    boolean[] small = new boolean[groupCount];
    int[] cap = new int[groupCount];
    for (int g = 0; g < groupCount; g++) {
      int key = groupKeys.get(g);
      int first = groupMember.get(g);
      isSet[g] = key < sets;
      cap[g] = isSet[g] ? policy.setCap(index.setSizeOf(first)) : policy.subscriptionCap(index.nonSetCountOf(first));
      small[g] = isSet[g] && index.setSizeOf(first) < policy.smallSetSize();
    }
    IntList partStart = new IntList(Math.max(16, slices));
    IntList partEnd = new IntList(Math.max(16, slices));
    int[] lanePart = new int[groupCount * lanes + 1];
    int[] groupParts = new int[groupCount];
    int[] zoneParts = new int[zoneCount];
    for (int r = 0; r < slices; r++) {
      int s = sliceOrder[r];
      int g = sliceGroup[s];
      for (int from = sliceStart[r]; from < sliceStart[r + 1]; from += cap[g]) {
        partStart.add(from);
        partEnd.add(Math.min(sliceStart[r + 1], from + cap[g]));
        lanePart[g * lanes + sliceZone[s] + 1 + 1]++;
        groupParts[g]++;
        if (sliceZone[s] >= 0) {
          zoneParts[sliceZone[s]]++;
        }
      }
    }
    for (int q = 1; q < lanePart.length; q++) {
      lanePart[q] += lanePart[q - 1];
    }
    int[] cursor = Arrays.copyOf(lanePart, lanePart.length - 1);

    // Zone order for this cycle: the region's zones by zone number, rotated by the seed.
    int[] zoneOrder = new int[zoneCount];
    for (int z = 0; z < zoneCount; z++) {
      zoneOrder[z] = z;
    }
    int[] zoneNumber = zones.toArray();
    sortByZoneNumber(zoneOrder, zoneNumber);
    if (zoneOrder.length > 1) {
      int shift = random.nextInt(zoneOrder.length);
      int[] rotated = new int[zoneOrder.length];
      for (int i = 0; i < zoneOrder.length; i++) {
        rotated[i] = zoneOrder[(i + shift) % zoneOrder.length];
      }
      zoneOrder = rotated;
    }

    List<Batch> batches = new ArrayList<>();
    int[] active = new int[groupCount];
    for (int g = 0; g < groupCount; g++) {
      active[g] = g;
    }
    int activeCount = groupCount;
    int zoneCursor = 0;
    IntList batch = new IntList(64);
    while (activeCount > 0) {
      // The next zone (in rotation) that still has zonal parts; -1 when only regional ones remain.
      int zone = -1;
      for (int step = 0; step < zoneOrder.length && zone < 0; step++) {
        int candidate = zoneOrder[(zoneCursor + step) % zoneOrder.length];
        if (zoneParts[candidate] > 0) {
          zone = candidate;
          zoneCursor = (zoneCursor + step + 1) % zoneOrder.length;
        }
      }
      batch.clear();
      int shaped = zone >= 0 ? 1 : 0;
      int kept = 0;
      for (int a = 0; a < activeCount; a++) {
        int g = active[a];
        int q = -1;
        if (zone >= 0 && cursor[g * lanes + zone + 1] < lanePart[g * lanes + zone + 2]) {
          q = g * lanes + zone + 1;
          zoneParts[zone]--;
        } else if (cursor[g * lanes] < lanePart[g * lanes + 1]) {
          q = g * lanes;
        }
        if (q >= 0) {
          int part = cursor[q]++;
          for (int i = partStart.get(part); i < partEnd.get(part); i++) {
            batch.add(laid[i]);
          }
          groupParts[g]--;
          shaped |= isSet[g] ? (small[g] ? 4 : 2) : 8;
        }
        if (groupParts[g] > 0) {
          active[kept++] = g;
        }
      }
      activeCount = kept;
      if (batch.isEmpty()) {
        throw new IllegalStateException("planner made no progress in region " + index.regionNames[region]);
      }
      int fleetZone = zone >= 0 ? zoneNumber[zone] : -1;
      batches.add(new Batch(batches.size(), batch.toArray(), fleetZone,
          fleetZone >= 0 ? index.zoneNames[fleetZone] : "", CONSTRAINTS.get(shaped)));
    }
    return batches;
  }

  /** Sorts local zone numbers by their fleet-wide zone number (insertion sort: a region has few zones). */
  private static void sortByZoneNumber(int[] local, int[] fleetZone) {
    for (int i = 1; i < local.length; i++) {
      int v = local[i];
      int j = i - 1;
      while (j >= 0 && fleetZone[local[j]] > fleetZone[v]) {
        local[j + 1] = local[j];
        j--;
      }
      local[j + 1] = v;
    }
  }
}
