package io.guestpatch.orchestrator;

import io.guestpatch.model.FleetReader;
import io.guestpatch.model.FleetRecordError;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.orchestrator.internal.IntList;
import io.guestpatch.policy.DailyWindow;
import io.guestpatch.policy.Eligibility;
import io.guestpatch.policy.OffPeakPolicy;
import io.guestpatch.policy.PatchSettingsPolicy;
import io.guestpatch.policy.Violation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A compact, read-only index of a fleet for planning and rollout (SPEC 4.4): region, zone,
 * availability set, subscription, time zone and off-peak window interned to ints once; placement in
 * primitive arrays; eligibility (E-rules) and the VM's time zone (W1) evaluated once per VM, with the
 * reasons of ineligible VMs kept as a bit set of reason codes.
 *
 * <p>VMs are numbered 0..size-1 in input order; every other orchestrator structure refers to VMs by
 * that number. Duplicate VM ids are rejected. Immutable and thread-safe once built.
 */
public final class FleetIndex {
  final String[] ids;
  final int[] region;
  final int[] zone;
  final int[] set;
  final int[] updateDomain;
  final int[] subscription;
  final int[] timeZone;
  final int[] window;
  final int[] reasons;
  final boolean[] running;
  final boolean[] windows;
  final boolean[] enabled;
  final String[] regionNames;
  final String[] zoneNames;
  final String[] setIds;
  final String[] subscriptionIds;
  final ZoneId[] timeZones;
  final DailyWindow[] windowTable;
  final String[] reasonCodes;
  final String[] reasonExamples;
  final int[] setSize;
  /** Per VM, the dense number of its (subscription, region) pair; the engine keys I5 budgets on it. */
  final int[] subscriptionRegion;
  /** Per (subscription, region) pair, the fleet's VMs outside availability sets (I5). */
  final int[] nonSetCount;

