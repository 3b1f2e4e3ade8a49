package io.guestpatch.orchestrator;

import io.guestpatch.model.FleetReader;
import io.guestpatch.model.FleetRecordError;
import io.guestpatch.model.InstanceViewStatus;
import io.guestpatch.model.PowerState;
import io.guestpatch.model.VirtualMachine;
import io.guestpatch.model.VirtualMachinePatchStatus;
import io.guestpatch.model.WindowsConfiguration;
import io.guestpatch.orchestrator.internal.IntList;
import io.guestpatch.policy.DailyWindow;
import io.guestpatch.policy.Eligibility;
import io.guestpatch.policy.OffPeakPolicy;
import io.guestpatch.policy.PatchSettingsPolicy;
import io.guestpatch.policy.Violation;
import io.guestpatch.policy.WindowsTimeZones;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/**
 * A compact, read-only index of a fleet for planning and rollout (SPEC 4.4): region, zone,
 * availability set, subscription, time zone and off-peak window interned to ints once; placement in
 * primitive arrays; eligibility (E-rules) and the VM's time zone (W1) evaluated once per VM, with the
 * reasons of ineligible VMs kept as a bit set of reason codes.
 *
 * <p>VMs are numbered 0..size-1 in input order; every other orchestrator structure refers to VMs by
 * that number. Duplicate VM ids (ignoring case, as ARM ids do) are rejected. Immutable and
 * thread-safe once built. {@link #of} indexes a large list on up to
 * {@link RolloutPolicy#planningThreads()} threads; the index is the same for any number of threads.
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
    Columns c = b.columns.trim(b.next);
    int n = c.ids.length;
    this.ids = c.ids;
    this.region = c.region;
    this.zone = c.zone;
    this.set = c.set;
    this.updateDomain = c.ud;
    this.subscription = c.sub;
    this.timeZone = c.tz;
    this.window = c.win;
    this.reasons = c.reasons;
    this.running = c.running;
    this.windows = c.windows;
    this.enabled = c.enabled;
    this.regionNames = b.regions.names();
    this.zoneNames = b.zones.names();
    this.setIds = b.sets.names();
    this.subscriptionIds = b.subs.names();
    this.timeZones = b.tzTable.toArray(new ZoneId[0]);
    this.windowTable = b.windowTable.toArray(new DailyWindow[0]);
    this.reasonCodes = b.reasonCodes.toArray(new String[0]);
    this.reasonExamples = b.reasonExamples.toArray(new String[0]);
    this.setSize = Arrays.copyOf(b.setCounts, setIds.length);
    // Numbered here, in one tight pass over the arrays, rather than per add(). A dense table when
    // (subscriptions x regions) is small, as it is for real fleets; else a hash of the pair.
    this.subscriptionRegion = new int[n];
    int[] counts = new int[64];
    int pairCount = 0;
    int regions = regionNames.length;
    long cells = (long) subscriptionIds.length * regions;
    int[] dense = cells <= DENSE_PAIR_TABLE ? new int[(int) cells] : null;
    LongIds sparse = dense == null ? new LongIds() : null;
    if (dense != null) {
      Arrays.fill(dense, -1);
    }
    for (int vm = 0; vm < n; vm++) {
      int g;
      if (dense != null) {
        int cell = subscription[vm] * regions + region[vm];
        g = dense[cell];
        if (g < 0) {
          g = pairCount++;
          dense[cell] = g;
        }
      } else {
        g = sparse.intern(key(subscription[vm], region[vm]));
        pairCount = sparse.size();
      }
      subscriptionRegion[vm] = g;
      if (g >= counts.length) {
        counts = Arrays.copyOf(counts, counts.length * 2);
      }
      if (set[vm] < 0) {
        counts[g]++;
      }
    }
    this.nonSetCount = Arrays.copyOf(counts, pairCount);
  }

  /** The most (subscription, region) cells numbered through a dense table (16 MB of ints). */
  private static final long DENSE_PAIR_TABLE = 1 << 22;

  /** The fewest VMs per thread for which {@link #of} splits the work: below it one thread is faster. */
  public static final int PARALLEL_CHUNK = 1 << 15;

  /**
   * Indexes a fleet held in memory. A large list ({@link java.util.RandomAccess}) is indexed in
   * contiguous parts by up to {@link RolloutPolicy#planningThreads()} threads and the parts joined in
   * order; the index is the same as one thread's.
   */
  public static FleetIndex of(Iterable<VirtualMachine> vms, RolloutPolicy policy) {
    if (vms instanceof List && vms instanceof RandomAccess) {
      List<VirtualMachine> list = (List<VirtualMachine>) vms;
      int parts = Math.min(policy.planningThreads(), list.size() / PARALLEL_CHUNK);
      if (parts > 1) {
        return ofParts(list, policy, parts);
      }
    }
    Builder b = new Builder(policy, vms instanceof Collection ? ((Collection<?>) vms).size() : 0);
    for (VirtualMachine vm : vms) {
      b.add(vm);
    }
    return b.build();
  }

  /**
   * Indexes {@code parts} contiguous ranges of the list at once, each into its own range of shared
   * columns with its own interning tables; then, in order, maps each later range's numbers onto the
   * first builder's tables in place.
   */
  private static FleetIndex ofParts(List<VirtualMachine> list, RolloutPolicy policy, int parts) {
    int n = list.size();
    Columns shared = new Columns(n);
    List<CompletableFuture<Builder>> rest = new ArrayList<>(parts - 1);
    for (int p = 1; p < parts; p++) {
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      rest.add(CompletableFuture.supplyAsync(() -> part(list, from, to, policy, shared), ForkJoinPool.commonPool()));
    }
    Builder first = part(list, 0, (int) ((long) n / parts), policy, shared);
    for (CompletableFuture<Builder> f : rest) {
      first.absorb(Parallel.join(f));
    }
    return first.build();
  }

  private static Builder part(List<VirtualMachine> list, int from, int to, RolloutPolicy policy, Columns shared) {
    Builder b = new Builder(policy, shared, from);
    for (int i = from; i < to; i++) {
      b.add(list.get(i));
    }
    return b;
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
    /** Where this builder writes: the columns and the next row. */
    private Columns columns;
    private int next;
    /** The first row of this builder's range (0 unless it indexes one part of a list). */
    private final int first;
    /** Whether the columns are shared with other builders and so never grow. */
    private final boolean shared;
    private final Interner regions = new Interner(true);
    private final Interner zones = new Interner();
    private final Interner sets = new Interner();
    private final Interner subs = new Interner();
    private final Map<ZoneId, Integer> tzIds = new HashMap<>();
    private final List<ZoneId> tzTable = new ArrayList<>();
    /** Per region number, its time zone number (W1 without a Windows zone), or -1 until looked up. */
    private int[] regionTimeZone = new int[0];
    /** Per Windows time zone name, its time zone number, or -1 when CLDR does not know the name. */
    private final StringTable windowsTimeZones = new StringTable();
    private final Map<DailyWindow, Integer> windowIds = new HashMap<>();
    private final List<DailyWindow> windowTable = new ArrayList<>();
    /** The window number of VMs without tags, or -1 until the first such VM. */
    private int untaggedWindow = -1;
    /** The last tag map seen and its window number: VMs of one template share their tag map. */
    private Map<String, String> lastTags = Map.of();
    private int lastTagsWindow = -1;
    private final Map<String, Integer> reasonBits = new LinkedHashMap<>();
    private final List<String> reasonCodes = new ArrayList<>();
    private final List<String> reasonExamples = new ArrayList<>();
    private int[] setCounts = new int[64];

    private final EligibilityCache eligibilityCache;

    private Builder(RolloutPolicy policy, int expectedSize) {
      this(policy, new Columns(Math.max(1024, expectedSize)), 0, false);
    }

    /** A builder that writes rows {@code from, from + 1, ...} of columns it shares with others. */
    private Builder(RolloutPolicy policy, Columns columns, int from) {
      this(policy, columns, from, true);
    }

    private Builder(RolloutPolicy policy, Columns columns, int from, boolean shared) {
      this.columns = columns;
      this.first = from;
      this.next = from;
      this.shared = shared;
      this.settings = policy.settings();
      this.eligibilityCache = new EligibilityCache(settings.requiresOptIn());
      this.offPeak = policy.offPeak();
    }

    /**
     * Adds a VM.
     *
     * <p>Duplicate VM ids (ignoring case) are found by {@link #build()}, which rejects them.
     */
    public Builder add(VirtualMachine vm) {
      int n = next;
      if (n == columns.ids.length) {
        if (shared) {
          throw new IllegalStateException("a part builder got more VMs than its range");
        }
        columns.grow(n * 2);
      }
      Columns c = columns;
      String id = vm.id();
      c.idHash[n] = DuplicateIds.hash(id);
      c.ids[n] = id;
      String regionName = vm.region();
      int r = regions.intern(regionName);
      c.region[n] = r;
      Optional<String> zoneName = vm.zone();
      c.zone[n] = zoneName.isPresent() ? zones.intern(zoneName.get()) : -1;
      Optional<String> setId = vm.availabilitySetId();
      int s = setId.isPresent() ? sets.intern(setId.get()) : -1;
      c.set[n] = s;
      c.ud[n] = vm.platformUpdateDomain().orElse(-1);
      c.sub[n] = subs.intern(vm.subscriptionId());
      if (s >= 0) {
        if (s >= setCounts.length) {
          setCounts = Arrays.copyOf(setCounts, Math.max(s + 1, setCounts.length * 2));
        }
        setCounts[s]++;
      }
      // Each read of an Optional attribute allocates a wrapper on JDK 17, so each is read once here.
      Optional<WindowsConfiguration> windows = vm.windowsConfiguration();
      c.tz[n] = timeZoneOf(windows, r, regionName);
      c.win[n] = windowOf(vm);
      int mask = eligibilityCache.lookup(vm, windows.orElse(null));
      if (mask == EligibilityCache.MISS) {
        mask = eligibilityMask(vm);
        eligibilityCache.store(mask);
      }
      c.reasons[n] = mask;
      c.enabled[n] = patchModeReady(vm);
      Optional<PowerState> power = vm.powerState();
      c.running[n] = power.isEmpty() || power.get().isRunning(); // as VirtualMachine.isRunning()
      c.windows[n] = vm.isWindows();
      next = n + 1;
      return this;
    }

    /**
     * W1 as {@link OffPeakPolicy#timeZoneOf(VirtualMachine)} answers it (a Windows zone CLDR knows, else
     * the region's), looked up once per Windows zone name and once per region.
     */
    private int timeZoneOf(Optional<WindowsConfiguration> windows, int r, String regionName) {
      if (windows.isPresent()) {
        Optional<String> name = windows.get().timeZone();
        if (name.isPresent()) {
          int known = windowsTimeZones.get(name.get());
          if (known == StringTable.ABSENT) {
            Optional<ZoneId> z = WindowsTimeZones.toZoneId(name.get());
            known = z.isPresent() ? timeZoneId(z.get()) : -1;
            windowsTimeZones.put(name.get(), known);
          }
          if (known >= 0) {
            return known;
          }
        }
      }
      if (r >= regionTimeZone.length) {
        int old = regionTimeZone.length;
        regionTimeZone = Arrays.copyOf(regionTimeZone, Math.max(r + 1, old * 2));
        Arrays.fill(regionTimeZone, old, regionTimeZone.length, -1);
      }
      if (regionTimeZone[r] < 0) {
        regionTimeZone[r] = timeZoneId(offPeak.timeZoneOf(Optional.empty(), regionName));
      }
      return regionTimeZone[r];
    }

    /** W2: the window number; the tag is read once per distinct tag map in a row. */
    private int windowOf(VirtualMachine vm) {
      Map<String, String> tags = vm.tags();
      if (tags.isEmpty()) {
        if (untaggedWindow < 0) {
          untaggedWindow = windowId(offPeak.windowOf(vm));
        }
        return untaggedWindow;
      }
      if (tags != lastTags) {
        lastTags = tags;
        lastTagsWindow = windowId(offPeak.windowOf(vm));
      }
      return lastTagsWindow;
    }

    private int windowId(DailyWindow w) {
      return numberOf(w, windowIds, windowTable);
    }

    /** The value's number in {@code table}, appending it (and numbering it in {@code ids}) when new. */
    private static <T> int numberOf(T value, Map<T, Integer> ids, List<T> table) {
      Integer id = ids.get(value);
      if (id == null) {
        id = table.size();
        ids.put(value, id);
        table.add(value);
      }
      return id;
    }

    /** E-rules for one VM as a bit set of interned reason codes; 0 when eligible. */
    private int eligibilityMask(VirtualMachine vm) {
      Eligibility e = settings.eligibility(vm);
      int mask = 0;
      if (!e.isEligible()) {
        for (Violation v : e.reasons()) {
          mask |= 1 << reasonBit(v.reason(), v.message());
        }
        if (mask == 0) {
          mask = 1 << 30;
        }
      }
      return mask;
    }

    /**
     * The bit of a reason code, numbered in order of first appearance; codes after the 31st share bit
     * 30. The example message kept is the first one's.
     */
    private int reasonBit(String code, String example) {
      Integer bit = reasonBits.get(code);
      if (bit == null) {
        if (reasonBits.size() >= 31) {
          return 30;
        }
        bit = reasonBits.size();
        reasonBits.put(code, bit);
        reasonCodes.add(code);
        reasonExamples.add(example);
      }
      return bit;
    }

    /** B3: Ready, or no patchStatus at all (see {@link FleetIndex#isEnabled}). */
    private static boolean patchModeReady(VirtualMachine vm) {
      Optional<VirtualMachinePatchStatus> status = vm.patchStatus();
      if (status.isEmpty()) {
        return true;
      }
      List<InstanceViewStatus> statuses = status.get().configurationStatuses();
      for (int i = 0; i < statuses.size(); i++) {
        Optional<String> code = statuses.get(i).code();
        if (code.isPresent() && code.get().equalsIgnoreCase(PATCH_MODE_READY)) {
          return true;
        }
      }
      return false;
    }

    private int timeZoneId(ZoneId z) {
      return numberOf(z, tzIds, tzTable);
    }

    /**
     * Takes over the rows of a builder that indexed the records right after this one's, in the same
     * columns, as if they had been added here: its interned numbers are mapped onto this builder's
     * tables in place, so every number, first spelling and example message is the one a single
     * builder would have given.
     */
    void absorb(Builder other) {
      if (other.columns != columns || other.first != next) {
        throw new IllegalStateException("absorb takes the next range of the same columns");
      }
      int[] regionMap = other.regions.mapOnto(regions);
      int[] zoneMap = other.zones.mapOnto(zones);
      int[] setMap = other.sets.mapOnto(sets);
      int[] subMap = other.subs.mapOnto(subs);
      int[] tzMap = new int[other.tzTable.size()];
      for (int i = 0; i < tzMap.length; i++) {
        tzMap[i] = timeZoneId(other.tzTable.get(i));
      }
      int[] winMap = new int[other.windowTable.size()];
      for (int i = 0; i < winMap.length; i++) {
        winMap[i] = windowId(other.windowTable.get(i));
      }
      int[] bitMap = new int[other.reasonCodes.size()];
      for (int i = 0; i < bitMap.length; i++) {
        bitMap[i] = reasonBit(other.reasonCodes.get(i), other.reasonExamples.get(i));
      }
      Columns c = columns;
      for (int i = other.first; i < other.next; i++) {
        c.region[i] = regionMap[c.region[i]];
        int z = c.zone[i];
        c.zone[i] = z < 0 ? -1 : zoneMap[z];
        int s = c.set[i];
        c.set[i] = s < 0 ? -1 : setMap[s];
        c.sub[i] = subMap[c.sub[i]];
        c.tz[i] = tzMap[c.tz[i]];
        c.win[i] = winMap[c.win[i]];
        int mask = c.reasons[i];
        if (mask != 0) {
          int mapped = 0;
          for (int bits = mask; bits != 0; bits &= bits - 1) {
            int bit = Integer.numberOfTrailingZeros(bits);
            mapped |= 1 << (bit < bitMap.length ? bitMap[bit] : 30);
          }
          c.reasons[i] = mapped;
        }
      }
      for (int s = 0; s < setMap.length; s++) {
        int to = setMap[s];
        if (to >= setCounts.length) {
          setCounts = Arrays.copyOf(setCounts, Math.max(to + 1, setCounts.length * 2));
        }
        setCounts[to] += other.setCounts[s];
      }
      next = other.next;
    }

    /** The index. */
    public FleetIndex build() {
      if (first != 0) {
        throw new IllegalStateException("only the first part's builder builds the index");
      }
      int[] hashes = next == columns.idHash.length ? columns.idHash : Arrays.copyOf(columns.idHash, next);
      String duplicates = DuplicateIds.duplicates(hashes, columns.ids);
      if (!duplicates.isEmpty()) {
        throw new IllegalArgumentException(duplicates);
      }
      return new FleetIndex(this);
    }
  }

  /** The per-VM columns a builder fills, row by row; parts of a list fill ranges of shared columns. */
  static final class Columns {
    String[] ids;
    int[] idHash;
    int[] region;
    int[] zone;
    int[] set;
    int[] ud;
    int[] sub;
    int[] tz;
    int[] win;
    int[] reasons;
    boolean[] running;
    boolean[] windows;
    boolean[] enabled;

    Columns(int capacity) {
      ids = new String[capacity];
      idHash = new int[capacity];
      region = new int[capacity];
      zone = new int[capacity];
      set = new int[capacity];
      ud = new int[capacity];
      sub = new int[capacity];
      tz = new int[capacity];
      win = new int[capacity];
      reasons = new int[capacity];
      running = new boolean[capacity];
      windows = new boolean[capacity];
      enabled = new boolean[capacity];
    }

    void grow(int capacity) {
      ids = Arrays.copyOf(ids, capacity);
      idHash = Arrays.copyOf(idHash, capacity);
      region = Arrays.copyOf(region, capacity);
      zone = Arrays.copyOf(zone, capacity);
      set = Arrays.copyOf(set, capacity);
      ud = Arrays.copyOf(ud, capacity);
      sub = Arrays.copyOf(sub, capacity);
      tz = Arrays.copyOf(tz, capacity);
      win = Arrays.copyOf(win, capacity);
      reasons = Arrays.copyOf(reasons, capacity);
      running = Arrays.copyOf(running, capacity);
      windows = Arrays.copyOf(windows, capacity);
      enabled = Arrays.copyOf(enabled, capacity);
    }

    /**
     * These columns cut to exactly {@code rows} rows, for the index. A builder that goes on adding
     * after {@link Builder#build()} grows (copies) them first, so the index's arrays never change.
     */
    Columns trim(int rows) {
      if (ids.length != rows) {
        grow(rows);
      }
      return this;
    }
  }

  /**
   * Finds VM ids that repeat, ignoring case: a case-insensitive hash of each id's tail while adding,
   * then one radix sort of (hash, record) pairs at build time; records with equal hashes are regrouped
   * by a full hash and only then compared. No lower-cased copy and no boxed number per VM.
   */
  static final class DuplicateIds {
    private DuplicateIds() {}

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

    /**
     * Describes every id that appears more than once, ignoring case ("VM id X appears twice in the fleet
     * (records 1 and 3); ..."), or "" when ids are unique; {@code hashes} are the {@link #hash}es of the
     * first {@code hashes.length} ids. Sorts (hash, record) pairs instead of probing a hash table, so
     * memory is read in order: a table of a million ids missed the cache on almost every insert.
     */
    static String duplicates(int[] hashes, String[] ids) {
      int n = hashes.length;
      long[] keys = sortByHash(hashes);
      List<int[]> pairs = new ArrayList<>();
      for (int start = 0; start < n; ) {
        int end = start + 1;
        while (end < n && (keys[end] >> 32) == (keys[start] >> 32)) {
          end++;
        }
        if (end - start > 1) {
          findEqual(keys, start, end, ids, pairs);
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
        sb.append(k == 0 ? "" : "; ").append("VM id ").append(ids[p[1]])
            .append(" appears twice in the fleet (records ").append(p[0] + 1).append(" and ").append(p[1] + 1)
            .append(')');
      }
      if (pairs.size() > 10) {
        sb.append("; and ").append(pairs.size() - 10).append(" more");
      }
      return sb.append("; remove the duplicates").toString();
    }

    /**
     * Among records {@code keys[start..end)} of one sampled hash (in input order), adds (first record,
     * later record) for each later record equal to an earlier one ignoring case. The records are
     * grouped again by {@link #fullHash} first, so ids that the sample could not tell apart cost one
     * more pass over their characters rather than a comparison with every other member.
     */
    private static void findEqual(long[] keys, int start, int end, String[] ids, List<int[]> pairs) {
      long[] members = new long[end - start];
      for (int i = start; i < end; i++) {
        int record = (int) keys[i];
        members[i - start] = ((long) fullHash(ids[record]) << 32) | record;
      }
      Arrays.sort(members); // by full hash, then record
      for (int from = 0; from < members.length; ) {
        int to = from + 1;
        while (to < members.length && (members[to] >> 32) == (members[from] >> 32)) {
          to++;
        }
        // Distinct ids of this full hash seen so far (their first records); almost always one.
        IntList firsts = new IntList(2);
        for (int i = from; i < to; i++) {
          int record = (int) members[i];
          boolean repeated = false;
          for (int f = 0; f < firsts.size() && !repeated; f++) {
            if (ids[firsts.get(f)].equalsIgnoreCase(ids[record])) {
              pairs.add(new int[] {firsts.get(f), record});
              repeated = true;
            }
          }
          if (!repeated) {
            firsts.add(record);
          }
        }
        from = to;
      }
    }

    /** The 32-bit FNV-1a prime: unlike 31, it leaves no small-difference collisions among ids. */
    private static final int FNV_PRIME = 0x01000193;

    /**
     * The hash kept per VM: the length and the last 16 characters (where ARM ids keep the VM name), in
     * two independent accumulators so that the CPU overlaps them. Reading only the tail touches one
     * cache line of the id instead of three. Ids that differ only before the tail share it and are
     * regrouped by {@link #fullHash} in {@link #findEqual}, so a fleet that reuses VM names across
     * resource groups costs one more pass over those ids, never a comparison of each with each.
     * Letters fold as in {@link #fold}, so ids equal ignoring case hash alike.
     */
    static int hash(String s) {
      int n = s.length();
      int c = n;
      int d = 0;
      int i = Math.max(0, n - 16);
      for (; i + 1 < n; i += 2) {
        c = (c ^ fold(s.charAt(i))) * FNV_PRIME;
        d = (d ^ fold(s.charAt(i + 1))) * FNV_PRIME;
      }
      if (i < n) {
        c = (c ^ fold(s.charAt(i))) * FNV_PRIME;
      }
      return mix(c * FNV_PRIME ^ d);
    }

    /** A hash of every character, folded as in {@link #fold}; used only where sampled hashes collide. */
    static int fullHash(String s) {
      int h = s.length();
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ fold(s.charAt(i))) * FNV_PRIME;
      }
      return mix(h);
    }

    /**
     * A character folded so that any two characters equalsIgnoreCase treats as equal fold alike:
     * non-ASCII characters through upper and then lower case, as equalsIgnoreCase compares them, and
     * then every character with bit 0x20 set, which lower-cases ASCII letters (and also merges a few
     * punctuation pairs such as '[' and '{': harmless, a hash may merge more than equality does).
     */
    static int fold(char c) {
      int folded = c < 128 ? c : Character.toLowerCase(Character.toUpperCase(c));
      return folded | 0x20;
    }

    /** The murmur3 finalizer: ids that differ in one trailing character land far apart. */
    private static int mix(int h) {
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
    /** Every spelling seen, exact, to its number: most lookups are one probe of a shared string. */
    private final StringTable ids = new StringTable();
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
      int id = ids.get(s);
      if (id == StringTable.ABSENT) {
        String key = s.toLowerCase(java.util.Locale.ROOT);
        id = ids.get(key);
        if (id == StringTable.ABSENT) {
          id = names.size();
          ids.put(key, id);
          names.add(lowerCaseNames ? key : s);
        }
        ids.put(s, id);
      }
      return id;
    }

    /** For each of this interner's numbers, the number {@code other} gives its name (interning it). */
    int[] mapOnto(Interner other) {
      int[] map = new int[names.size()];
      for (int i = 0; i < map.length; i++) {
        map[i] = other.intern(names.get(i));
      }
      return map;
    }

    String[] names() {
      return names.toArray(new String[0]);
    }
  }

  /**
   * Exact strings to ints by open addressing. Each slot keeps the key's hash beside it, so a probe
   * compares a key only when the hashes match; the key's own {@link String#hashCode} is cached in the
   * string, and a fleet's shared region or subscription strings are found on the first probe.
   */
  static final class StringTable {
    /** What {@link #get} answers for a string that is not in the table. */
    static final int ABSENT = Integer.MIN_VALUE;

    private String[] keys = new String[16];
    private int[] hashes = new int[16];
    private int[] values = new int[16];
    private int size;

    int get(String s) {
      int h = s.hashCode();
      int mask = keys.length - 1;
      for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
        String k = keys[i];
        if (k == null) {
          return ABSENT;
        }
        if (k == s || (hashes[i] == h && k.equals(s))) {
          return values[i];
        }
      }
    }

    /** Maps {@code s} to {@code value}, replacing an earlier value. */
    void put(String s, int value) {
      if (2 * (size + 1) > keys.length) {
        grow();
      }
      int h = s.hashCode();
      int mask = keys.length - 1;
      int i = spread(h) & mask;
      while (keys[i] != null && !(hashes[i] == h && keys[i].equals(s))) {
        i = (i + 1) & mask;
      }
      if (keys[i] == null) {
        size++;
      }
      keys[i] = s;
      hashes[i] = h;
      values[i] = value;
    }

    private void grow() {
      String[] oldKeys = keys;
      int[] oldHashes = hashes;
      int[] oldValues = values;
      keys = new String[oldKeys.length * 2];
      hashes = new int[keys.length];
      values = new int[keys.length];
      int mask = keys.length - 1;
      for (int j = 0; j < oldKeys.length; j++) {
        if (oldKeys[j] != null) {
          int i = spread(oldHashes[j]) & mask;
          while (keys[i] != null) {
            i = (i + 1) & mask;
          }
          keys[i] = oldKeys[j];
          hashes[i] = oldHashes[j];
          values[i] = oldValues[j];
        }
      }
    }

    /** Spreads a string hash over the low bits (string hashes of similar ids differ in few bits). */
    private static int spread(int h) {
      h *= 0x9E3779B9;
      return h ^ (h >>> 16);
    }
  }
}
