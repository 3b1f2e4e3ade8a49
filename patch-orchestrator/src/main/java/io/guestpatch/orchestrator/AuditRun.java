package io.guestpatch.orchestrator;

import io.guestpatch.model.VirtualMachine;
import io.guestpatch.policy.RegionCatalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One audit: takes trace rows one by one ({@link #accept}), keeping installs in primitive arrays over
 * interned ids, then {@link #finish()} sweeps start and end events in time order and builds the report.
 * Not thread-safe; used by one thread for one audit.
 */
final class AuditRun {
  private static final int NONE = -1;
  private static final long NANOS = 1_000_000_000L;
  private static final int[] NO_REGIONS = new int[0];

  private final RegionCatalogue catalogue;
  private final SafetyAuditor.@Nullable OffPeakCheck offPeak;
  private final int maxPerRule;

  // breaches
  private final long[] ruleCounts = new long[Breach.Rule.values().length];
  private final List<Breach> breaches = new ArrayList<>();
  private final List<String> listed = new ArrayList<>(Breach.MAX_LISTED_VMS);
  private int listedCount;

  // interned names
  private final AuditIdIndex vms = new AuditIdIndex();
  private final AuditIdIndex regions = new AuditIdIndex();
  private final AuditIdIndex subs = new AuditIdIndex();
  private final AuditIdIndex zones = new AuditIdIndex();
  private final AuditIdIndex sets = new AuditIdIndex();
  private final AuditLongIndex nonSetGroups = new AuditLongIndex(); // pair(subscription, region)

  // the fleet
  private final int fleetVms; // VM ids below this are fleet VMs
  private final int[] fRegion;
  private final int[] fSub;
  private final int[] fZone;
  private final int[] fSet;
  private final int[] fUd;
  private int[] setFleetSize = new int[16];
  private int[] nonSetFleetSize = new int[16];
  private final BitSet fleetReported = new BitSet();

  // installs
  private long rows;
  private int n;
  private int[] iVm = new int[1024];
  private int[] iRegion = new int[1024];
  private int[] iSub = new int[1024];
  private int[] iZone = new int[1024];
  private int[] iSet = new int[1024];
  private int[] iUd = new int[1024];
  private int[] iStage = new int[1024];
  private long[] iStart = new long[1024];
  private long[] iEnd = new long[1024];
  private final BitSet iSuccess = new BitSet();

  // sweep state, set up by finish()
  private int[] iRank = new int[0];
  private int[] stageValues = new int[0];
  private int[] iRz = new int[0];
  private int[] iSu = new int[0];
  private int[] iDomain = new int[0];
  private int[] domainCap = new int[0];
  private int[] domainSize = new int[0];
  private int[] rzCount = new int[0];
  private int[] zonesInFlight = new int[0];
  private int[] suCount = new int[0];
  private int[] udsInFlight = new int[0];
  private int[] vmInFlight = new int[0];
  private int[] vmFirstSuccess = new int[0];
  private int[][] paired = new int[0][];
  private AuditInFlight byRegion;
  private AuditInFlight byStage;
  private AuditInFlight byDomain;
  private final AuditLongIndex regionStages = new AuditLongIndex(); // pair(region, rank)
  private int[] regionStageFirst = new int[16];
  private int[] regionLastRank = new int[0];
  private final boolean strictStageOrder;
  private long[] rankFirstStart = new long[0];
  private int[] earlyCount = new int[0];
  private int[] earlyFirst = new int[0];
  private List<List<String>> earlyVms = new ArrayList<>();

  AuditRun(
      RegionCatalogue catalogue,
      SafetyAuditor.@Nullable OffPeakCheck offPeak,
      int maxPerRule,
      boolean strictStageOrder,
      List<VirtualMachine> fleet) {
    this.catalogue = catalogue;
    this.offPeak = offPeak;
    this.maxPerRule = maxPerRule;
    this.strictStageOrder = strictStageOrder;
    int size = fleet.size();
    fRegion = new int[size];
    fSub = new int[size];
    fZone = new int[size];
    fSet = new int[size];
    fUd = new int[size];
    for (VirtualMachine vm : fleet) {
      int before = vms.size();
      int id = vms.intern(vm.id());
      if (id < before) {
        continue; // a duplicate id: the first record wins
      }
      int region = regions.intern(regionKey(vm.region()));
      int sub = subs.intern(vm.subscriptionId());
      fRegion[id] = region;
      fSub[id] = sub;
      fZone[id] = vm.zone().isPresent() ? zones.intern(vm.zone().get()) : NONE;
      fUd[id] = vm.platformUpdateDomain().orElse(NONE);
      if (vm.availabilitySetId().isPresent()) {
        int set = sets.intern(vm.availabilitySetId().get());
        fSet[id] = set;
        setFleetSize = grow(setFleetSize, set);
        setFleetSize[set]++;
      } else {
        fSet[id] = NONE;
        int g = nonSetGroups.intern(AuditLongIndex.pair(sub, region));
        nonSetFleetSize = grow(nonSetFleetSize, g);
        nonSetFleetSize[g]++;
      }
    }
    fleetVms = vms.size();
  }

  /** Takes one trace row. */
  void accept(TraceRecord row) {
    rows++;
    int region = regions.intern(regionKey(row.region()));
    int sub = subs.intern(row.subscriptionId());
    String zoneName = row.zoneOrNull();
    int zone = zoneName == null ? NONE : zones.intern(zoneName);
    String setName = row.availabilitySetOrNull();
    int set = setName == null ? NONE : sets.intern(setName);
    int ud = row.updateDomainOrMinus1();
    int vm = vms.find(row.vmId());
    if (vm < 0) {
      vm = vms.intern(row.vmId());
      if (keep(Breach.Rule.FLEET)) {
        startList();
        listed.add(row.vmId());
        listedCount = 1;
        add(Breach.Rule.FLEET, row.startUtc(), row.subscriptionId(), row.region(), zoneName, setName,
            row.stageOrMinus1(),
            "VM " + row.vmId() + " is not in the fleet (first row: " + row.operation().wireName() + ")");
      }
    } else if (vm < fleetVms && !fleetReported.get(vm)) {
      checkPlacement(row, vm, region, sub, zone, set, ud);
    }
    if (row.operation() != TraceRecord.Operation.INSTALL) {
      return;
    }
    long start = nanos(row.startUtc(), row);
    long end = nanos(row.endUtc(), row);
    if (offPeak != null && !offPeak.inWindow(row, row.startUtc(), row.endUtc()) && keep(Breach.Rule.I6)) {
      startList();
      listed.add(row.vmId());
      listedCount = 1;
      add(Breach.Rule.I6, row.startUtc(), null, row.region(), zoneName, setName, row.stageOrMinus1(),
          "install from " + row.startUtc() + " to " + row.endUtc()
              + " is not inside one off-peak window (time zone " + row.timeZone().getId() + ")");
    }
    if (n == iVm.length) {
      int cap = n * 2;
      iVm = Arrays.copyOf(iVm, cap);
      iRegion = Arrays.copyOf(iRegion, cap);
      iSub = Arrays.copyOf(iSub, cap);
      iZone = Arrays.copyOf(iZone, cap);
      iSet = Arrays.copyOf(iSet, cap);
      iUd = Arrays.copyOf(iUd, cap);
      iStage = Arrays.copyOf(iStage, cap);
      iStart = Arrays.copyOf(iStart, cap);
      iEnd = Arrays.copyOf(iEnd, cap);
    }
    iVm[n] = vm;
    iRegion[n] = region;
    iSub[n] = sub;
    iZone[n] = zone;
    iSet[n] = set;
    iUd[n] = ud;
    iStage[n] = row.stageOrMinus1();
    iStart[n] = start;
    iEnd[n] = end;
    if (TraceRecord.isSuccess(row.outcome())) {
      iSuccess.set(n);
    }
    n++;
  }

  private void checkPlacement(TraceRecord row, int vm, int region, int sub, int zone, int set, int ud) {
    StringBuilder diff = null;
    if (fRegion[vm] != region) {
      diff = difference(diff, "region", row.region(), regions.name(fRegion[vm]));
    }
    if (fSub[vm] != sub) {
      diff = difference(diff, "subscription", row.subscriptionId(), subs.name(fSub[vm]));
    }
    if (fZone[vm] != zone) {
      diff = difference(diff, "zone", zone < 0 ? null : zones.name(zone), fZone[vm] < 0 ? null : zones.name(fZone[vm]));
    }
    if (fSet[vm] != set) {
      diff = difference(diff, "availability set", set < 0 ? null : sets.name(set), fSet[vm] < 0 ? null : sets.name(fSet[vm]));
    }
    if (fUd[vm] != ud && fUd[vm] >= 0) {
      diff = difference(diff, "update domain", ud < 0 ? null : Integer.toString(ud), Integer.toString(fUd[vm]));
    }
    if (diff == null) {
      return;
    }
    fleetReported.set(vm);
    if (keep(Breach.Rule.FLEET)) {
      startList();
      listed.add(row.vmId());
      listedCount = 1;
      add(Breach.Rule.FLEET, row.startUtc(), row.subscriptionId(), row.region(), row.zoneOrNull(),
          row.availabilitySetOrNull(), row.stageOrMinus1(),
          "the trace places VM " + row.vmId() + " differently from the fleet: " + diff);
    }
  }

  private static StringBuilder difference(@Nullable StringBuilder sb, String what, @Nullable String trace, @Nullable String fleet) {
    StringBuilder s = sb == null ? new StringBuilder() : sb.append("; ");
    return s.append(what).append(" is ").append(trace == null ? "none" : trace)
        .append(" in the trace but ").append(fleet == null ? "none" : fleet).append(" in the fleet");
  }

  /** Runs the sweep and the whole-trace checks, and builds the report. */
  AuditReport finish() {
    prepare();
    sweep();
    checkRegionStages();
    if (strictStageOrder) {
      reportEarlyStarts();
    }
    breaches.sort(Comparator.comparing(Breach::instant).thenComparing(Breach::rule));
    Map<Breach.Rule, Long> counts = new EnumMap<>(Breach.Rule.class);
    for (Breach.Rule r : Breach.Rule.values()) {
      counts.put(r, ruleCounts[r.ordinal()]);
    }
    Set<Breach.Rule> unchecked = offPeak == null ? EnumSet.of(Breach.Rule.I6) : EnumSet.noneOf(Breach.Rule.class);
    return new AuditReport(breaches, counts, rows, n, unchecked);
  }

  private void prepare() {
    // stage ranks: 0, 1, 2, ... over the distinct stage values present
    int[] values = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (iStage[i] >= 0) {
        values[k++] = iStage[i];
      }
    }
    Arrays.sort(values, 0, k);
    int distinct = 0;
    for (int i = 0; i < k; i++) {
      if (distinct == 0 || values[distinct - 1] != values[i]) {
        values[distinct++] = values[i];
      }
    }
    stageValues = Arrays.copyOf(values, distinct);
    iRank = new int[n];
    rankFirstStart = new long[distinct];
    Arrays.fill(rankFirstStart, Long.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      int rank = iStage[i] < 0 ? NONE : Arrays.binarySearch(stageValues, iStage[i]);
      iRank[i] = rank;
      if (rank >= 0 && iStart[i] < rankFirstStart[rank]) {
        rankFirstStart[rank] = iStart[i];
      }
    }
    earlyCount = new int[distinct];
    earlyFirst = new int[distinct];
    earlyVms = new ArrayList<>(distinct);
    for (int q = 0; q < distinct; q++) {
      earlyVms.add(new ArrayList<>());
    }

    // zones per region, update domains per set, batching domains (sets, then subscription x region)
    AuditLongIndex rz = new AuditLongIndex();
    AuditLongIndex su = new AuditLongIndex();
    iRz = new int[n];
    iSu = new int[n];
    iDomain = new int[n];
    int setCount = sets.size();
    for (int i = 0; i < n; i++) {
      iRz[i] = iZone[i] < 0 ? NONE : rz.intern(AuditLongIndex.pair(iRegion[i], iZone[i]));
      if (iSet[i] >= 0) {
        iSu[i] = su.intern(AuditLongIndex.pair(iSet[i], iUd[i]));
        iDomain[i] = iSet[i];
      } else {
        iSu[i] = NONE;
        iDomain[i] = setCount + nonSetGroups.intern(AuditLongIndex.pair(iSub[i], iRegion[i]));
      }
    }
    int domains = setCount + nonSetGroups.size();
    domainCap = new int[domains];
    domainSize = new int[domains];
    for (int d = 0; d < domains; d++) {
      int size;
      if (d < setCount) {
        size = d < setFleetSize.length ? setFleetSize[d] : 0;
        domainCap[d] = size < 10 ? 1 : size / 5;
      } else {
        int g = d - setCount;
        size = g < nonSetFleetSize.length ? nonSetFleetSize[g] : 0;
        domainCap[d] = Math.max(1, size / 5);
      }
      domainSize[d] = size;
    }
    rzCount = new int[rz.size()];
    zonesInFlight = new int[regions.size()];
    suCount = new int[su.size()];
    udsInFlight = new int[setCount];
    vmInFlight = new int[vms.size()];
    vmFirstSuccess = new int[vms.size()];
    Arrays.fill(vmFirstSuccess, NONE);
    regionLastRank = new int[regions.size()];
    Arrays.fill(regionLastRank, NONE);

    paired = new int[regions.size()][];
    for (int r = 0; r < regions.size(); r++) {
      Set<String> names = catalogue.pairedWith(regions.name(r));
      int[] ids = new int[names.size()];
      int m = 0;
      for (String name : names) {
        int p = regions.find(name);
        if (p >= 0 && p != r) {
          ids[m++] = p;
        }
      }
      paired[r] = Arrays.copyOf(ids, m);
    }

    byRegion = new AuditInFlight(iRegion, n, regions.size());
    byStage = new AuditInFlight(iRank, n, distinct);
    byDomain = new AuditInFlight(iDomain, n, domains);
  }

  private void sweep() {
    int[] byStart = AuditSort.byKey(iStart, n);
    int[] byEnd = AuditSort.byKey(iEnd, n);
    int e = 0;
    for (int k = 0; k < n; k++) {
      int i = byStart[k];
      long t = iStart[i];
      // half-open intervals: whatever ends at t is gone before anything starts at t
      while (e < n && iEnd[byEnd[e]] <= t) {
        int j = byEnd[e++];
        if (iStart[j] < iEnd[j]) {
          leave(j);
        }
      }
      // a zero-length install occupies no instant: it is never in flight and meets no other install
      boolean occupies = iStart[i] < iEnd[i];
      checkStart(i, t, occupies);
      if (occupies) {
        enter(i);
      }
    }
  }

  private void enter(int i) {
    byRegion.add(i);
    byStage.add(i);
    byDomain.add(i);
    vmInFlight[iVm[i]]++;
    if (iRz[i] >= 0 && rzCount[iRz[i]]++ == 0) {
      zonesInFlight[iRegion[i]]++;
    }
    if (iSu[i] >= 0 && suCount[iSu[i]]++ == 0) {
      udsInFlight[iSet[i]]++;
    }
  }

  private void leave(int i) {
    byRegion.remove(i);
    byStage.remove(i);
    byDomain.remove(i);
    vmInFlight[iVm[i]]--;
    if (iRz[i] >= 0 && --rzCount[iRz[i]] == 0) {
      zonesInFlight[iRegion[i]]--;
    }
    if (iSu[i] >= 0 && --suCount[iSu[i]] == 0) {
      udsInFlight[iSet[i]]--;
    }
  }

  private void checkStart(int i, long t, boolean occupies) {
    int vm = iVm[i];
    int r = iRegion[i];
    int rank = iRank[i];
    int stage = iStage[i];

    // I9: never two installs of a VM at once; at most one success per cycle
    if (occupies && vmInFlight[vm] > 0 && keep(Breach.Rule.I9)) {
      startList();
      list(i);
      add(Breach.Rule.I9, instant(t), i, null,
          "install of VM " + vms.name(vm) + " starts while another install of the same VM is in flight");
    }
    if (iSuccess.get(i)) {
      int first = vmFirstSuccess[vm];
      if (first < 0) {
        vmFirstSuccess[vm] = i;
      } else if (keep(Breach.Rule.I9)) {
        startList();
        list(i);
        add(Breach.Rule.I9, instant(t), i, null,
            "VM " + vms.name(vm) + " is patched successfully a second time in this trace (first success started "
                + instant(iStart[first]) + ")");
      }
    }

    // I1: paired regions never in flight together
    for (int p : occupies ? paired[r] : NO_REGIONS) {
      int busy = byRegion.count(p);
      if (busy > 0 && keep(Breach.Rule.I1)) {
        startList();
        list(i);
        for (int j = byRegion.first(p); j >= 0; j = byRegion.next(j)) {
          list(j);
        }
        add(Breach.Rule.I1, instant(t), i, null,
            "install in " + regions.name(r) + " starts while its paired region " + regions.name(p) + " has "
                + plural(busy, "install") + " in flight");
      }
    }
    if (rank >= 0 && regionLastRank[r] != rank) {
      regionLastRank[r] = rank;
      long key = AuditLongIndex.pair(r, rank);
      if (regionStages.find(key) < 0) {
        int id = regionStages.intern(key);
        regionStageFirst = grow(regionStageFirst, id);
        regionStageFirst[id] = i;
      }
    }

    // I2: stages in order
    if (rank > 0) {
      int earlierBusy = 0;
      for (int q = 0; occupies && q < rank; q++) {
        earlierBusy += byStage.count(q);
      }
      if (earlierBusy > 0 && keep(Breach.Rule.I2)) {
        StringBuilder which = new StringBuilder();
        for (int q = 0; q < rank; q++) {
          if (byStage.count(q) > 0) {
            which.append(which.length() == 0 ? "" : ", ").append(stageValues[q]);
          }
        }
        startList();
        list(i);
        for (int q = rank - 1; q >= 0; q--) {
          for (int j = byStage.first(q); j >= 0; j = byStage.next(j)) {
            list(j);
          }
        }
        add(Breach.Rule.I2, instant(t), i, null,
            "install of stage " + stage + " starts while " + plural(earlierBusy, "install")
                + " of earlier stage " + which + " " + (earlierBusy == 1 ? "is" : "are") + " in flight");
      }
      if (t < rankFirstStart[rank - 1]) {
        if (earlyCount[rank]++ == 0) {
          earlyFirst[rank] = i;
        }
        List<String> ids = earlyVms.get(rank);
        if (ids.size() < Breach.MAX_LISTED_VMS) {
          ids.add(vms.name(vm));
        }
      }
    }

    // I3: one zone per region
    int rz = iRz[i];
    if (occupies && rz >= 0 && rzCount[rz] == 0 && zonesInFlight[r] > 0 && keep(Breach.Rule.I3)) {
      startList();
      list(i);
      StringBuilder others = new StringBuilder();
      int busy = 0;
      for (int j = byRegion.first(r); j >= 0; j = byRegion.next(j)) {
        if (iZone[j] >= 0 && iZone[j] != iZone[i]) {
          list(j);
          busy++;
          String z = zones.name(iZone[j]);
          if (!containsWord(others, z)) {
            others.append(others.length() == 0 ? "" : ", ").append(z);
          }
        }
      }
      add(Breach.Rule.I3, instant(t), i, null,
          "install in zone " + zones.name(iZone[i]) + " of " + regions.name(r) + " starts while zone "
              + others + " has " + plural(busy, "install") + " in flight");
    }

    // I4 / I5: batching domains
    if (!occupies) {
      return;
    }
    int d = iDomain[i];
    int inFlight = byDomain.count(d);
    int set = iSet[i];
    if (set >= 0) {
      int su = iSu[i];
      if (suCount[su] == 0 && udsInFlight[set] > 0 && keep(Breach.Rule.I4)) {
        startList();
        list(i);
        int busy = 0;
        StringBuilder others = new StringBuilder();
        for (int j = byDomain.first(d); j >= 0; j = byDomain.next(j)) {
          if (iSu[j] != su) {
            list(j);
            busy++;
            String u = udName(iUd[j]);
            if (!containsWord(others, u)) {
              others.append(others.length() == 0 ? "" : ", ").append(u);
            }
          }
        }
        add(Breach.Rule.I4, instant(t), i, sets.name(set),
            "install in update domain " + udName(iUd[i]) + " of availability set " + sets.name(set)
                + " starts while update domain " + others + " has " + plural(busy, "install") + " in flight");
      }
      if (inFlight + 1 > domainCap[d] && keep(Breach.Rule.I4)) {
        startList();
        list(i);
        for (int j = byDomain.first(d); j >= 0; j = byDomain.next(j)) {
          list(j);
        }
        add(Breach.Rule.I4, instant(t), i, sets.name(set),
            "availability set " + sets.name(set) + " (" + plural(domainSize[d], "VM") + ") would have "
                + (inFlight + 1) + " installs in flight; at most " + domainCap[d] + " allowed");
      }
    } else if (inFlight + 1 > domainCap[d] && keep(Breach.Rule.I5)) {
      startList();
      list(i);
      for (int j = byDomain.first(d); j >= 0; j = byDomain.next(j)) {
        list(j);
      }
      add(Breach.Rule.I5, instant(t), i, null,
          "subscription " + subs.name(iSub[i]) + " in " + regions.name(r) + " would have " + (inFlight + 1)
              + " installs in flight outside availability sets; at most " + domainCap[d] + " of its "
              + plural(domainSize[d], "such VM") + " allowed");
    }
  }

  /** I1: a region's installs carry one stage; paired regions never share a stage. */
  private void checkRegionStages() {
    int entries = regionStages.size();
    if (entries == 0) {
      return;
    }
    Integer[] order = new Integer[entries];
    for (int id = 0; id < entries; id++) {
      order[id] = id;
    }
    // by region, then by first start
    Arrays.sort(order, Comparator.<Integer>comparingInt(id -> (int) (regionStages.key(id) >>> 32))
        .thenComparingLong(id -> iStart[regionStageFirst[id]])
        .thenComparingInt(id -> regionStageFirst[id]));
    for (int k = 1; k < entries; k++) {
      int prev = order[k - 1];
      int id = order[k];
      int r = (int) (regionStages.key(id) >>> 32);
      if ((int) (regionStages.key(prev) >>> 32) != r || !keep(Breach.Rule.I1)) {
        continue;
      }
      int firstOfRegion = order[k - 1];
      int a = regionStageFirst[firstOfRegion];
      int b = regionStageFirst[id];
      startList();
      list(b);
      list(a);
      add(Breach.Rule.I1, instant(iStart[b]), b, null,
          "region " + regions.name(r) + " has installs in stage " + iStage[b] + " (from " + instant(iStart[b])
              + ") besides stage " + iStage[a] + " (from " + instant(iStart[a]) + "); a region belongs to one stage");
    }
    for (int id = 0; id < entries; id++) {
      long key = regionStages.key(id);
      int r = (int) (key >>> 32);
      int rank = (int) key;
      for (int p : paired[r]) {
        if (p < r) {
          continue; // each pair once
        }
        int other = regionStages.find(AuditLongIndex.pair(p, rank));
        if (other < 0 || !keep(Breach.Rule.I1)) {
          continue;
        }
        int a = regionStageFirst[id];
        int b = regionStageFirst[other];
        int later = iStart[b] > iStart[a] || (iStart[b] == iStart[a] && b > a) ? b : a;
        int earlier = later == a ? b : a;
        startList();
        list(later);
        list(earlier);
        add(Breach.Rule.I1, instant(iStart[later]), later, null,
            "paired regions " + regions.name(iRegion[earlier]) + " and " + regions.name(iRegion[later])
                + " share stage " + stageValues[rank]);
      }
    }
  }

  /** I2: installs of a stage that started before the previous stage's first install. */
  private void reportEarlyStarts() {
    for (int q = 1; q < earlyCount.length; q++) {
      int count = earlyCount[q];
      if (count == 0 || !keep(Breach.Rule.I2)) {
        continue;
      }
      int first = earlyFirst[q];
      startList();
      listed.addAll(earlyVms.get(q));
      listedCount = count;
      add(Breach.Rule.I2, instant(iStart[first]), first, null,
          plural(count, "install") + " of stage " + stageValues[q] + " started before the first install of stage "
              + stageValues[q - 1] + " at " + instant(rankFirstStart[q - 1]));
    }
  }

  // ---- breach helpers

  /** Counts a breach of the rule; whether it is to be listed too. */
  private boolean keep(Breach.Rule rule) {
    return ++ruleCounts[rule.ordinal()] <= maxPerRule;
  }

  private void startList() {
    listed.clear();
    listedCount = 0;
  }

  private void list(int install) {
    listedCount++;
    if (listed.size() < Breach.MAX_LISTED_VMS) {
      listed.add(vms.name(iVm[install]));
    }
  }

  /** Adds a listed breach about install {@code i}. */
  private void add(Breach.Rule rule, Instant at, int i, @Nullable String set, String message) {
    breaches.add(new Breach(rule, at, listed, listedCount, subs.name(iSub[i]), regions.name(iRegion[i]),
        iZone[i] < 0 ? null : zones.name(iZone[i]), set != null ? set : iSet[i] < 0 ? null : sets.name(iSet[i]),
        iStage[i], message));
  }

  private void add(Breach.Rule rule, Instant at, @Nullable String sub, String region, @Nullable String zone,
      @Nullable String set, int stage, String message) {
    breaches.add(new Breach(rule, at, listed, listedCount, sub, region, zone, set, stage, message));
  }

  // ---- small utilities

  private static String udName(int ud) {
    return ud < 0 ? "(unknown)" : Integer.toString(ud);
  }

  private static boolean containsWord(StringBuilder list, String word) {
    if (list.length() == 0) {
      return false;
    }
    for (String s : list.toString().split(", ")) {
      if (s.equals(word)) {
        return true;
      }
    }
    return false;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static String regionKey(String region) {
    for (int i = 0; i < region.length(); i++) {
      if (Character.isWhitespace(region.charAt(i))) {
        StringBuilder sb = new StringBuilder(region.length());
        for (int k = 0; k < region.length(); k++) {
          char c = region.charAt(k);
          if (!Character.isWhitespace(c)) {
            sb.append(c);
          }
        }
        return sb.toString();
      }
    }
    return region;
  }

  private static long nanos(Instant instant, TraceRecord row) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "instant " + instant + " of " + row.vmId() + " is outside the years 1677-2262 that the auditor handles", e);
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
  }

  private static int[] grow(int[] a, int index) {
    return index < a.length ? a : Arrays.copyOf(a, Math.max(a.length * 2, index + 1));
  }
}