  private FleetIndex(Builder b) {
    int n = b.ids.size();
    this.ids = b.ids.toArray(new String[0]);
    this.region = b.region.toArray();
    this.zone = b.zone.toArray();
    this.set = b.set.toArray();
    this.updateDomain = b.ud.toArray();
    this.subscription = b.sub.toArray();
    this.timeZone = b.tz.toArray();
    this.window = b.win.toArray();
    this.reasons = b.reasonMask.toArray();
    this.running = Arrays.copyOf(b.running, n);
    this.windows = Arrays.copyOf(b.isWindows, n);
    this.enabled = Arrays.copyOf(b.enabled, n);
    this.regionNames = b.regions.names();
    this.zoneNames = b.zones.names();
    this.setIds = b.sets.names();
    this.subscriptionIds = b.subs.names();
    this.timeZones = b.tzTable.toArray(new ZoneId[0]);
    this.windowTable = b.windowTable.toArray(new DailyWindow[0]);
    this.reasonCodes = b.reasonCodes.toArray(new String[0]);
    this.reasonExamples = b.reasonExamples.toArray(new String[0]);
    this.setSize = Arrays.copyOf(b.setCounts, setIds.length);
    // Counted here, in one tight pass over the arrays, rather than per add(): the table then stays in
    // cache and the loads overlap.
    LongIds pairs = new LongIds();
    this.subscriptionRegion = new int[n];
    int[] counts = new int[64];
    for (int vm = 0; vm < n; vm++) {
      int g = pairs.intern(key(subscription[vm], region[vm]));
      subscriptionRegion[vm] = g;
      if (g >= counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
      if (set[vm] < 0) {
        counts[g]++;
      }
    }
    this.nonSetCount = Arrays.copyOf(counts, pairs.size());
  }

  /** Indexes a fleet held in memory. */
  public static FleetIndex of(Iterable<VirtualMachine> vms, RolloutPolicy policy) {
    Builder b = new Builder(policy, vms instanceof java.util.Collection ? ((java.util.Collection<?>) vms).size() : 0);
    for (VirtualMachine vm : vms) {
      b.add(vm);
    }
    return b.build();
  }

  /**
   * Indexes a fleet file by streaming it (ARM JSON or fleet JSON Lines); bad records go to
   * {@code errors} and are left out.
   */
  public static FleetIndex read(Path file, RolloutPolicy policy, Consumer<? super FleetRecordError> errors)
      throws IOException {
    Builder b = builder(policy);
    FleetReader.create().forEach(file, b::add, errors);
    return b.build();
  }

  /** A builder that evaluates VMs with the policy as they are added. */
  public static Builder builder(RolloutPolicy policy) {
    return new Builder(policy, 0);
  }

  /** The number of VMs. */
  public int size() {
    return ids.length;
  }

  /** The ARM id of a VM. */
  public String vmId(int vm) {
    return ids[vm];
  }

  /** The region name of a VM. */
  public String regionName(int vm) {
    return regionNames[region[vm]];
  }

  /** The zone of a VM, when zonal. */
  public Optional<String> zoneName(int vm) {
    return zone[vm] < 0 ? Optional.empty() : Optional.of(zoneNames[zone[vm]]);
  }

  /** The availability set id of a VM, when in a set. */
  public Optional<String> availabilitySetId(int vm) {
    return set[vm] < 0 ? Optional.empty() : Optional.of(setIds[set[vm]]);
  }

  /** The update domain of a VM, or -1. */
  public int updateDomain(int vm) {
    return updateDomain[vm];
  }

  /** The subscription id of a VM. */
  public String subscriptionId(int vm) {
    return subscriptionIds[subscription[vm]];
  }

  /** The time zone of a VM's off-peak window (W1). */
  public ZoneId timeZone(int vm) {
    return timeZones[timeZone[vm]];
  }

  /** The VM's daily off-peak window (W2). */
  public DailyWindow offPeakWindow(int vm) {
    return windowTable[window[vm]];
  }

  /** Whether the VM was running when indexed. */
  public boolean isRunning(int vm) {
    return running[vm];
  }

  /**
   * Whether platform patching is already enabled on the VM (B3): its {@code patchStatus
   * .configurationStatuses} holds {@code PatchModeConfigurationState/Ready}. A record without a
   * {@code patchStatus} (an inventory that does not carry the instance view) counts as enabled, so that
   * fleets exported without instance views are not held back; a {@code patchStatus} without that code
   * (for example {@code PatchModeConfigurationState/Pending}) does not.
   */
  public boolean isEnabled(int vm) {
    return enabled[vm];
  }

  /** Whether the VM is Windows. */
  public boolean isWindows(int vm) {
    return windows[vm];
  }

  /** Whether the VM is eligible for automatic patching (E-rules). */
  public boolean isEligible(int vm) {
    return reasons[vm] == 0;
  }

  /** The reason codes why a VM is not eligible; empty when eligible. */
  public List<String> ineligibleReasons(int vm) {
    int mask = reasons[vm];
    if (mask == 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int bit = 0; bit < reasonCodes.length; bit++) {
      if ((mask & (1 << bit)) != 0) {
        out.add(reasonCodes[bit]);
      }
    }
    return out;
  }

  /** An example message for a reason code, as the policy wrote it for the first VM with it. */
  public Optional<String> reasonExample(String code) {
    for (int i = 0; i < reasonCodes.length; i++) {
      if (reasonCodes[i].equals(code)) {
        return Optional.of(reasonExamples[i]);
      }
    }
    return Optional.empty();
  }

  /** The number of VMs of the fleet in the VM's availability set, or 0 outside sets. */
  public int setSizeOf(int vm) {
    return set[vm] < 0 ? 0 : setSize[set[vm]];
  }

  /** The number of the fleet's non-set VMs of this VM's subscription in its region. */
  public int nonSetCountOf(int vm) {
    return nonSetCount[subscriptionRegion[vm]];
  }

  /** The VM number of an id, or -1 (a linear scan; for tools and tests). */
  public int indexOf(String vmId) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i].equalsIgnoreCase(vmId)) {
        return i;
      }
    }
    return -1;
  }

  /** The region names, indexed by interned region number. */
  public List<String> regionNames() {
    return List.of(regionNames);
  }

  /** The interned region number of a VM. */
  public int regionOf(int vm) {
    return region[vm];
  }

  /** The interned zone number of a VM, or -1. */
  public int zoneOf(int vm) {
    return zone[vm];
  }

  /** The interned availability set number of a VM, or -1. */
  public int setOf(int vm) {
    return set[vm];
  }

  /** The interned subscription number of a VM. */
  public int subscriptionOf(int vm) {
    return subscription[vm];
  }

  /** The number of interned regions, zones, sets and subscriptions. */
  public int regionCount() {
    return regionNames.length;
  }

  /** The number of interned availability sets. */
  public int setCount() {
    return setIds.length;
  }

  /** The number of interned subscriptions. */
  public int subscriptionCount() {
    return subscriptionIds.length;
  }

  /** The number of interned zone names. */
  public int zoneCount() {
    return zoneNames.length;
  }

  static long key(int sub, int region) {
    return ((long) sub << 32) | (region & 0xffffffffL);
  }

  /** The configuration status code of a VM whose platform patching is enabled (B3). */
  public static final String PATCH_MODE_READY = "PatchModeConfigurationState/Ready";

  /** The configuration status code of a VM whose platform patching is still being enabled (B3). */
  public static final String PATCH_MODE_PENDING = "PatchModeConfigurationState/Pending";

  /** Adds VMs one at a time (streaming); not thread-safe. */
  public static final class Builder {
    private final PatchSettingsPolicy settings;
    private final OffPeakPolicy offPeak;
    private final List<String> ids = new ArrayList<>();
    private final IntList idHashes;
    private final IntList region = new IntList(1024);
    private final IntList zone = new IntList(1024);
    private final IntList set = new IntList(1024);
    private final IntList ud = new IntList(1024);
    private final IntList sub = new IntList(1024);
    private final IntList tz = new IntList(1024);
    private final IntList win = new IntList(1024);
    private final IntList reasonMask = new IntList(1024);
    private boolean[] running = new boolean[1024];
    private boolean[] isWindows = new boolean[1024];
    private boolean[] enabled = new boolean[1024];
    private final Interner regions = new Interner(true);
    private final Interner zones = new Interner();
    private final Interner sets = new Interner();
    private final Interner subs = new Interner();
    private final Map<ZoneId, Integer> tzIds = new HashMap<>();
    private final List<ZoneId> tzTable = new ArrayList<>();
    private int[] regionTimeZone = new int[0];
    private final Map<DailyWindow, Integer> windowIds = new HashMap<>();
    private final List<DailyWindow> windowTable = new ArrayList<>();
    private final Map<String, Integer> reasonBits = new LinkedHashMap<>();
    private final List<String> reasonCodes = new ArrayList<>();
    private final List<String> reasonExamples = new ArrayList<>();
    private int[] setCounts = new int[64];

    private final EligibilityCache eligibilityCache;

    private Builder(RolloutPolicy policy, int expectedSize) {
      this.idHashes = new IntList(Math.max(1024, expectedSize));
      this.settings = policy.settings();
      this.eligibilityCache = new EligibilityCache(settings.requiresOptIn());
      this.offPeak = policy.offPeak();
    }

    /**
     * Adds a VM.
     *
     * @throws IllegalArgumentException if a VM with the same id (ignoring case) was added before
     */
    public Builder add(VirtualMachine vm) {
      int n = ids.size();
      idHashes.add(DuplicateIds.hash(vm.id()));
      ids.add(vm.id());
      int r = regions.intern(vm.region());
      region.add(r);
      zone.add(vm.zone().isPresent() ? zones.intern(vm.zone().get()) : -1);
      int s = vm.availabilitySetId().isPresent() ? sets.intern(vm.availabilitySetId().get()) : -1;
      set.add(s);
      ud.add(vm.platformUpdateDomain().orElse(-1));
      int subscription = subs.intern(vm.subscriptionId());
      sub.add(subscription);
      if (s >= 0) {
        if (s >= setCounts.length) {
          setCounts = Arrays.copyOf(setCounts, Math.max(s + 1, setCounts.length * 2));
        }
        setCounts[s]++;
      }
      // W1: without a Windows time zone the zone depends on the region alone; look it up once per region.
      int zoneId;
      if (vm.windowsTimeZone().isPresent()) {
        zoneId = timeZoneId(offPeak.timeZoneOf(vm));
      } else {
        if (r >= regionTimeZone.length) {
          int old = regionTimeZone.length;
          regionTimeZone = Arrays.copyOf(regionTimeZone, Math.max(r + 1, old * 2));
          Arrays.fill(regionTimeZone, old, regionTimeZone.length, -1);
        }
        if (regionTimeZone[r] < 0) {
          regionTimeZone[r] = timeZoneId(offPeak.timeZoneOf(Optional.empty(), vm.region()));
        }
        zoneId = regionTimeZone[r];
      }
      tz.add(zoneId);
      DailyWindow w = offPeak.windowOf(vm);
      win.add(windowIds.computeIfAbsent(w, k -> {
        windowTable.add(k);
        return windowTable.size() - 1;
      }));
      int mask = eligibilityCache.lookup(vm);
      if (mask == EligibilityCache.MISS) {
        mask = eligibilityMask(vm);
        eligibilityCache.store(mask);
      }
      reasonMask.add(mask);
      if (n == running.length) {
        running = Arrays.copyOf(running, n * 2);
        isWindows = Arrays.copyOf(isWindows, n * 2);
        enabled = Arrays.copyOf(enabled, n * 2);
      }
      enabled[n] = patchModeReady(vm);
      running[n] = vm.isRunning();
      isWindows[n] = vm.isWindows();
      return this;
    }

    /** E-rules for one VM as a bit set of interned reason codes; 0 when eligible. */
    private int eligibilityMask(VirtualMachine vm) {
      Eligibility e = settings.eligibility(vm);
      int mask = 0;
      if (!e.isEligible()) {
        for (Violation v : e.reasons()) {
          Integer bit = reasonBits.get(v.reason());
          if (bit == null && reasonBits.size() < 31) {
            bit = reasonBits.size();
            reasonBits.put(v.reason(), bit);
            reasonCodes.add(v.reason());
            reasonExamples.add(v.message());
          }
          mask |= 1 << (bit == null ? 30 : bit);
        }
        if (mask == 0) {
          mask = 1 << 30;
        }
      }
      return mask;
    }

    /** B3: Ready, or no patchStatus at all (see {@link FleetIndex#isEnabled}). */
    private static boolean patchModeReady(VirtualMachine vm) {
      if (vm.patchStatus().isEmpty()) {
        return true;
      }
      for (io.guestpatch.model.InstanceViewStatus st : vm.patchStatus().get().configurationStatuses()) {
        if (st.code().isPresent() && st.code().get().equalsIgnoreCase(PATCH_MODE_READY)) {
          return true;
        }
      }
      return false;
    }

    private int timeZoneId(ZoneId z) {
      Integer id = tzIds.get(z);
      if (id == null) {
        id = tzTable.size();
        tzIds.put(z, id);
        tzTable.add(z);
      }
      return id;
    }

    /** The index. */
    public FleetIndex build() {
      String duplicates = DuplicateIds.duplicates(idHashes.toArray(), ids);
      if (!duplicates.isEmpty()) {
        throw new IllegalArgumentException(duplicates);
      }
      return new FleetIndex(this);
    }
  }

  /**
   * Finds VM ids that repeat, ignoring case: a case-insensitive hash per id while adding, then one radix
   * sort of (hash, record) pairs at build time; only records with equal hashes are compared. No
   * lower-cased copy and no boxed number per VM.
   */
  static final class DuplicateIds {
    private DuplicateIds() {}

    /**
     * Describes every id that appears more than once, ignoring case ("VM id X appears twice in the fleet
     * (records 1 and 3); ..."), or "" when ids are unique. Sorts (hash, record) pairs instead of probing
     * a hash table, so memory is read in order: a table of a million ids missed the cache on almost
     * every insert.
     */
    /**
     * (hash << 32 | record) for every record, ordered by hash: an LSD radix sort on the hash's four bytes,
     * sequential passes instead of a comparison sort (records of equal hash stay in input order).
     */
    static long[] sortByHash(int[] hashes) {
      int n = hashes.length;
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        a[i] = ((long) (hashes[i] ^ Integer.MIN_VALUE) << 32) | i; // sign bit flipped: byte digits then give signed order
      }
      long[] b = new long[n];
      int[] count = new int[257];
      for (int shift = 32; shift < 64; shift += 8) {
        Arrays.fill(count, 0);
        for (long k : a) {
          count[(int) ((k >>> shift) & 0xff) + 1]++;
        }
        for (int i = 1; i < 257; i++) {
          count[i] += count[i - 1];
        }
        for (long k : a) {
          b[count[(int) ((k >>> shift) & 0xff)]++] = k;
        }
        long[] t = a;
        a = b;
        b = t;
      }
      return a;
    }

    static String duplicates(int[] hashes, List<String> ids) {
      int n = hashes.length;
      long[] keys = sortByHash(hashes);
      List<int[]> pairs = new ArrayList<>();
      for (int start = 0; start < n; ) {
        int end = start + 1;
        while (end < n && (keys[end] >> 32) == (keys[start] >> 32)) {
          end++;
        }
        for (int a = start; a < end; a++) {
          for (int b = a + 1; b < end; b++) {
            int x = (int) keys[a];
            int y = (int) keys[b];
            if (ids.get(x).equalsIgnoreCase(ids.get(y))) {
              pairs.add(new int[] {Math.min(x, y), Math.max(x, y)});
            }
          }
        }
        start = end;
      }
      if (pairs.isEmpty()) {
        return "";
      }
      pairs.sort((p, q) -> p[1] != q[1] ? Integer.compare(p[1], q[1]) : Integer.compare(p[0], q[0]));
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < pairs.size() && k < 10; k++) {
        int[] p = pairs.get(k);
        sb.append(k == 0 ? "" : "; ").append("VM id ").append(ids.get(p[1]))
            .append(" appears twice in the fleet (records ").append(p[0] + 1).append(" and ").append(p[1] + 1)
            .append(')');
      }
      if (pairs.size() > 10) {
        sb.append("; and ").append(pairs.size() - 10).append(" more");
      }
      return sb.append("; remove the duplicates").toString();
    }

    /**
     * A hash that ignores case the way equalsIgnoreCase does, finished with a murmur3 mix: ids that
     * differ only in a trailing number would otherwise land in neighbouring slots and form long runs.
     */
    static int hash(String s) {
      int h = s.length();
      int n = s.length();
      // Every fourth character and the last 16: ARM ids differ in their subscription GUID, group or
      // name, and a full pass over ~130 characters per VM was most of the index's time at 1M VMs.
      // Ids that differ only elsewhere share a hash and are told apart by equalsIgnoreCase.
      int tail = Math.max(0, n - 16);
      for (int i = 0; i < n; i = i < tail ? Math.min(i + 4, tail) : i + 1) {
        char c = s.charAt(i);
        if (c < 128) {
          h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        } else {
          h = 31 * h + Character.toLowerCase(Character.toUpperCase(c));
        }
      }
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      h *= 0xc2b2ae35;
      return h ^ (h >>> 16);
    }
  }

  /** Counts per long key, open addressing with a mixed hash (Long.hashCode of (sub, region) collides). */
  /** Dense numbers for long keys, open addressing with a mixed hash (Long.hashCode of (sub, region) collides). */
  static final class LongIds {
    private long[] keys = new long[64];
    private int[] ids = new int[64];
    private boolean[] used = new boolean[64];
    private int size;

    /** The key's number, 0, 1, 2... in order of first appearance. */
    int intern(long key) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int i = find(key);
      if (!used[i]) {
        used[i] = true;
        keys[i] = key;
        ids[i] = size++;
      }
      return ids[i];
    }

    int size() {
      return size;
    }

    private int find(long key) {
      int mask = keys.length - 1;
      int i = mix(key) & mask;
      while (used[i] && keys[i] != key) {
        i = (i + 1) & mask;
      }
      return i;
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      boolean[] oldUsed = used;
      keys = new long[oldKeys.length * 2];
      ids = new int[oldKeys.length * 2];
      used = new boolean[oldKeys.length * 2];
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldUsed[j]) {
          int i = find(oldKeys[j]);
          used[i] = true;
          keys[i] = oldKeys[j];
          ids[i] = oldIds[j];
        }
      }
    }

    /** The murmur3 64-bit finalizer: every key bit reaches the low bits used as the slot. */
    private static int mix(long key) {
      long h = key;
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      h ^= h >>> 33;
      return (int) h;
    }
  }

  /** Interns strings to dense ints, ignoring case; the first spelling seen is kept. */
  static final class Interner {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final boolean lowerCaseNames;

    Interner() {
      this(false);
    }

    /** With {@code lowerCaseNames}, names are kept in lower case instead of their first spelling. */
    Interner(boolean lowerCaseNames) {
      this.lowerCaseNames = lowerCaseNames;
    }

    int intern(String s) {
      Integer id = ids.get(s);
      if (id == null) {
        String key = s.toLowerCase(java.util.Locale.ROOT);
        id = ids.get(key);
        if (id == null) {
          id = names.size();
          ids.put(key, id);
          names.add(lowerCaseNames ? key : s);
        }
        ids.put(s, id);
      }
      return id;
    }

    String[] names() {
      return names.toArray(new String[0]);
    }
  }
}
